package dk.orghub.routes;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The organisation pages in a real browser (Debian's chromium driven by Selenium): an
 * editor limited to one department browses to a unit of it at a past date, changes its
 * opening hours from the first of next month, sees it leave the outbox for the demo's
 * local STS Organisation service and finds the change in the unit's history; outside the
 * department it has no edit controls and the server refuses its write. The editor also
 * creates a unit below its department, gives it a manager and ends both, and is refused a
 * unit outside. A reader has no edit controls anywhere and is refused too. Skipped with a
 * message when chromium or chromedriver is missing, unless
 * {@code hub.test.browser.required=true} (CI). Leaves screenshots in
 * {@code target/organisation-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:organisation-browser-it;DB_CLOSE_DELAY=-1",
				"hub.demo.employees=" + LocalEditRolesIT.EMPLOYEES, "hub.demo.seed=" + LocalEditRolesIT.SEED,
				"hub.demo.local-sts=true", "camel.main.name=organisation-browser-it",
				"spring.quartz.scheduler-name=organisation-browser-it" })
@ActiveProfiles("demo")
class OrganisationBrowserIT extends InBrowser {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

	private static final LocalEditRolesIT.Tree TREE = LocalEditRolesIT.Tree
		.of(MunicipalityGenerator.generate(LocalEditRolesIT.SEED, LocalEditRolesIT.EMPLOYEES, TODAY));

	@Autowired
	private TestRestTemplate rest;

	@DynamicPropertySource
	static void users(DynamicPropertyRegistry registry) {
		registry.add("hub.demo.reference-date", TODAY::toString);
		LocalEditRolesIT.users(registry, TREE.school());
	}

