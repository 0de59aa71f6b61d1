package dk.orghub.routes.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.orghub.routes.audit.AuditLog;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.run.HubInstance;
import dk.orghub.routes.run.OperationsProperties;
import dk.orghub.routes.run.RunRepository;
import dk.orghub.routes.testing.OpsDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit is kept for its own retention (5 years by default), apart from the runs. */
class RetentionPurgeTest {

	private static final Instant NOW = Instant.parse("2031-03-01T02:30:00Z");

	@Test
	void theAuditOutlivesTheRunsRetention() {
		DataSource dataSource = OpsDatabase.migrated();
		audit(dataSource, NOW.minus(Duration.ofDays(100))).record("admin", "READ GET /api/v1/persons?includeCpr",
				"20 shown");
		audit(dataSource, NOW.minus(Duration.ofDays(4 * 365))).record("admin", "POST /api/v1/syncs/ad/run", "202");
		audit(dataSource, NOW.minus(Duration.ofDays(6 * 365))).record("admin", "POST /api/v1/syncs/ad/pause", "200");
		OperationsProperties properties = new OperationsProperties(4, Duration.ofMinutes(10), Duration.ofDays(90),
				Duration.ofDays(1826), "0 30 3 * * ?", Duration.ofSeconds(10));
		AuditLog audit = audit(dataSource, NOW);

		int[] purged = new RetentionPurge(new RunRepository(dataSource, new ObjectMapper(), new HubInstance()),
				new QuarantineRepository(dataSource), audit, List.of(), properties, Clock.fixed(NOW, ZoneOffset.UTC))
			.purge();

		assertThat(purged[2]).isEqualTo(1);
		assertThat(audit.list("admin", 0, 10).items()).extracting(AuditLog.AuditEntry::action)
			.containsExactly("POST /api/v1/syncs/ad/run", "READ GET /api/v1/persons?includeCpr");
	}

	private static AuditLog audit(DataSource dataSource, Instant at) {
		return new AuditLog(dataSource, Clock.fixed(at, ZoneOffset.UTC));
	}

}
