package dk.orghub.routes;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven by Selenium, headless, with a profile of its own that is
 * deleted on {@link #close()}. Skips the test with a message when chromium or
 * chromedriver is missing, unless {@code hub.test.browser.required=true} (CI).
 */
final class Chromium implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final Path profile;

	private final Path downloads;

	private final ChromeDriver driver;

	private Chromium() throws IOException {
		this.profile = Files.createTempDirectory("orghub-chromium");
		this.downloads = Files.createDirectories(this.profile.resolve("downloads"));
		ChromeOptions options = new ChromeOptions();
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", this.downloads.toString(), "download.prompt_for_download", false));
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--window-size=1400,1000", "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	/**
	 * Opens the browser, or skips the test when it is not installed (and not required).
	 */
	static Chromium open() throws IOException {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		String missing = "the browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
				+ CHROMEDRIVER + "): apt-get install -y chromium chromium-driver";
		if (!present && Boolean.getBoolean("hub.test.browser.required")) {
			throw new IllegalStateException("hub.test.browser.required is set but " + missing);
		}
		if (!present) {
			System.err.println("[orghub] skipped: " + missing);
		}
		Assumptions.assumeTrue(present, "skipped: " + missing);
		return new Chromium();
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/** Where the browser saves downloads. */
	Path downloads() {
		return this.downloads;
	}

	/** Logs in with the hub's login form, from wherever the browser was sent to it. */
	void logIn(String user, String password) {
		this.driver.findElement(By.id("username")).sendKeys(user);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		// the login's POST and its redirect must be done before a test navigates on: a
		// navigation that starts while the POST is in flight cancels it, and the page
		// then opens without a session (the login page again)
		until((driver) -> !driver.getCurrentUrl().contains("/login"));
	}

	/**
	 * Waits (at most 30 s) until the condition holds; a page that re-renders is read
	 * again.
	 */
	<T> T until(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	@Override
	public void close() throws IOException {
		this.driver.quit();
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

}
