package dk.orghub.routes;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser (Debian's chromium driven by Selenium): log in, read
 * the last run, trigger a run and see it appear, see a run over the threshold wait for
 * approval, download the survey export and read it back. Skipped with a message when
 * chromium or chromedriver is missing, unless {@code hub.test.browser.required=true}
 * (CI). Leaves a screenshot in {@code target/dashboard.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:dashboard-browser-it;DB_CLOSE_DELAY=-1",
				"hub.demo.employees=300", "hub.demo.seed=1" })
@ActiveProfiles("demo")
class DashboardBrowserIT extends InBrowser {

	@Test
	void anOperatorSeesTheLastRunTriggersARunAndSeesItAppear() throws Exception {
		String base = base();
		this.browser.get(base + "/");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		this.chromium.logIn(Api.ADMIN, Api.ADMIN_PASSWORD);

		String lastRun = text(By.cssSelector("#runs tbody tr[data-run]"));
		assertThat(lastRun).contains("samples-import", "Succeeded");
		assertThat(text(By.id("flow"))).contains("samples", "Organisation hub");
		int before = runRows().size();

		click(By.cssSelector("[data-sync='samples-next-month'] button[data-action='run']"));
		until((b) -> runRows().size() > before && runRows().get(0).getText().contains("samples-next-month")
				&& runRows().get(0).getText().contains("Succeeded"));
		assertThat(text(By.cssSelector("#runs tbody tr[data-run]"))).contains(Api.ADMIN);

		click(By.cssSelector("[data-sync='samples-payroll-mistake'] button[data-action='run']"));
		Boolean approvable = until((b) -> b
			.findElement(By.cssSelector("[data-sync='samples-payroll-mistake'] button[data-action='approve']"))
			.isEnabled());
		assertThat(approvable).isTrue();
		assertThat(text(By.cssSelector("[data-sync='samples-payroll-mistake']"))).contains("waiting for approval",
				"over the limit");

		click(By.cssSelector("[data-sync='samples-import'] button[data-action='preview']"));
		until((b) -> runRows().get(0).getText().contains("Preview") && !runRows().get(0).getText().contains("Running"));

		// the demo's directory: test its connection, run it, and read its report
		click(By.cssSelector("[data-sync='ad'] button[data-action='test-connection']"));
		until((b) -> b.findElement(By.id("notice")).getText().contains("The connection of ad works"));
		click(By.cssSelector("[data-sync='ad'] button[data-action='run']"));
		until((b) -> b.findElement(By.id("ad-report-section")).isDisplayed());
		assertThat(text(By.id("ad-report"))).contains("accounts read", "Accounts of no person", "UNKNOWN_CPR", "xxxx");

		// the survey export form: today's date, the units to choose a root from
		assertThat(this.browser.findElement(By.id("survey-at")).getAttribute("value")).matches("\\d{4}-\\d{2}-\\d{2}");
		until((b) -> !b.findElements(By.cssSelector("#survey-units option")).isEmpty());
		assertThat(this.browser.findElement(By.id("survey-form")).getAttribute("action"))
			.endsWith("/api/v1/exports/survey");

		this.browser.executeScript("window.scrollTo(0, 0)");
		File shot = this.browser.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);

		// the download: the browser saves today's survey, a workbook with its respondents
		click(By.id("survey-download"));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> downloaded() != null);
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(downloaded()))) {
			assertThat(workbook.getSheet("Respondents")).isNotNull();
			assertThat(workbook.getSheet("Respondents").getLastRowNum()).isGreaterThan(100);
			assertThat(workbook.getSheet("Units")).isNotNull();
		}
	}

	/** The survey the browser downloaded, once it is complete; {@code null} before. */
	private Path downloaded() throws java.io.IOException {
		try (var files = Files.list(this.chromium.downloads())) {
			return files.filter((f) -> f.getFileName().toString().matches("survey-\\d{4}-\\d{2}-\\d{2}\\.xlsx"))
				.findFirst()
				.orElse(null);
		}
	}

	private List<WebElement> runRows() {
		return this.browser.findElements(By.cssSelector("#runs tbody tr[data-run]"));
	}

	private <T> T until(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
		// the page re-renders every few seconds: an element read a moment ago may be gone
		return this.chromium.until(condition);
	}

	private void click(By by) {
		until((b) -> {
			b.findElement(by).click();
			return true;
		});
	}

	private String text(By by) {
		return until((b) -> b.findElement(by).getText());
	}

}
