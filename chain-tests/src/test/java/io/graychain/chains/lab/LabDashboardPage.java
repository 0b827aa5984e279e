package io.graychain.chains.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.graychain.support.test.RequiredTools;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lab's dashboard in a real headless Chromium (Debian {@code chromium} and {@code chromium-driver},
 * required through {@link RequiredTools}), with a fresh profile, for the loopback page only.
 */
final class LabDashboardPage implements AutoCloseable {

	static final Duration WAIT = Duration.ofSeconds(20);

	/** How the lab answers apply and reset (DashboardServer): applied ..., refused ..., reset .... */
	private static final Pattern ANSWER = Pattern.compile("applied|refused|reset");

	private final Path profile;

	private final ChromeDriver driver;

	private LabDashboardPage(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/** Opens {@code url} (the dashboard URL {@code lab up} prints, with its {@code #token=}). */
	static LabDashboardPage open(String url) throws IOException {
		Path chromedriver = RequiredTools.require("chromedriver", "/usr/bin/chromedriver");
		Path chromium = RequiredTools.require("chromium", "/usr/bin/chromium");
		Path profile = Files.createTempDirectory("graychain-dashboard-");
		ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--disable-background-networking", "--disable-component-update", "--no-first-run",
					"--user-data-dir=" + profile);
		ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort().withTimeout(WAIT).build(), options);
		driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
		driver.manage().window().setSize(new Dimension(1400, 1300));
		driver.get(url);
		LabDashboardPage page = new LabDashboardPage(profile, driver);
		page.waiting().until(d -> !d.findElements(By.cssSelector("#scenario option")).isEmpty());
		return page;
	}

	WebDriverWait waiting() {
		return new WebDriverWait(driver, WAIT);
	}

	/** Picks {@code scenario} and presses apply with the keyboard; the message the lab answered. */
	String apply(String scenario) {
		new Select(driver.findElement(By.id("scenario"))).selectByValue(scenario);
		clearMessage();
		driver.findElement(By.id("apply")).sendKeys(org.openqa.selenium.Keys.ENTER);
		return awaitAnswer();
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
		try {
			driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

}