	@Test
	void anEditorChangesOpeningHoursFromNextMonthAndFindsItInTheHistory() throws Exception {
		LocalDate past = TODAY.minusDays(40);
		LocalDate nextMonth = TODAY.withDayOfMonth(1).plusMonths(1);
		String hours = openingHours(TREE.inside(), TODAY.minusDays(90), "Man-fre 8-15");
		String unitName = new Api(this.rest).get("/api/v1/org-units/{uuid}", TREE.inside()).get("name").asText();

		this.browser.get(base() + "/organisation.html");
		this.chromium.logIn(LocalEditRolesIT.SCHOOL_EDITOR, LocalEditRolesIT.PASSWORD);
		this.browser.get(base() + "/organisation.html");
		until((b) -> !b.findElements(By.cssSelector("#tree a[data-unit]")).isEmpty());
		setDate(this.browser.findElement(By.id("at")), past);
		until((b) -> b.findElement(By.id("at")).getAttribute("value").equals(past.toString())
				&& !b.findElements(By.cssSelector("#tree a[data-unit]")).isEmpty());
		this.browser.findElement(By.id("search")).sendKeys(unitName);
		this.browser.findElement(By.id("search-button")).click();
		click(By.cssSelector("#results a[data-unit='" + TREE.inside() + "']"));
		until((b) -> b.findElement(By.id("unit-name")).getText().equals(unitName));
		assertThat(this.browser.getCurrentUrl()).contains("at=" + past);
		assertThat(this.browser.findElement(By.id("at")).getAttribute("value")).isEqualTo(past.toString());
		screenshot("organisation-unit.png");

		WebElement row = this.browser.findElement(By.cssSelector("#addresses tr[data-address='" + hours + "']"));
		assertThat(row.getText()).contains("Man-fre 8-15");
		row.findElement(By.cssSelector("button[data-action='change-address']")).click();
		WebElement form = row.findElement(By.cssSelector("form[data-form='change-address']"));
		WebElement value = form.findElement(By.name("value"));
		value.clear();
		value.sendKeys("Man-fre 8-16");
		setDate(form.findElement(By.name("validFrom")), nextMonth);
		Instant edited = Instant.now();
		form.findElement(By.cssSelector("button[type=submit]")).click();
		until((b) -> b.findElement(By.id("notice")).getText().equals("Gemt"));

		JsonNode changed = new Api(this.rest).get("/api/v1/addresses/{uuid}?at={at}", hours, nextMonth);
		assertThat(changed.get("value").asText()).isEqualTo("Man-fre 8-16");
		assertThat(changed.at("/registration/actor").asText()).isEqualTo("user:" + LocalEditRolesIT.SCHOOL_EDITOR);
		assertThat(new Api(this.rest).get("/api/v1/addresses/{uuid}?at={at}", hours, nextMonth.minusDays(1))
			.get("value")
			.asText()).isEqualTo("Man-fre 8-15");

		// the change leaves the outbox for the demo's local STS Organisation service,
		// which
		// takes it (nothing quarantined, no failure since)
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode sts = new Api(this.rest).get("/api/v1/targets/sts/status");
			assertThat(sts.get("outboxBacklog").asInt()).isZero();
			assertThat(Instant.parse(sts.at("/lastDrain/finished").asText())).isAfter(edited);
			assertThat(sts.get("quarantine").toString()).doesNotContain(hours);
			assertThat(sts.get("lastFailure").isNull()
					|| Instant.parse(sts.at("/lastFailure/at").asText()).isBefore(edited))
				.as(sts.toString())
				.isTrue();
		});
		JsonNode reconciled = new Api(this.rest).exchange(HttpMethod.POST, "/api/v1/targets/sts/reconcile", null)
			.getBody();
		assertThat(reconciled.get("held").asInt()).as(reconciled.toString()).isPositive();
		assertThat(reconciled.get("missing").asInt() + reconciled.get("differing").asInt())
			.as("STS holds what the hub holds: " + reconciled)
			.isZero();

		click(By.id("history-link"));
		String timeline = until((b) -> {
			String text = b.findElement(By.id("timeline")).getText();
			return text.contains("Man-fre 8-16") ? text : null;
		});
		assertThat(timeline).contains("Man-fre 8-15", "fra " + nextMonth, "user:" + LocalEditRolesIT.SCHOOL_EDITOR);

		// outside its department: no controls, and the server refuses the write
		String outside = openingHours(TREE.outside(), TODAY.minusDays(90), "Man-tor 9-12");
		this.browser.get(base() + "/organisation.html#/unit/" + TREE.outside());
		until((b) -> b.findElement(By.id("read-only")).isDisplayed());
		assertThat(this.browser.findElements(By.cssSelector("button[data-action]"))).isEmpty();
		assertThat(writeFromThePage(outside)).isEqualTo(403);
		assertThat(new Api(this.rest).get("/api/v1/addresses/{uuid}", outside).get("value").asText())
			.isEqualTo("Man-tor 9-12");
	}

	@Test
	void aReaderHasNoEditControlsAndIsRefused() throws Exception {
		String hours = openingHours(TREE.school(), TODAY.minusDays(10), "Man-fre 7-17");

		this.browser.get(base() + "/organisation.html");
		this.chromium.logIn(Api.READER, Api.READER_PASSWORD);
		this.browser.get(base() + "/organisation.html");
		until((b) -> !b.findElements(By.cssSelector("#tree a[data-unit]")).isEmpty());
		screenshot("organisation-tree.png");
		// a unit of the MED organisation is marked: the hub sends it neither to STS nor
		// to
		// the exports' unit tree
		String med = Api.items(new Api(this.rest).get("/api/v1/org-units?hierarchy=MED-organisation&limit=1"))
			.get(0)
			.get("uuid")
			.asText();
		assertThat(this.browser.findElements(By.cssSelector("#tree [data-left-out='" + med + "']"))).hasSize(1);
		String line = Api.items(new Api(this.rest).get("/api/v1/org-units?hierarchy=Linjeorganisation&limit=1"))
			.get(0)
			.get("uuid")
			.asText();
		assertThat(this.browser.findElements(By.cssSelector("#tree [data-left-out='" + line + "']"))).isEmpty();
		this.browser.get(base() + "/organisation.html#/unit/" + TREE.school());
		until((b) -> b.findElement(By.id("read-only")).isDisplayed());
		assertThat(this.browser.findElement(By.id("addresses")).getText()).contains("Man-fre 7-17");
		assertThat(this.browser.findElements(By.cssSelector("button[data-action], form[data-form]"))).isEmpty();

		assertThat(writeFromThePage(hours)).isEqualTo(403);
		assertThat(new Api(this.rest).get("/api/v1/addresses/{uuid}", hours).get("value").asText())
			.isEqualTo("Man-fre 7-17");
	}

	@Test
	void theReadinessPageLinksAUnitBlockingKyAndTheOrgChartDownloadsAsSvg() throws Exception {
		Api reader = new Api(this.rest, Api.READER, Api.READER_PASSWORD);
		// the findings follow what STS holds: read them once the start's publish has
		// drained, and take the unit from the page itself, not from an earlier read
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(new Api(this.rest).get("/api/v1/targets/sts/status").get("outboxBacklog").asInt())
						.isZero());

		this.browser.get(base() + "/organisation.html");
		this.chromium.logIn(Api.READER, Api.READER_PASSWORD);
		this.browser.get(base() + "/organisation.html#/readiness?profile=KY");
		WebElement row = until((b) -> b.findElements(By.cssSelector("#findings tr[data-kind='ENHED']"))
			.stream()
			.findFirst()
			.orElse(null));
		String unit = row.getAttribute("data-object");
		assertThat(reader.get("/api/v1/profiles/KY").get("findings"))
			.as("a unit of the sample municipality blocks KY (no SAPA finding is a unit at this size)")
			.anySatisfy((finding) -> assertThat(finding.get("uuid").asText()).isEqualTo(unit));
		String unitName = reader.get("/api/v1/org-units/{uuid}", unit).get("name").asText();
		assertThat(row.getText()).contains(unitName);
		assertThat(row.findElements(By.cssSelector("a.fix"))).isNotEmpty()
			.allSatisfy((fix) -> assertThat(fix.getAttribute("href")).contains("#/unit/" + unit, "add="));
		screenshot("organisation-readiness.png");
		row.findElement(By.cssSelector("a[data-unit='" + unit + "']")).click();
		until((b) -> b.findElement(By.id("unit-name")).getText().equals(unitName));
		assertThat(this.browser.findElement(By.id("sts-status")).getText()).contains("KY: mangler");

		// the data-quality findings of the survey export, listed the same way
		this.browser.get(base() + "/organisation.html#/readiness?profile=QUALITY");
		until((b) -> b.findElement(By.id("findings")).isDisplayed());

		// the org chart of the school's department: every unit below it, named, with the
		// managers, and a download that is the same drawing as SVG
		JsonNode school = reader.get("/api/v1/org-units/{uuid}", TREE.school());
		String department = school.get("parent").asText();
		String departmentName = reader.get("/api/v1/org-units/{uuid}", department).get("name").asText();
		this.browser.get(base() + "/organisation.html#/unit/" + department);
		until((b) -> b.findElement(By.id("unit-name")).getText().equals(departmentName));
		click(By.id("chart-link"));
		WebElement box = until((b) -> b.findElements(By.cssSelector("#chart-svg g[data-unit='" + TREE.school() + "']"))
			.stream()
			.findFirst()
			.orElse(null));
		String schoolName = school.get("name").asText();
		assertThat(box.getText()).startsWith(schoolName.substring(0, Math.min(20, schoolName.length())));
		JsonNode manager = reader.get("/api/v1/org-units/{uuid}/manager", department);
		if (manager.path("manager").isObject() && !manager.path("inherited").asBoolean()) {
			JsonNode person = reader.get("/api/v1/persons/{uuid}", manager.at("/manager/person").asText());
			String name = person.path("givenName").asText() + " " + person.get("surname").asText();
			assertThat(
					this.browser.findElement(By.cssSelector("#chart-svg g[data-unit='" + department + "']")).getText())
				.contains(name.substring(0, Math.min(20, name.length())).trim());
		}
		screenshot("organisation-chart.png");
		WebElement download = this.browser.findElement(By.id("chart-svg-download"));
		assertThat(download.getAttribute("download")).endsWith(".svg");
		String svg = (String) this.browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then((r) => r.blob()).then((b) => b.text().then((t) => done(b.type + '|' + t)));
				""", download.getAttribute("href"));
		assertThat(svg).startsWith("image/svg+xml|<svg")
			.contains("xmlns=\"http://www.w3.org/2000/svg\"", "data-unit=\"" + TREE.school() + "\"");
	}

	@Test
	void anEditorCreatesAUnitInItsDepartmentGivesItAManagerAndEndsItButNotOutside() throws Exception {
		Api admin = new Api(this.rest);
		JsonNode engagement = Api.items(admin.get("/api/v1/engagements?unit={u}&limit=1", TREE.school())).get(0);
		JsonNode person = admin.get("/api/v1/persons/{uuid}", engagement.get("person").asText());
		String personName = person.get("givenName").asText() + " " + person.get("surname").asText();
		LocalDate end = TODAY.plusDays(10);

		this.browser.get(base() + "/organisation.html");
		this.chromium.logIn(LocalEditRolesIT.SCHOOL_EDITOR, LocalEditRolesIT.PASSWORD);
		this.browser.get(base() + "/organisation.html#/unit/" + TREE.school() + "?at=" + TODAY);
		until((b) -> b.findElement(By.cssSelector("button[data-action='new-unit']")).isDisplayed());
		// the school comes from the sample payroll: its fields show their source, and
		// it cannot be ended here
		assertThat(this.browser.findElement(By.id("unit-facts")).getText()).contains("ejes af kilden samples");
		assertThat(this.browser.findElements(By.cssSelector("button[data-action='end-unit']"))).isEmpty();
		this.browser.findElement(By.cssSelector("button[data-action='new-unit']")).click();
		WebElement form = this.browser.findElement(By.cssSelector("form[data-form='new-unit']"));
		form.findElement(By.name("name")).sendKeys("Lektiecafé Syd");
		new Select(form.findElement(By.name("unitType"))).selectByValue("Team");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		until((b) -> b.findElement(By.id("unit-name")).getText().equals("Lektiecafé Syd"));
		String cafe = this.browser.getCurrentUrl().replaceAll(".*#/unit/([0-9a-f-]+).*", "$1");
		assertThat(admin.get("/api/v1/org-units/{uuid}", cafe).get("parent").asText())
			.isEqualTo(TREE.school().toString());
		assertThat(this.browser.findElement(By.id("local-unit")).isDisplayed()).isTrue();

		this.browser.findElement(By.cssSelector("button[data-action='new-manager']")).click();
		WebElement manager = this.browser.findElement(By.cssSelector("form[data-form='new-manager']"));
		manager.findElement(By.cssSelector("input[data-pick='person']")).sendKeys(personName);
		manager.findElement(By.cssSelector("button[data-find='person']")).click();
		String personUuid = person.get("uuid").asText();
		until((b) -> !manager.findElements(By.cssSelector("select[name=person] option[value='" + personUuid + "']"))
			.isEmpty());
		new Select(manager.findElement(By.name("person"))).selectByValue(personUuid);
		new Select(manager.findElement(By.name("managerType"))).selectByValue("Leder");
		manager.findElement(By.cssSelector("button[type=submit]")).click();
		WebElement row = until(
				(b) -> b.findElements(By.cssSelector("#managers tr[data-manager]")).stream().findFirst().orElse(null));
		assertThat(row.getText()).contains(personName, "user:" + LocalEditRolesIT.SCHOOL_EDITOR);
		JsonNode role = Api.items(admin.get("/api/v1/managers?unit={u}", cafe)).get(0);
		assertThat(role.get("person").asText()).isEqualTo(personUuid);
		screenshot("organisation-edits.png");

		row.findElement(By.cssSelector("button[data-action='end-manager']")).click();
		WebElement endManager = row.findElement(By.cssSelector("form[data-form='end']"));
		setDate(endManager.findElement(By.name("date")), end);
		endManager.findElement(By.cssSelector("button[type=submit]")).click();
		until((b) -> b.findElement(By.id("notice")).getText().equals("Gemt")
				&& b.findElements(By.cssSelector("#managers button[data-action='end-manager']")).size() == 1);
		assertThat(admin.get("/api/v1/managers/{uuid}", role.get("uuid").asText()).at("/validity/to").asText())
			.isEqualTo(end.toString());
		this.browser.findElement(By.cssSelector("button[data-action='end-unit']")).click();
		WebElement endUnit = this.browser.findElement(By.cssSelector("#unit-controls form[data-form='end']"));
		setDate(endUnit.findElement(By.name("date")), end);
		endUnit.findElement(By.cssSelector("button[type=submit]")).click();
		until((b) -> b.findElement(By.id("unit-facts")).getText().contains(end.toString()));
		assertThat(admin.get("/api/v1/org-units/{uuid}", cafe).at("/validity/to").asText()).isEqualTo(end.toString());
		assertThat(admin.get("/api/v1/org-units/{uuid}/history", cafe).toString())
			.contains("user:" + LocalEditRolesIT.SCHOOL_EDITOR);
		// the new unit and its manager leave the outbox for the local STS service, which
		// takes them
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode sts = admin.get("/api/v1/targets/sts/status");
			assertThat(sts.get("outboxBacklog").asInt()).isZero();
			assertThat(sts.get("quarantine").toString()).doesNotContain(cafe);
		});

		// outside its department: no controls, and the server refuses a new unit there
		this.browser.get(base() + "/organisation.html#/unit/" + TREE.outside());
		until((b) -> b.findElement(By.id("read-only")).isDisplayed());
		assertThat(this.browser.findElements(By.cssSelector("button[data-action]"))).isEmpty();
		Object status = this.browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/api/v1/me').then((r) => r.json()).then((me) => fetch('/api/v1/org-units', {
				  method: 'POST', credentials: 'same-origin',
				  headers: { 'Content-Type': 'application/json', [me.csrfHeader]: me.csrfToken },
				  body: JSON.stringify({ name: 'Udenfor', parent: arguments[0], unitType: 'Team' }) }))
				  .then((r) => done(r.status), (e) => done(String(e)));
				""", TREE.outside().toString());
		assertThat(status).isEqualTo(403L);
		assertThat(admin.get("/api/v1/search?q=Udenfor").get("units")).isEmpty();
	}

	/** A local opening-hours address of the unit, made by the administrator. */
	private String openingHours(UUID unit, LocalDate from, String value) {
		ResponseEntity<JsonNode> created = new Api(this.rest).exchange(HttpMethod.POST,
				"/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "OPENING_HOURS", "value", value, "validFrom", from.toString()), unit);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return created.getBody().get("uuid").asText();
	}

	/**
	 * The status of a change of the address sent by the page's own session, with its CSRF
	 * token, as the page's forms send it.
	 */
	private long writeFromThePage(String address) {
		Object status = this.browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/api/v1/me').then((r) => r.json()).then((me) => fetch('/api/v1/addresses/' + arguments[0], {
				  method: 'PUT', credentials: 'same-origin',
				  headers: { 'Content-Type': 'application/json', [me.csrfHeader]: me.csrfToken },
				  body: JSON.stringify({ value: 'Lukket' }) })).then((r) => done(r.status), (e) => done(String(e)));
				""", address);
		return (Long) status;
	}

	private void setDate(WebElement input, LocalDate date) {
		this.browser.executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', { bubbles: true }))",
				input, date.toString());
	}

	private void screenshot(String name) throws java.io.IOException {
		File shot = this.browser.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
	}

	private <T> T until(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
		return this.chromium.until(condition);
	}

	private void click(By by) {
		until((b) -> {
			b.findElement(by).click();
			return true;
		});
	}

}
