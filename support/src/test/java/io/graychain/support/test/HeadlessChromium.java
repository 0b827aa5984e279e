package io.graychain.support.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian {@code chromium} and {@code chromium-driver}) with a fresh
 * profile, for loopback pages only. Missing tools fail the test under
 * {@code GRAYCHAIN_REQUIRE_TOOLS=true} and skip it otherwise ({@link RequiredTools}). A test class holds
 * one browser for all its tests with
 * {@code @RegisterExtension static final HeadlessChromium.PerClass chromium = new HeadlessChromium.PerClass();},
 * or one test opens its own with {@link #start()} in a try-with-resources. Shared by the modules'
 * browser tests through support's test-jar.
 */
public final class HeadlessChromium implements AutoCloseable {

	/** How long a page load, a script and a {@link #waiting()} wait at most. */
	public static final Duration WAIT = Duration.ofSeconds(20);

	private final Path profile;

	private final ChromeDriver driver;

	private HeadlessChromium(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/** Starts a browser with a fresh profile (removed on {@link #close()}). */
	public static HeadlessChromium start() throws IOException {
		Path chromedriver = RequiredTools.require("chromedriver", "/usr/bin/chromedriver");
		Path chromium = RequiredTools.require("chromium", "/usr/bin/chromium");
		Path profile = Files.createTempDirectory("graychain-chromium-");
		ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.withTimeout(WAIT)
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
		return new HeadlessChromium(profile, driver);
	}

	public ChromeDriver driver() {
		return driver;
	}

	/** A wait of at most {@link #WAIT}. */
	public WebDriverWait waiting() {
		return new WebDriverWait(driver, WAIT);
	}

	@Override
	public void close() throws IOException {
		try {
			driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(HeadlessChromium::delete);
			}
		}
	}

	private static void delete(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One browser for the tests of a class: started before the first, closed after the last. */
	public static final class PerClass implements BeforeAllCallback, AfterAllCallback {

		private HeadlessChromium browser;

		@Override
		public void beforeAll(ExtensionContext context) throws IOException {
			browser = start();
		}

		@Override
		public void afterAll(ExtensionContext context) throws IOException {
			if (browser != null) {
				browser.close();
				browser = null;
			}
		}

		public HeadlessChromium browser() {
			return browser;
		}

	}

}
