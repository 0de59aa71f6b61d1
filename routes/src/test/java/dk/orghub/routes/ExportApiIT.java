package dk.orghub.routes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The survey and organisation downloads of the sample municipality: XLSX read back with
 * POI, CSV parsed, a respondent row and an inherited manager checked against the API; bad
 * parameters, an unknown root, roles and the audit of CPR-derived columns.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:export-api-it;DB_CLOSE_DELAY=-1", "hub.demo.employees=200",
				"hub.demo.seed=7", "camel.main.name=export-api-it", "spring.quartz.scheduler-name=export-api-it",
				"hub.exports.scheduled.enabled=true", "hub.exports.scheduled.cron=* * * * * ?",
				"hub.exports.scheduled.format=csv", "hub.exports.scheduled.keep=2" })
@ActiveProfiles("demo")
class ExportApiIT {

	private static final Path FOLDER = folder();

	private static final String REPRESENTATIVE = dk.orghub.core.classes.DefaultClasses
		.classUuid(dk.orghub.core.classes.DefaultClasses.ASSOCIATION_TYPE, "Arbejdsmiljørepræsentant")
		.toString();

	@Autowired
	private TestRestTemplate rest;

	@DynamicPropertySource
	static void exportFolder(DynamicPropertyRegistry registry) {
		registry.add("hub.exports.scheduled.folder", FOLDER::toString);
	}

	@AfterAll
	static void deleteFolder() throws IOException {
		FileSystemUtils.deleteRecursively(FOLDER);
	}

	private Api api;

