package io.graychain.frontend.page;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.graychain.support.test.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The weather page as a test drives it: open, sign in and out, ask for a forecast, read it back. */
final class WeatherPage {

	private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)");

	private final HeadlessChromium browser;

	private final String url;

	WeatherPage(HeadlessChromium browser, int port) {
		this.browser = browser;
		this.url = "http://127.0.0.1:" + port + "/";
	}

	/** Opens the page afresh and waits until it has drawn the frontend's own hop. */
	WeatherPage open() {
		browser.driver().get(url);
		browser.waiting().until(ExpectedConditions.textMatches(By.id("chain"), Pattern.compile("^frontend:v\\d+$")));
		browser.waiting().until(driver -> !new Select(find("city")).getOptions().isEmpty());
		return this;
	}

	WeatherPage signIn(String user) {
		find("user-name").sendKeys(user);
		find("sign-in").click();
		browser.waiting().until(ExpectedConditions.textToBe(By.id("signed-in-as"), user));
		return open();
	}

	WeatherPage signOut() {
		find("sign-out").click();
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
		return open();
	}

	WeatherPage showForecast(String cityName, String expectedChain) {
		new Select(find("city")).selectByVisibleText(cityName);
		find("show-forecast").click();
		browser.waiting().until(ExpectedConditions.textToBe(By.id("chain"), expectedChain));
		return this;
	}

	WeatherPage showForecastExpectingError(String cityName) {
		new Select(find("city")).selectByVisibleText(cityName);
		find("show-forecast").click();
		browser.waiting().until(driver -> !find("forecast-error").getText().isEmpty());
		return this;
	}

	/** Puts a cookie straight into the browser, as a hostile page or extension could. */
	WeatherPage withCookie(String name, String value) {
		browser.driver().manage().addCookie(new Cookie(name, value, "/"));
		return open();
	}

	/** Puts an HttpOnly cookie into the browser, as another application on the same host could set it. */
	WeatherPage withHttpOnlyCookie(String name, String value) {
		browser.driver().manage().addCookie(new Cookie.Builder(name, value).path("/").isHttpOnly(true).build());
		return open();
	}

	WeatherPage clearCookies() {
		browser.driver().manage().deleteAllCookies();
		return this;
	}

	String text(String id) {
		return find(id).getText();
	}

	boolean visible(String id) {
		return find(id).isDisplayed();
	}

	String cookie(String name) {
		Cookie cookie = browser.driver().manage().getCookieNamed(name);
		return (cookie != null) ? cookie.getValue() : null;
	}

	/** The cookies the page's own scripts can read ({@code document.cookie}). */
	String scriptCookies() {
		return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.cookie");
	}

	/** The page as it stands now, everything its scripts wrote into it included. */
	String source() {
		return browser.driver().getPageSource();
	}

	/** Each hop the page lists, as {@code service:version}. */
	List<String> hops() {
		return browser.driver().findElements(By.cssSelector("#hops > li")).stream()
			.map(hop -> hop.findElement(By.className("hop-service")).getText() + ":"
					+ hop.findElement(By.className("hop-version")).getText())
			.toList();
	}

	List<String> texts(String cssSelector) {
		return browser.driver().findElements(By.cssSelector(cssSelector)).stream().map(WebElement::getText).toList();
	}

	int elementsNamed(String tag) {
		return browser.driver().findElements(By.tagName(tag)).size();
	}

	/** The computed background colour of an element as red, green and blue. */
	int[] backgroundRgb(String id) {
		String colour = find(id).getCssValue("background-color");
		Matcher rgb = RGB.matcher(colour);
		if (!rgb.find()) {
			throw new AssertionError("not an rgb colour: " + colour);
		}
		return new int[] { Integer.parseInt(rgb.group(1)), Integer.parseInt(rgb.group(2)),
				Integer.parseInt(rgb.group(3)) };
	}

	private WebElement find(String id) {
		return browser.driver().findElement(By.id(id));
	}

}
