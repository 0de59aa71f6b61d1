package dk.orghub.adapters.exports.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.orghub.adapters.exports.ExportDocument;
import dk.orghub.adapters.exports.ExportFormat;
import dk.orghub.adapters.exports.OrgSnapshot;
import dk.orghub.adapters.exports.SampleEstate;
import dk.orghub.adapters.exports.organisation.OrganisationExporter;
import dk.orghub.adapters.exports.organisation.OrganisationOptions;
import dk.orghub.adapters.exports.survey.SurveyExport;
import dk.orghub.adapters.exports.survey.SurveyExporter;
import dk.orghub.adapters.exports.survey.SurveyOptions;
import dk.orghub.adapters.exports.table.CsvOptions;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.store.StoreSchema;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports the largest sample municipality (45,000 employees, with work e-mails) from a
 * file-based H2 store: the survey at the reference date as XLSX and as CSV, and the whole
 * organisation as XLSX; several rounds, printing the time of each step. The first number
 * to read is "survey, end to end, XLSX": from the store to a finished file.
 * <p>
 * Not part of the normal build (its name does not end in {@code Test}); run it with
 * {@code ./mvnw -pl adapters/exports -Pbenchmark verify}. It fails only when an export
 * has the wrong number of rows, never because of time.
 */
class ExportBenchmark {

	private static final int EMPLOYEES = 45_000;

	private static final int ROUNDS = 4;

	/** The time the issue asks the survey export to stay under. */
	private static final long TARGET_MILLIS = 10_000;

	@TempDir
	Path directory;

	@Test
	void exportTheLargestMunicipality() throws Exception {
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("%n=== Export benchmark: %,d employees, seed %d ===%n", EMPLOYEES, SampleEstate.SEED);
		System.out.printf("machine: %d cores, Java %s (%s), max heap %,d MB%n", runtime.availableProcessors(),
				System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.maxMemory() >> 20);
		long start = System.nanoTime();
		Municipality municipality = MunicipalityGenerator.generate(SampleEstate.SEED, EMPLOYEES);
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:file:" + this.directory.resolve("store").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
		StoreSchema.migrate(dataSource);
		SampleEstate estate = SampleEstate.load(municipality, dataSource);
		System.out.printf("set-up (generate, migrate, load %,d objects and %,d e-mail addresses): %,d ms%n",
				municipality.objectCount(), estate.workEmails().size(), millis(System.nanoTime() - start));
		try {
			rounds(estate);
		}
		finally {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
		}
	}

	private void rounds(SampleEstate estate) throws IOException {
		OrgStore store = estate.store();
		Clock clock = Clock.systemUTC();
		LocalDate at = estate.municipality().referenceDate();
		long engagements = estate.municipality()
			.engagements()
			.values()
			.stream()
			.filter(t -> t.at(at).isPresent())
			.count();
		System.out
			.printf("%nround | read store | survey rows | XLSX write | survey, end to end, XLSX | CSV (ZIP) write "
					+ "| organisation, end to end, XLSX%n");
		long best = Long.MAX_VALUE;
		for (int round = 1; round <= ROUNDS; round++) {
			long t0 = System.nanoTime();
			OrgSnapshot snapshot = OrgSnapshot.load(store, ReadPoint.of(at, null, clock));
			long t1 = System.nanoTime();
			SurveyExport survey = SurveyExporter.export(snapshot, null, SurveyOptions.defaults());
			ExportDocument document = survey.toDocument();
			long t2 = System.nanoTime();
			Path xlsx = write(document, ExportFormat.XLSX);
			long t3 = System.nanoTime();
			Path zip = write(document, ExportFormat.CSV);
			long t4 = System.nanoTime();
			ExportDocument organisation = new OrganisationExporter(store, clock).export(at, null,
					OrganisationOptions.defaults());
			Path organisationXlsx = write(organisation, ExportFormat.XLSX);
			long t5 = System.nanoTime();
			long endToEnd = millis(t3 - t0);
			best = Math.min(best, endToEnd);
			System.out.printf("%5d | %,7d ms | %,8d ms | %,7d ms | %,21d ms | %,12d ms | %,27d ms%n", round,
					millis(t1 - t0), millis(t2 - t1), millis(t3 - t2), endToEnd, millis(t4 - t3), millis(t5 - t4));
			if (round == ROUNDS) {
				System.out.printf("%nrows: %,d units, %,d respondents, %,d findings %s; organisation %s%n",
						survey.units().size(), survey.respondents().size(), survey.findings().size(),
						survey.findingCounts(), organisation);
				System.out.printf("files: survey XLSX %,d KB, survey CSV ZIP %,d KB, organisation XLSX %,d KB%n",
						Files.size(xlsx) >> 10, Files.size(zip) >> 10, Files.size(organisationXlsx) >> 10);
				assertThat(survey.respondents()).hasSize((int) engagements);
			}
		}
		System.out.printf("survey export end to end (store to XLSX file): best %,d ms; target under %,d ms: %s%n%n",
				best, TARGET_MILLIS, (best < TARGET_MILLIS) ? "met" : "NOT MET");
	}

	private Path write(ExportDocument document, ExportFormat format) throws IOException {
		Path file = this.directory.resolve(document.fileName(format));
		try (OutputStream out = Files.newOutputStream(file)) {
			document.write(format, CsvOptions.defaults(), out);
		}
		return file;
	}

	private static long millis(long nanos) {
		return nanos / 1_000_000;
	}

}
