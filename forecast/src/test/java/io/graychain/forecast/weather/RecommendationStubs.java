package io.graychain.forecast.weather;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** What the recommendation service answers, as WireMock stubs. */
final class RecommendationStubs {

	static final String REPLY = """
			{"chain":"recommendation:v1","service":"recommendation","version":"v1","pod":"recommendation-v1-abc",
			 "data":{"city":"berlin","weather":"cloudy","items":["Bring a light jacket","Visit a museum"]}}
			""";

	private RecommendationStubs() {
	}

	static MappingBuilder recommendations() {
		return get(urlPathEqualTo("/recommendations"));
	}

	static MappingBuilder answering() {
		return recommendations().willReturn(okJson(REPLY));
	}

}
