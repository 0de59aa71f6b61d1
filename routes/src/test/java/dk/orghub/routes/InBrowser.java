package dk.orghub.routes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test of the running hub: a fresh {@link Chromium} for each test, closed after
 * it (the test is skipped when the browser is missing and not required).
 */
abstract class InBrowser {

	@LocalServerPort
	protected int port;

	protected Chromium chromium;

	protected ChromeDriver browser;

	@BeforeEach
	void openTheBrowser() throws Exception {
		this.chromium = Chromium.open();
		this.browser = this.chromium.driver();
	}

	@AfterEach
	void closeTheBrowser() throws Exception {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	/** The hub's address. */
	protected String base() {
		return "http://localhost:" + this.port;
	}

}
