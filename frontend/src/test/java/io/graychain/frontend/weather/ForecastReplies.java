package io.graychain.frontend.weather;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** What the forecast service answers, as WireMock stubs. */
public final class ForecastReplies {

	/** forecast v2, with the reply of recommendation v1 nested inside. */
	public static final String V2_WITH_RECOMMENDATIONS = """
			{"chain":"forecast:v2 > recommendation:v1","service":"forecast","version":"v2","pod":"forecast-v2-7d9",
			 "data":{"city":"berlin","name":"Berlin","weather":"cloudy","highC":14,"lowC":6},
			 "downstream":{"service":"recommendation","version":"v1","pod":"recommendation-v1-5c4",
			   "data":{"city":"berlin","weather":"cloudy","items":["Bring a light jacket","Visit a museum"]}}}
			""";

	/** forecast v2 failing because recommendation is down, as support's error advice writes it. */
	static final String RECOMMENDATION_DOWN = """
			{"type":"about:blank","title":"Service Unavailable","status":503,
			 "detail":"recommendation is unreachable","hop":"forecast:v2","failedHop":"recommendation",
			 "chain":"forecast:v2 > recommendation:!503"}
			""";

	private ForecastReplies() {
	}

	public static MappingBuilder forecast() {
		return get(urlPathEqualTo("/forecast"));
	}

	public static MappingBuilder answeringV2() {
		return forecast().willReturn(okJson(V2_WITH_RECOMMENDATIONS));
	}

	static MappingBuilder recommendationDown() {
		return forecast().willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/problem+json")
			.withBody(RECOMMENDATION_DOWN));
	}

}
