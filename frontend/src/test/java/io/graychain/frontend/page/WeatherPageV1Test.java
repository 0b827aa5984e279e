package io.graychain.frontend.page;

import java.io.IOException;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;

import io.graychain.frontend.FrontendTest;
import io.graychain.frontend.weather.ForecastReplies;

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

	private static HeadlessChromium browser;

	@LocalServerPort
	int port;

	@InjectWireMock("forecast")
	WireMockServer forecast;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void theForecastButtonIsGreenAndTheChainHasNoRecommendation() {
		forecast.stubFor(ForecastReplies.forecast().willReturn(okJson(FORECAST_V1)));
		WeatherPage page = new WeatherPage(browser, port).open();
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
		WeatherPage page = new WeatherPage(browser, port).open();
		page.showForecastExpectingError("Berlin");
		assertThat(page.text("forecast-error")).contains("502").contains("frontend:v1 > forecast:!502");
		assertThat(page.elementsNamed("b")).isZero();
	}

}
