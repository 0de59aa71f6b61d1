package dk.orghub.routes.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.orghub.core.diff.ChangeDiff;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.routes.sync.SyncKind;
import dk.orghub.routes.testing.OpsDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's change log as written and read back: every line, in the order written, over
 * more lines than one INSERT statement takes (on PostgreSQL through {@code COPY}), with
 * the run's actor where a line has none and texts that {@code COPY} must escape. The
 * PostgreSQL run needs {@code -Dhub.test.postgres.url} and is skipped with a message
 * without it (CI's stage 2 runs it).
 */
class RunChangeLogTest {

	@Test
	void everyLineIsWrittenInOrderWithItsValuesOnH2() {
		everyLineIsWrittenInOrderWithItsValues(OpsDatabase.migrated());
	}

	@Test
	void everyLineIsWrittenInOrderWithItsValuesOnPostgres() {
		everyLineIsWrittenInOrderWithItsValues(OpsDatabase.postgres());
	}

	private static void everyLineIsWrittenInOrderWithItsValues(DataSource dataSource) {
		RunRepository runs = new RunRepository(dataSource, JsonMapper.builder().findAndAddModules().build(),
				new HubInstance());
		runs.ensureSync("payroll", false);
		long run = runs.insert("payroll", SyncKind.IMPORT, Trigger.MANUAL, "tester", false, null, Instant.now(),
				RunStatus.RUNNING);
		List<RunRepository.ChangeLine> lines = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			LocalDate from = LocalDate.of(2026, 1, 1).plusDays(i);
			String userKey = (i == 9) ? "key\t9\\ \"æøå\"\nline two\r" : "key-" + i;
			lines.add(new RunRepository.ChangeLine("ENGAGEMENT", new UUID(0, i), userKey,
					(i % 2 == 0) ? ObjectChange.Kind.CREATED : ObjectChange.Kind.CHANGED, from, null,
					List.of(new ChangeDiff.Interval(from, null,
							List.of(new ChangeDiff.FieldChange("jobTitle", null, "title " + userKey)))),
					(i == 7) ? "by hand" : null));
		}

		runs.insertChanges(run, "source:payroll", lines);

		List<RunChange> read = runs.changes(run, null, 0, 2000).items();
		assertThat(read).hasSize(1001);
		for (int i = 0; i < 1001; i++) {
			RunChange change = read.get(i);
			RunRepository.ChangeLine line = lines.get(i);
			assertThat(change.uuid()).isEqualTo(line.uuid());
			assertThat(change.userKey()).isEqualTo(line.userKey());
			assertThat(change.kind()).isEqualTo(line.kind());
			assertThat(change.type()).isEqualTo("ENGAGEMENT");
			assertThat(change.validFrom()).isEqualTo(line.validFrom());
			assertThat(change.validTo()).isNull();
			assertThat(change.intervals()).isEqualTo(line.intervals());
			assertThat(change.actor()).isEqualTo((i == 7) ? "by hand" : "source:payroll");
		}
	}

}
