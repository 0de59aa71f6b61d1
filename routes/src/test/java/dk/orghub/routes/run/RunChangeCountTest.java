package dk.orghub.routes.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.orghub.core.diff.ChangeDiff;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.Page;
import dk.orghub.core.testing.TestStores;
import dk.orghub.routes.sync.SyncKind;
import dk.orghub.routes.testing.OpsDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The total of a run's log page, which the run keeps instead of counting its lines on
 * every read: the number of lines while the run writes them, after it finished, after its
 * lines were deleted and written again, and for runs logged before the run kept it. The
 * PostgreSQL runs need {@code -Dhub.test.postgres.url} and are skipped with a message
 * without it.
 */
class RunChangeCountTest {

	@Test
	void theTotalIsTheNumberOfLinesWhileTheRunWritesAndAfterOnH2() {
		theTotalIsTheNumberOfLinesWhileTheRunWritesAndAfter(OpsDatabase.migrated());
	}

	@Test
	void theTotalIsTheNumberOfLinesWhileTheRunWritesAndAfterOnPostgres() {
		theTotalIsTheNumberOfLinesWhileTheRunWritesAndAfter(OpsDatabase.postgres());
	}

	@Test
	void aReaderNeverSeesLinesCountedBeforeTheyAreWrittenOnH2() throws Exception {
		aReaderNeverSeesLinesCountedBeforeTheyAreWritten(OpsDatabase.migrated());
	}

	@Test
	void aReaderNeverSeesLinesCountedBeforeTheyAreWrittenOnPostgres() throws Exception {
		aReaderNeverSeesLinesCountedBeforeTheyAreWritten(OpsDatabase.postgres());
	}

