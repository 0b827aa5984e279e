package io.graychain.frontend.page;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wiremock.spring.InjectWireMock;

import io.graychain.frontend.FrontendTest;
import io.graychain.frontend.weather.ForecastReplies;
import io.graychain.support.test.HeadlessChromium;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/** The v1 page in a real headless Chromium: a green button, and failures shown as text. */
@FrontendTest
class WeatherPageV1Test {

	private static final String FORECAST_V1 = """
			{"service":"forecast","version":"v1","data":{"city":"oslo","name":"Oslo","weather":"snowy","highC":1,"lowC":-6}}
			""";

	@RegisterExtension
	static final HeadlessChromium.PerClass chromium = new HeadlessChromium.PerClass();

	@LocalServerPort
	int port;

	@InjectWireMock("forecast")
	WireMockServer forecast;

	@Test
	void theForecastButtonIsGreenAndTheChainHasNoRecommendation() {
		forecast.stubFor(ForecastReplies.forecast().willReturn(okJson(FORECAST_V1)));
		WeatherPage page = new WeatherPage(chromium.browser(), port).open();
		int[] rgb = page.backgroundRgb("show-forecast");
		assertThat(rgb[1]).as("green of %s", (Object) rgb).isGreaterThan(rgb[0] + 40).isGreaterThan(rgb[2] + 40);
		page.showForecast("Oslo", "frontend:v1 > forecast:v1");
		assertThat(page.hops()).containsExactly("frontend:v1", "forecast:v1");
		assertThat(page.text("forecast-high")).isEqualTo("1");
		assertThat(page.visible("recommendations")).isFalse();
	}

	@Test
	void aFailedHopIsShownAsText() {
		forecast.stubFor(ForecastReplies.forecast().willReturn(aResponse().withStatus(200).withBody("<b>garbage</b>")));
		WeatherPage page = new WeatherPage(chromium.browser(), port).open();
		page.showForecastExpectingError("Berlin");
		assertThat(page.text("forecast-error")).contains("502").contains("frontend:v1 > forecast:!502");
		assertThat(page.elementsNamed("b")).isZero();
	}

}
