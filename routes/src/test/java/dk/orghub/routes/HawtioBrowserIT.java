package dk.orghub.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Camel console in a real browser, with CSRF on: an administrator logs in with the
 * hub's form, opens Hawtio's Camel view and sees the routes with their statistics; an
 * operator and a reader are refused. Leaves {@code target/hawtio.png}.
 */
@SecurityIT.Application
class HawtioBrowserIT extends InBrowser {

	@Test
	void anAdministratorSeesTheRoutesAndTheirStatistics() throws Exception {
		this.browser.get(base() + "/actuator/hawtio/camel");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		this.chromium.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);

		// the tree of the Camel context, read through Jolokia with the session and the
		// XSRF-TOKEN cookie
		this.chromium.until((b) -> text().contains("ops-retention"));
		this.chromium.until((b) -> {
			b.findElement(By.xpath("//a[normalize-space()='Routes'] | //button[normalize-space()='Routes']")).click();
			return true;
		});
		this.chromium.until((b) -> text().contains("Completed"));
		assertThat(text()).contains("State", "Uptime", "Completed", "Failed", "InFlight", "Meantime");
		String row = this.chromium
			.until((b) -> b.findElement(By.xpath("//tr[.//*[normalize-space()='ops-retention']]")).getText());
		assertThat(row).contains("Started").containsPattern("\\d+s? 0 0 0 0 0");
		assertThat(this.browser.getCurrentUrl()).contains("/actuator/hawtio/camel/routes");
		Files.copy(this.browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "hawtio.png"),
				StandardCopyOption.REPLACE_EXISTING);
	}

	@Test
	void anOperatorAndAReaderAreRefused() {
		for (String[] user : new String[][] { { Api.OPERATOR, Api.OPERATOR_PASSWORD },
				{ Api.READER, Api.READER_PASSWORD } }) {
			this.browser.manage().deleteAllCookies();
			this.browser.get(base() + "/actuator/hawtio/camel");
			this.chromium.logIn(user[0], user[1]);
			this.chromium.until((b) -> text().contains("403"));
			assertThat(text()).as(user[0]).contains("Forbidden").doesNotContain("ops-retention");
		}
	}

	private String text() {
		return this.browser.findElement(By.tagName("body")).getText();
	}

}
