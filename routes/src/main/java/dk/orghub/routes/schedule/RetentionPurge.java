package dk.orghub.routes.schedule;

import java.time.Clock;
import java.time.Instant;

import dk.orghub.routes.audit.AuditLog;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.run.OperationsProperties;
import dk.orghub.routes.run.RunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is older than the retention ({@code hub.operations.retention}, 90 days):
 * finished runs with their change logs, resolved quarantine entries and audit entries.
 * Runs awaiting approval are kept.
 */
public class RetentionPurge {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	private final RunRepository runs;

	private final QuarantineRepository quarantine;

	private final AuditLog audit;

	private final OperationsProperties properties;

	private final Clock clock;

	public RetentionPurge(RunRepository runs, QuarantineRepository quarantine, AuditLog audit,
			OperationsProperties properties, Clock clock) {
		this.runs = runs;
		this.quarantine = quarantine;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** Purges and returns how many rows went: runs, quarantine entries, audit entries. */
	public int[] purge() {
		Instant before = this.clock.instant().minus(this.properties.retention());
		int runs = this.runs.purgeRuns(before);
		int quarantined = this.quarantine.purge(before);
		int audited = this.audit.purge(before);
		log.info("Retention: removed {} runs, {} resolved quarantine entries and {} audit entries from before {}", runs,
				quarantined, audited, before);
		return new int[] { runs, quarantined, audited };
	}

}
