package io.graychain.chains.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import io.graychain.support.test.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lab's dashboard in a real headless Chromium ({@link HeadlessChromium}: Debian {@code chromium}
 * and {@code chromium-driver}, required through {@code RequiredTools}), for the loopback page only.
 */
final class LabDashboardPage implements AutoCloseable {

	/** How the lab answers apply and reset (DashboardServer): applied ..., refused ..., reset .... */
	private static final Pattern ANSWER = Pattern.compile("applied|refused|reset");

	private final HeadlessChromium browser;

	private final ChromeDriver driver;

	private LabDashboardPage(HeadlessChromium browser) {
		this.browser = browser;
		this.driver = browser.driver();
	}

	/** Opens {@code url} (the dashboard URL {@code lab up} prints, with its {@code #token=}). */
	static LabDashboardPage open(String url) throws IOException {
		HeadlessChromium browser = HeadlessChromium.start();
		try {
			browser.driver().manage().window().setSize(new Dimension(1400, 1300));
			browser.driver().get(url);
			LabDashboardPage page = new LabDashboardPage(browser);
			page.waiting().until(d -> !d.findElements(By.cssSelector("#scenario option")).isEmpty());
			return page;
		}
		catch (RuntimeException ex) {
			browser.close();
			throw ex;
		}
	}

	/**
	 * A wait that reads the page again when a row it held was redrawn meanwhile: the page replaces
	 * its tables on every poll, so an element found a moment ago may be stale.
	 */
	WebDriverWait waiting() {
		WebDriverWait wait = browser.waiting();
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/** Picks {@code scenario} and presses apply with the keyboard; the message the lab answered. */
	String apply(String scenario) {
		new Select(driver.findElement(By.id("scenario"))).selectByValue(scenario);
		clearMessage();
		driver.findElement(By.id("apply")).sendKeys(org.openqa.selenium.Keys.ENTER);
		return awaitAnswer();
	}

	/**
	 * Without a mouse: Tab from the top of the page to the scenario picker, arrow keys to
	 * {@code scenario}, Tab to apply and Enter; the message the lab answered.
	 */
	String applyWithKeyboard(String scenario) {
		driver.navigate().refresh();
		waiting().until(d -> !d.findElements(By.cssSelector("#scenario option")).isEmpty());
		tabTo("scenario");
		Select picker = new Select(driver.findElement(By.id("scenario")));
		new Actions(driver).sendKeys(Keys.HOME).perform();
		for (int i = 0; i < picker.getOptions().size() && !scenario.equals(focusedValue()); i++) {
			new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
		}
		if (!scenario.equals(focusedValue())) {
			throw new IllegalStateException("the arrow keys never picked " + scenario + " (at " + focusedValue() + ")");
		}
		clearMessage();
		tabTo("apply");
		new Actions(driver).sendKeys(Keys.ENTER).perform();
		return awaitAnswer();
	}

	/** Without a mouse: Tab to reset and Enter; the message the lab answered. */
	String resetWithKeyboard() {
		clearMessage();
		tabTo("reset");
		new Actions(driver).sendKeys(Keys.ENTER).perform();
		return awaitAnswer();
	}

	/** Presses Tab until the element {@code id} has the focus (at most 20 times). */
	private void tabTo(String id) {
		for (int i = 0; i < 20; i++) {
			if (id.equals(driver.switchTo().activeElement().getDomAttribute("id"))) {
				return;
			}
			new Actions(driver).sendKeys(Keys.TAB).perform();
		}
		throw new IllegalStateException("Tab never reached #" + id);
	}

	private String focusedValue() {
		return (String) driver.executeScript("return document.activeElement.value");
	}

	/** True when the graph draws {@code from -> to} as a mirrored edge, dashed. */
	boolean dashedMirror(String from, String to) {
		return driver.findElements(By.cssSelector("#graph path.edge.mirrored[data-from='" + from + "'][data-to='" + to + "']"))
			.stream().anyMatch(p -> !"none".equals(p.getCssValue("stroke-dasharray")))
				&& !driver.findElements(By.cssSelector("#edges tr[data-from='" + from + "'][data-to='" + to + "'][data-mirrored='true']")).isEmpty();
	}

	/** Presses reset; the message the lab answered. */
	String reset() {
		clearMessage();
		driver.findElement(By.id("reset")).click();
		return awaitAnswer();
	}

	private void clearMessage() {
		driver.executeScript("document.getElementById('message').textContent = ''");
	}

	/**
	 * Waits for the lab's answer to apply or reset: a message starting with applied, refused or reset.
	 * Any other message (the page's "the lab does not answer" after a failed poll) is not an answer.
	 */
	private String awaitAnswer() {
		return waiting().until(d -> {
			String now = d.findElement(By.id("message")).getText();
			return ANSWER.matcher(now).lookingAt() ? now : null;
		});
	}

	String inForce() {
		return driver.findElement(By.id("in-force")).getText();
	}

	/** The share (%) the page shows for the edge {@code from -> to}, once it shows {@code requests} requests on it and its siblings. */
	double share(String from, String to) {
		String value = driver.findElement(By.cssSelector("#edges tr[data-from='" + from + "'][data-to='" + to + "']"))
			.getDomAttribute("data-share");
		return Double.parseDouble(value);
	}

	/** Waits until the edges from {@code from} to {@code service} count {@code requests} requests in all. */
	void awaitRequests(String from, String service, long requests) {
		waiting().until(d -> d.findElements(By.cssSelector("#edges tr[data-from='" + from + "']")).stream()
			.filter(r -> r.getDomAttribute("data-to").startsWith(service + ":"))
			.mapToLong(r -> Long.parseLong(r.findElements(By.tagName("td")).get(5).getText()))
			.sum() >= requests);
	}

	/** True when the chains table shows {@code chain} flagged crossed. */
	boolean crossed(String chain) {
		return driver.findElements(By.cssSelector("#chains tr")).stream()
			.anyMatch(r -> chain.equals(r.getDomAttribute("data-chain")) && "true".equals(r.getDomAttribute("data-crossed")));
	}

	boolean hasNode(String id) {
		return !driver.findElements(By.cssSelector("#graph g.node[data-node='" + id + "']")).isEmpty();
	}

	void screenshot(Path to) throws IOException {
		Files.write(to, driver.getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() throws IOException {
		browser.close();
	}

}
