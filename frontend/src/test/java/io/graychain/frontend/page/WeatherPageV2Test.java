package io.graychain.frontend.page;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wiremock.spring.InjectWireMock;

import io.graychain.frontend.FrontendTest;
import io.graychain.frontend.weather.ForecastReplies;
import io.graychain.support.test.HeadlessChromium;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The v2 page in a real headless Chromium: blue button, sign-in cookie, every hop's version, no injection. */
@FrontendTest
@TestPropertySource(properties = "VERSION=v2")
class WeatherPageV2Test {

	@RegisterExtension
	static final HeadlessChromium.PerClass chromium = new HeadlessChromium.PerClass();

	@LocalServerPort
	int port;

	@InjectWireMock("forecast")
	WireMockServer forecast;

	private WeatherPage page;

	@BeforeEach
	void openPage() {
		forecast.stubFor(ForecastReplies.answeringV2());
		page = new WeatherPage(chromium.browser(), port).open().clearCookies().open();
	}

	@Test
	void theForecastButtonIsBlue() {
		int[] rgb = page.backgroundRgb("show-forecast");
		assertThat(rgb[2]).as("blue of %s", (Object) rgb).isGreaterThan(rgb[0] + 60).isGreaterThan(rgb[1] + 40);
		assertThat(page.hops()).containsExactly("frontend:v2");
	}

	@Test
	void signingInAsTesterSetsTheCookieThatReachesForecast() {
		page.signIn("tester");
		assertThat(page.cookie("user")).isEqualTo("tester");
		assertThat(page.text("signed-in-as")).isEqualTo("tester");
		assertThat(page.visible("sign-in-form")).isFalse();
		page.showForecast("Berlin", "frontend:v2 > forecast:v2 > recommendation:v1");
		forecast.verify(getRequestedFor(urlPathEqualTo("/forecast")).withHeader("cookie", equalTo("user=tester")));
		page.signOut();
		assertThat(page.cookie("user")).isNull();
		assertThat(page.visible("sign-in-form")).isTrue();
		assertThat(page.visible("signed-in")).isFalse();
	}

	@Test
	void anHttpOnlyCookieReachesNeitherThePageNorForecast() {
		page.withHttpOnlyCookie("session", "secret").signIn("tester");
		assertThat(page.scriptCookies()).isEqualTo("user=tester");
		page.showForecast("Berlin", "frontend:v2 > forecast:v2 > recommendation:v1");
		forecast.verify(getRequestedFor(urlPathEqualTo("/forecast")).withHeader("cookie", equalTo("user=tester")));
		forecast.verify(0, anyRequestedFor(anyUrl()).withHeader("cookie", containing("secret")));
		assertThat(page.texts("#hops dd")).contains("user=tester");
		assertThat(page.source()).doesNotContain("secret");
	}

	@Test
	void showsTheVersionOfEveryHopAndTheForecast() {
		page.showForecast("Berlin", "frontend:v2 > forecast:v2 > recommendation:v1");
		assertThat(page.hops()).containsExactly("frontend:v2", "forecast:v2", "recommendation:v1");
		assertThat(page.text("forecast-city")).isEqualTo("Berlin");
		assertThat(page.text("forecast-weather")).isEqualTo("cloudy");
		assertThat(page.texts("#recommendation-list > li")).containsExactly("Bring a light jacket", "Visit a museum");
		assertThat(page.text("trace-id")).matches("[0-9a-f]{32}");
	}

	@Test
	void injectedHtmlInTheCookieStaysText() {
		page.withCookie("user", "<b>x</b>");
		assertThat(page.text("signed-in-as")).isEqualTo("<b>x</b>");
		page.showForecast("Berlin", "frontend:v2 > forecast:v2 > recommendation:v1");
		assertThat(page.texts("#hops dd")).contains("user=<b>x</b>");
		assertThat(page.elementsNamed("b")).isZero();
	}

}