	@Test
	void theMigrationCountsTheLinesOfRunsLoggedBeforeOnH2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:ops-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		theMigrationCountsTheLinesOfRunsLoggedBefore(dataSource);
	}

	@Test
	void theMigrationCountsTheLinesOfRunsLoggedBeforeOnPostgres() {
		theMigrationCountsTheLinesOfRunsLoggedBefore(TestStores.postgresDataSource());
	}

	/**
	 * H2 reads a run's log page along {@code ops_run_change_run (run_id, id)}, already in
	 * the page's order, rather than finding the run's lines by the foreign key's index
	 * and sorting all of them (116,762 lines for a first load of 45,000 employees).
	 */
	@Test
	void theLogPageReadsAlongTheRunsIndexOnH2() {
		DataSource dataSource = OpsDatabase.migrated();
		RunRepository runs = repository(dataSource);
		long run = running(runs);
		runs.insertChanges(run, "source:payroll", lines(50));
		runs.insertChanges(running(runs), "source:payroll", lines(50));
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("ANALYZE").update();
		for (ObjectChange.Kind kind : java.util.Arrays.asList(null, ObjectChange.Kind.CREATED)) {
			List<Object> params = new ArrayList<>(List.of(run));
			if (kind != null) {
				params.add(kind.name());
			}
			params.addAll(List.of(10, 0));
			String plan = jdbc
				.sql("EXPLAIN " + RunRepository.changePageSql(RunRepository.runWhere(kind), RunRepository.RUN_ORDER))
				.params(params)
				.query(String.class)
				.single();
			assertThat(plan).as("the plan of the page of %s lines", (kind != null) ? kind : "all")
				.containsIgnoringCase("OPS_RUN_CHANGE_RUN")
				.containsIgnoringCase("index sorted");
		}
	}

	private static void theTotalIsTheNumberOfLinesWhileTheRunWritesAndAfter(DataSource dataSource) {
		RunRepository runs = repository(dataSource);
		long run = running(runs);
		long other = running(runs);
		runs.insertChanges(other, "source:payroll", lines(3));
		assertTotal(runs, dataSource, run, 0);

		runs.insertChanges(run, "source:payroll", lines(1001));
		assertTotal(runs, dataSource, run, 1001);
		runs.insertChanges(run, "source:payroll", lines(500));
		assertTotal(runs, dataSource, run, 1501);
		assertThat(runs.find(run)).get().extracting(Run::status).isEqualTo(RunStatus.RUNNING);

		runs.finish(run, RunStatus.SUCCEEDED, new Run.Counts(1501, 751, 750, 0, 0, 0), null, null, null, null,
				Instant.now());
		assertTotal(runs, dataSource, run, 1501);
		assertTotal(runs, dataSource, other, 3);

		runs.deleteChanges(run);
		assertTotal(runs, dataSource, run, 0);
		runs.insertChanges(run, "source:payroll", lines(2));
		assertTotal(runs, dataSource, run, 2);
		assertThat(runs.changes(4711, null, 0, 1).total()).as("a run that does not exist").isZero();
	}

	/**
	 * A run writes its log in chunks while a reader polls: every line the total counts
	 * can be read, and the total never stops between the chunks' lines.
	 */
	private static void aReaderNeverSeesLinesCountedBeforeTheyAreWritten(DataSource dataSource) throws Exception {
		RunRepository runs = repository(dataSource);
		long run = running(runs);
		int chunk = 1000;
		int chunks = 4;
		CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < chunks; i++) {
				runs.insertChanges(run, "source:payroll", lines(chunk));
			}
		});
		List<Long> seen = new ArrayList<>();
		long total;
		do {
			Page<RunChange> page = runs.changes(run, null, 0, 1);
			total = page.total();
			seen.add(total);
			assertThat(total % chunk).as("a total between the lines of one chunk: %s", seen).isZero();
			if (total > 0) {
				assertThat(runs.changes(run, null, (int) total - 1, 1).items()).as("the last line counted").hasSize(1);
			}
		}
		while (total < (long) chunk * chunks && !writer.isCompletedExceptionally());
		writer.get();
		assertThat(seen).isSorted();
		assertTotal(runs, dataSource, run, chunk * chunks);
	}

	private static void theMigrationCountsTheLinesOfRunsLoggedBefore(DataSource dataSource) {
		migrate(dataSource, MigrationVersion.fromVersion("1004"));
		JdbcClient jdbc = JdbcClient.create(dataSource);
		String run = "INSERT INTO ops_run (sync_name, sync_kind, trigger_kind, started_by, preview, started_at, status) "
				+ "VALUES ('payroll', 'IMPORT', 'MANUAL', 'tester', FALSE, CURRENT_TIMESTAMP, 'SUCCEEDED')";
		jdbc.sql(run).update();
		jdbc.sql(run).update();
		long logged = jdbc.sql("SELECT MIN(id) FROM ops_run").query(Long.class).single();
		for (int i = 0; i < 5; i++) {
			jdbc.sql("INSERT INTO ops_run_change (run_id, object_type, object_uuid, change_kind, actor, diff) "
					+ "VALUES (?, 'PERSON', ?, 'CREATED', 'tester', '[]')")
				.params(logged, new UUID(1, i))
				.update();
		}

		migrate(dataSource, MigrationVersion.LATEST);

		RunRepository runs = repository(dataSource);
		assertThat(runs.changes(logged, null, 0, 1).total()).isEqualTo(5);
		assertThat(runs.changes(logged + 1, null, 0, 1).total()).isZero();
	}

	/** The page's total, with and without a kind, against the lines in the table. */
	private static void assertTotal(RunRepository runs, DataSource dataSource, long run, long expected) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM ops_run_change WHERE run_id = ?").param(run).query(Long.class).single())
			.as("lines in the log")
			.isEqualTo(expected);
		assertThat(runs.changes(run, null, 0, 1).total()).as("the page's total").isEqualTo(expected);
		for (ObjectChange.Kind kind : ObjectChange.Kind.values()) {
			long lines = jdbc.sql("SELECT COUNT(*) FROM ops_run_change WHERE run_id = ? AND change_kind = ?")
				.params(run, kind.name())
				.query(Long.class)
				.single();
			assertThat(runs.changes(run, kind, 0, 1).total()).as("the total of %s lines", kind).isEqualTo(lines);
		}
	}

	private static RunRepository repository(DataSource dataSource) {
		RunRepository runs = new RunRepository(dataSource, JsonMapper.builder().findAndAddModules().build(),
				new HubInstance());
		runs.ensureSync("payroll", false);
		return runs;
	}

	private static long running(RunRepository runs) {
		return runs.insert("payroll", SyncKind.IMPORT, Trigger.MANUAL, "tester", false, null, Instant.now(),
				RunStatus.RUNNING);
	}

	private static List<RunRepository.ChangeLine> lines(int count) {
		List<RunRepository.ChangeLine> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			LocalDate from = LocalDate.of(2026, 1, 1);
			lines.add(new RunRepository.ChangeLine("ENGAGEMENT", UUID.randomUUID(), "key-" + i,
					(i % 2 == 0) ? ObjectChange.Kind.CREATED : ObjectChange.Kind.CHANGED, from, null,
					List.of(new ChangeDiff.Interval(from, null,
							List.of(new ChangeDiff.FieldChange("jobTitle", null, "title " + i)))),
					null));
		}
		return lines;
	}

	private static void migrate(DataSource dataSource, MigrationVersion target) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/hub", "classpath:db/migration/ops")
			.outOfOrder(true)
			.target(target)
			.load()
			.migrate();
	}

}