	private JsonNode engagement;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.rest);
		this.engagement = items(this.api.get("/api/v1/engagements?limit=1")).get(0);
	}

	@Test
	void surveyAsXlsxHasTheRespondentAndTheInheritedManager() throws IOException {
		ResponseEntity<byte[]> response = download("/api/v1/exports/survey?format=xlsx");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
			.matches(".*filename=\"survey-\\d{4}-\\d{2}-\\d{2}\\.xlsx\".*");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
			List<Map<String, String>> respondents = rows(workbook.getSheet("Respondents"));
			List<Map<String, String>> units = rows(workbook.getSheet("Units"));
			assertThat(workbook.getSheet("Data quality")).isNotNull();

			Map<String, String> row = respondents.stream()
				.filter((r) -> r.get("Employment number").equals(text(this.engagement, "userKey")))
				.findFirst()
				.orElseThrow();
			JsonNode person = this.api.get("/api/v1/persons/{uuid}", text(this.engagement, "person"));
			assertThat(row.get("Unit id")).isEqualTo(text(this.engagement, "unit"));
			assertThat(row.get("Name")).contains(text(person, "surname"));
			assertThat(row).doesNotContainKeys("Age band", "Sex");
			assertThat(respondents).allSatisfy((r) -> assertThat(r.values()).noneMatch((v) -> v.matches("\\d{10}")));

			Map<String, String> inheriting = units.stream()
				.filter((u) -> "yes".equals(u.get("Manager inherited")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no unit inherits its manager"));
			JsonNode answer = this.api.get("/api/v1/org-units/{uuid}/manager?inherit=true", inheriting.get("Unit id"));
			assertThat(answer.get("inherited").asBoolean()).isTrue();
			JsonNode manager = this.api.get("/api/v1/persons/{uuid}", answer.at("/manager/person").asText());
			assertThat(inheriting.get("Manager")).contains(text(manager, "surname"));
			JsonNode managedUnit = this.api.get("/api/v1/org-units/{uuid}", answer.at("/manager/unit").asText());
			assertThat(inheriting.get("Manager of unit")).isEqualTo(text(managedUnit, "name"));
		}
	}

	@Test
	void surveyAsCsvIsAZipOfParsableFilesOrOneTable() throws IOException {
		ResponseEntity<byte[]> zip = download("/api/v1/exports/survey?format=csv");
		assertThat(zip.getHeaders().getContentType().toString()).isEqualTo("application/zip");
		Map<String, String> files = unzip(zip.getBody());
		assertThat(files.keySet()).hasSize(3).anyMatch((n) -> n.endsWith("-respondents.csv"));

		ResponseEntity<byte[]> response = download("/api/v1/exports/survey?format=csv&table=respondents");
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.matches(".*filename=\"survey-\\d{4}-\\d{2}-\\d{2}-respondents\\.csv\".*");
		String csv = new String(response.getBody(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF");
		List<List<String>> records = Csv.parse(csv.substring(1), ';');
		List<String> header = records.get(0);
		assertThat(header).startsWith("Employment number", "Person key", "Name", "Unit id");
		List<String> row = records.stream()
			.filter((r) -> r.get(0).equals(text(this.engagement, "userKey")))
			.findFirst()
			.orElseThrow();
		assertThat(row.get(header.indexOf("Unit id"))).isEqualTo(text(this.engagement, "unit"));
		assertThat(records).allSatisfy((r) -> assertThat(r).hasSameSizeAs(header));
	}

	@Test
	void organisationOfASubtreeAndOneTable() throws IOException {
		String unit = text(this.engagement, "unit");
		ResponseEntity<byte[]> response = download(
				"/api/v1/exports/organisation?format=csv&tables=engagements&root=" + unit);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		String csv = new String(response.getBody(), StandardCharsets.UTF_8);
		assertThat(csv).contains(text(this.engagement, "userKey"));
		ResponseEntity<byte[]> xlsx = download("/api/v1/exports/organisation");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
		}
	}

	@Test
	void surveyGroupedByTheMedOrganisationNamesEachGroupsRepresentatives() throws IOException {
		ResponseEntity<byte[]> plain = download("/api/v1/exports/survey");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(plain.getBody()))) {
			assertThat(workbook.getSheet("MED groups")).isNull();
		}
		ResponseEntity<byte[]> response = download("/api/v1/exports/survey?medGroups=true");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
			List<Map<String, String>> groups = rows(workbook.getSheet("MED groups"));
			List<Map<String, String>> respondents = rows(workbook.getSheet("Respondents"));
			List<JsonNode> committees = items(this.api.get("/api/v1/org-units?hierarchy=MED-organisation&limit=500"));
			assertThat(committees).isNotEmpty();
			assertThat(groups).extracting((g) -> g.get("Committee id"))
				.containsExactlyInAnyOrderElementsOf(committees.stream().map((c) -> text(c, "uuid")).toList());
			assertThat(respondents).allSatisfy((r) -> assertThat(r.get("MED group")).isNotBlank());

			Map<String, String> group = groups.stream()
				.filter((g) -> !g.get("Work-environment representatives").isEmpty())
				.findFirst()
				.orElseThrow(() -> new AssertionError("no MED group names a representative"));
			List<JsonNode> representatives = items(
					this.api.get("/api/v1/associations?unit={unit}&limit=100", group.get("Committee id")))
				.stream()
				.filter((a) -> a.at("/associationType").asText().equals(REPRESENTATIVE))
				.toList();
			assertThat(representatives).isNotEmpty();
			for (JsonNode representative : representatives) {
				JsonNode person = this.api.get("/api/v1/persons/{uuid}", text(representative, "person"));
				assertThat(group.get("Work-environment representatives")).contains(text(person, "surname"));
			}
			long members = respondents.stream()
				.filter((r) -> r.get("MED group").equals(group.get("Committee")))
				.count();
			assertThat(group.get("Respondents")).isEqualTo(String.valueOf(members));
		}
	}

	@Test
	void organisationHasTheMedUnitsAndTheAssociations() throws IOException {
		ResponseEntity<byte[]> response = download(
				"/api/v1/exports/organisation?format=csv&tables=med-units,associations");
		Map<String, String> files = unzip(response.getBody());
		String medUnits = files.entrySet()
			.stream()
			.filter((e) -> e.getKey().endsWith("-med-units.csv"))
			.findFirst()
			.orElseThrow()
			.getValue();
		String associations = files.entrySet()
			.stream()
			.filter((e) -> e.getKey().endsWith("-associations.csv"))
			.findFirst()
			.orElseThrow()
			.getValue();
		JsonNode committee = items(this.api.get("/api/v1/org-units?hierarchy=MED-organisation&limit=1")).get(0);
		assertThat(medUnits).contains(text(committee, "uuid"));
		JsonNode association = items(this.api.get("/api/v1/associations?limit=1")).get(0);
		assertThat(associations).contains(text(association, "userKey"));
	}

	@Test
	void badParametersAndAnUnknownRootAreProblems() {
		assertProblem("/api/v1/exports/survey?format=pdf", HttpStatus.BAD_REQUEST, "format");
		assertProblem("/api/v1/exports/survey?at=yesterday", HttpStatus.BAD_REQUEST, "at");
		assertProblem("/api/v1/exports/survey?rows=sometimes", HttpStatus.BAD_REQUEST, "rows");
		assertProblem("/api/v1/exports/organisation?tables=cars", HttpStatus.BAD_REQUEST, "tables");
		assertProblem("/api/v1/exports/survey?root=NO-SUCH-UNIT", HttpStatus.NOT_FOUND, "NO-SUCH-UNIT");
		assertProblem("/api/v1/exports/organisation?root=NO-SUCH-UNIT", HttpStatus.NOT_FOUND, "NO-SUCH-UNIT");
	}

	@Test
	void surveyFindingsAsJsonAreTheDataQualityRowsOfTheExportAndHoldNoCpr() {
		Api reader = new Api(this.rest, Api.READER, Api.READER_PASSWORD);
		ResponseEntity<String> response = reader.rest().getForEntity("/api/v1/exports/survey/findings", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode findings = reader.get("/api/v1/exports/survey/findings");
		// the same findings as the export's data-quality table with one row per person
		String csv = new String(
				download("/api/v1/exports/survey?format=csv&rows=per-person&table=data-quality").getBody(),
				StandardCharsets.UTF_8);
		List<String> exported = Csv.parse(csv.substring(1), ';')
			.stream()
			.skip(1)
			.map((r) -> r.get(1) + " " + r.get(3))
			.toList();
		List<String> listed = new java.util.ArrayList<>();
		findings.forEach((f) -> listed.add(text(f, "kind") + " " + text(f, "object")));
		assertThat(listed).isNotEmpty().isEqualTo(exported);
		for (JsonNode finding : findings) {
			String object = text(finding, "object");
			switch (text(finding, "kind")) {
				case "UNIT_WITHOUT_MANAGER" ->
					assertThat(reader.get("/api/v1/org-units/{uuid}/manager?inherit=true", object)
						.path("manager")
						.hasNonNull("person")).as(finding.toString()).isFalse();
				case "NO_PRIMARY_ENGAGEMENT" ->
					assertThat(items(reader.get("/api/v1/engagements?person={p}", object))).as(finding.toString())
						.isNotEmpty()
						.noneMatch((e) -> e.get("primary").asBoolean());
				default -> {
				}
			}
		}
		for (JsonNode person : items(this.api.get("/api/v1/persons?includeCpr=true&limit=1000"))) {
			if (person.hasNonNull("cpr")) {
				assertThat(response.getBody()).doesNotContain(text(person, "cpr"));
			}
		}
		assertProblem("/api/v1/exports/survey/findings?root=NO-SUCH-UNIT", HttpStatus.NOT_FOUND, "NO-SUCH-UNIT");
	}

	@Test
	void ageBandAndSexNeedAnAdministratorAndAreAudited() throws IOException {
		Api reader = new Api(this.rest, Api.READER, Api.READER_PASSWORD);
		assertThat(reader.rest().getForEntity("/api/v1/exports/survey", byte[].class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(reader.rest().getForEntity("/api/v1/exports/survey?ageBand=true", byte[].class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(reader.rest().getForEntity("/api/v1/exports/survey?sex=true", byte[].class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<byte[]> response = download("/api/v1/exports/survey?ageBand=true&sex=true");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
			Map<String, String> row = rows(workbook.getSheet("Respondents")).get(0);
			assertThat(row.get("Age band")).matches("under 25|\\d\\d-\\d\\d|65 and over");
			assertThat(row.get("Sex")).isIn("male", "female", "Male", "Female");
		}
		JsonNode audit = this.api.get("/api/v1/audit?actor=admin&limit=100");
		assertThat(items(audit)).anySatisfy((e) -> {
			assertThat(e.get("action").asText()).startsWith("READ GET /api/v1/exports/survey with ageBand sex");
			assertThat(e.get("outcome").asText()).matches("[1-9][0-9]* shown");
		});
	}

	@Test
	void theScheduledExportWritesTodaysSurveyToTheFolder() throws IOException {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			try (Stream<Path> files = Files.list(FOLDER)) {
				return files.anyMatch((f) -> f.getFileName().toString().matches("survey-\\d{4}-\\d{2}-\\d{2}\\.zip"));
			}
		});
		try (Stream<Path> files = Files.list(FOLDER)) {
			Path file = files.filter((f) -> f.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
			Map<String, String> tables = unzip(Files.readAllBytes(file));
			assertThat(tables.keySet()).anyMatch((n) -> n.endsWith("-respondents.csv"));
			String respondents = tables.entrySet()
				.stream()
				.filter((e) -> e.getKey().endsWith("-respondents.csv"))
				.findFirst()
				.orElseThrow()
				.getValue();
			assertThat(respondents).contains(text(this.engagement, "userKey"));
		}
		// each scheduled export is a recorded run of the sync "export"
		List<JsonNode> runs = items(this.api.get("/api/v1/runs?sync=export&limit=100"));
		assertThat(runs).anySatisfy((run) -> {
			assertThat(run.get("trigger").asText()).isEqualTo("SCHEDULE");
			assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
			assertThat(run.at("/counts/read").asInt()).isPositive();
			assertThat(run.at("/counts/created").asInt()).isEqualTo(1);
			assertThat(run.get("message").asText()).contains("Wrote").contains(FOLDER.toString()).contains("rows");
		});
	}

	@Test
	void theScheduledExportCanBePausedAndPreviewedWithoutWritingAFile() throws IOException {
		Api operator = new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD);
		assertThat(operator.exchange(HttpMethod.POST, "/api/v1/syncs/export/pause", null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		try {
			// a scheduled run under way when the pause came ends; then nothing more is
			// written
			await().atMost(Duration.ofSeconds(30))
				.until(() -> items(this.api.get("/api/v1/runs?sync=export&limit=1000")).stream()
					.noneMatch((r) -> r.get("status").asText().equals("RUNNING")));
			long written = fileChanges();
			ResponseEntity<JsonNode> started = operator.exchange(HttpMethod.POST,
					"/api/v1/syncs/export/run?preview=true", null);
			assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
			long id = started.getBody().get("id").asLong();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> !this.api.get("/api/v1/runs/{id}", id).get("status").asText().equals("RUNNING"));
			JsonNode preview = this.api.get("/api/v1/runs/{id}", id);
			assertThat(preview.get("status").asText()).as(preview.toString()).isEqualTo("PREVIEW");
			assertThat(preview.at("/counts/read").asInt()).isPositive();
			assertThat(preview.get("message").asText()).matches("survey-\\d{4}-\\d{2}-\\d{2}\\.zip: \\d+ rows.*");
			assertThat(fileChanges()).as("a preview writes no file").isEqualTo(written);
		}
		finally {
			operator.exchange(HttpMethod.POST, "/api/v1/syncs/export/resume", null);
		}
	}

	/**
	 * The last modification of any file in the folder, as a number that grows with it.
	 */
	private static long fileChanges() throws IOException {
		try (Stream<Path> files = Files.list(FOLDER)) {
			return files.mapToLong((f) -> f.toFile().lastModified()).max().orElse(0);
		}
	}

	private static Path folder() {
		try {
			return Files.createTempDirectory("export-api-it");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ResponseEntity<byte[]> download(String uri) {
		ResponseEntity<byte[]> response = this.api.rest().getForEntity(uri, byte[].class);
		assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.OK);
		return response;
	}

	private void assertProblem(String uri, HttpStatus status, String named) {
		ResponseEntity<JsonNode> response = this.api.exchange(org.springframework.http.HttpMethod.GET, uri, null);
		assertThat(response.getStatusCode()).as(uri).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(response.getBody().toString()).as(uri).contains(named);
	}

	private static String text(JsonNode node, String field) {
		return node.get(field).asText();
	}

	private static List<Map<String, String>> rows(Sheet sheet) {
		DataFormatter format = new DataFormatter();
		List<String> header = new ArrayList<>();
		sheet.getRow(0).forEach((c) -> header.add(format.formatCellValue(c)));
		List<Map<String, String>> rows = new ArrayList<>();
		for (int i = 1; i <= sheet.getLastRowNum(); i++) {
			Row row = sheet.getRow(i);
			Map<String, String> values = new HashMap<>();
			for (int c = 0; c < header.size(); c++) {
				Cell cell = row.getCell(c);
				values.put(header.get(c), (cell != null) ? format.formatCellValue(cell) : "");
			}
			rows.add(values);
		}
		return rows;
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> files = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

	/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
	static final class Csv {

		static List<List<String>> parse(String text, char separator) {
			List<List<String>> records = new ArrayList<>();
			List<String> record = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
					else {
						field.append(c);
					}
				}
				else if (c == '"' && field.length() == 0) {
					quoted = true;
				}
				else if (c == separator) {
					record.add(field.toString());
					field.setLength(0);
				}
				else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					record.add(field.toString());
					field.setLength(0);
					records.add(record);
					record = new ArrayList<>();
					i++;
				}
				else if (c == '"' || c == '\n' || c == '\r') {
					throw new IllegalArgumentException("not RFC 4180 at character " + i);
				}
				else {
					field.append(c);
				}
			}
			if (quoted) {
				throw new IllegalArgumentException("unterminated quoted field");
			}
			if (field.length() > 0 || !record.isEmpty()) {
				record.add(field.toString());
				records.add(record);
			}
			return records;
		}

	}

}
