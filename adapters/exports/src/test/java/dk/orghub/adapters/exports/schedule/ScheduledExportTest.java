package dk.orghub.adapters.exports.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.orghub.adapters.exports.ExportFormat;
import dk.orghub.adapters.exports.SampleEstate;
import dk.orghub.adapters.exports.UnknownUnitException;
import dk.orghub.adapters.exports.Zips;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.MunicipalityGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scheduled exports of the sample municipality (500 employees) on 1 and 2 January 2025,
 * with a clock the test moves.
 */
class ScheduledExportTest {

	static final Instant NEW_YEAR = Instant.parse("2025-01-01T05:00:00Z");

	static MutableClock clock;

	static SampleEstate estate;

	@TempDir
	Path temp;

	@BeforeAll
	static void load() {
		clock = new MutableClock(NEW_YEAR.minus(Duration.ofHours(1)));
		estate = SampleEstate.load(MunicipalityGenerator.generate(SampleEstate.SEED, 500), TestStores.h2(clock));
	}

	ScheduledExport export(ScheduledExportSettings settings) {
		clock.set(NEW_YEAR);
		return new ScheduledExport(settings, estate.store(), clock);
	}

	@Test
	void writesTodaysSurveyAsAWorkbook() throws IOException {
		ScheduledExport export = export(ScheduledExportSettings.survey(this.temp.resolve("out")));

		ScheduledExport.Result result = export.run();

		assertThat(result.file()).isEqualTo(this.temp.resolve("out/survey-2025-01-01.xlsx"));
		assertThat(result.at()).hasToString("2025-01-01");
		assertThat(result.findings()).isPositive();
		try (InputStream in = Files.newInputStream(result.file()); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Units");
			int rows = 0;
			for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
				rows += workbook.getSheetAt(s).getLastRowNum();
			}
			assertThat(rows).isEqualTo(result.rows());
		}
		assertThat(ExportFolderTest.names(this.temp.resolve("out"))).containsExactly("survey-2025-01-01.xlsx");
	}

	@Test
	void theNextDaysFileReplacesTheOldestBeyondKeep() {
		ScheduledExport export = export(ScheduledExportSettings.survey(this.temp).withKeep(1));
		Path first = export.run().file();

		clock.advance(Duration.ofDays(1));
		ScheduledExport.Result second = export.run();

		assertThat(second.file()).hasFileName("survey-2025-01-02.xlsx").exists();
		assertThat(second.deleted()).containsExactly(first);
		assertThat(first).doesNotExist();
	}

	@Test
	void twoRunsOnOneDayLeaveOneFile() throws IOException {
		ScheduledExport export = export(ScheduledExportSettings.survey(this.temp).withFormat(ExportFormat.CSV));

		export.run();
		export.run();

		assertThat(ExportFolderTest.names(this.temp)).containsExactly("survey-2025-01-01.zip");
	}

	@Test
	void anOrganisationExportOfASubtreeAsCsv() throws IOException {
		ScheduledExport export = export(ScheduledExportSettings.survey(this.temp)
			.withKind(ExportKind.ORGANISATION)
			.withFormat(ExportFormat.CSV)
			.withRoot("U00001"));

		ScheduledExport.Result result = export.run();

		assertThat(result.file()).hasFileName("organisation-2025-01-01-U00001.zip");
		assertThat(result.findings()).isZero();
		assertThat(Zips.unzip(Files.readAllBytes(result.file()))).containsOnlyKeys(
				"organisation-2025-01-01-U00001-units.csv", "organisation-2025-01-01-U00001-engagements.csv",
				"organisation-2025-01-01-U00001-managers.csv", "organisation-2025-01-01-U00001-addresses.csv",
				"organisation-2025-01-01-U00001-med-units.csv", "organisation-2025-01-01-U00001-associations.csv");
	}

	@Test
	void anUnknownRootWritesNothing() throws IOException {
		ScheduledExport export = export(ScheduledExportSettings.survey(this.temp).withRoot("U99999"));

		assertThatThrownBy(export::run).isInstanceOf(UnknownUnitException.class);
		assertThat(ExportFolderTest.names(this.temp)).isEmpty();
	}

	@Test
	void settingsAreChecked() {
		assertThatThrownBy(() -> ScheduledExportSettings.survey(null)).hasMessageContaining("folder");
		assertThatThrownBy(() -> ScheduledExportSettings.survey(this.temp).withKeep(-1)).hasMessageContaining("keep");
		assertThat(ScheduledExportSettings.survey(this.temp).withRoot("  ").root()).isNull();
	}

}
