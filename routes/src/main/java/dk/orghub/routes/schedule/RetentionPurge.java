package dk.orghub.routes.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dk.orghub.core.spi.FileSource;
import dk.orghub.routes.audit.AuditLog;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.run.OperationsProperties;
import dk.orghub.routes.run.RunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is older than its retention: finished runs with their change logs and
 * resolved quarantine entries ({@code hub.operations.retention}, 90 days; runs awaiting
 * approval are kept), audit entries ({@code hub.operations.audit-retention}, 5 years),
 * and files inboxes have processed (each inbox's own retention, e.g.
 * {@code hub.sources.opus.retention}).
 */
public class RetentionPurge {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	private final RunRepository runs;

	private final QuarantineRepository quarantine;

	private final AuditLog audit;

	private final List<FileSource> inboxes;

	private final OperationsProperties properties;

	private final Clock clock;

	public RetentionPurge(RunRepository runs, QuarantineRepository quarantine, AuditLog audit, List<FileSource> inboxes,
			OperationsProperties properties, Clock clock) {
		this.runs = runs;
		this.quarantine = quarantine;
		this.audit = audit;
		this.inboxes = List.copyOf(inboxes);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Purges and returns how much went: runs, quarantine entries, audit entries, inbox
	 * files.
	 */
	public int[] purge() {
		Instant now = this.clock.instant();
		Instant before = now.minus(this.properties.retention());
		Instant auditBefore = now.minus(this.properties.auditRetention());
		int runs = this.runs.purgeRuns(before);
		int quarantined = this.quarantine.purge(before);
		int audited = this.audit.purge(auditBefore);
		int files = 0;
		for (FileSource inbox : this.inboxes) {
			files += inbox.purgeProcessed(now);
		}
		log.info(
				"Retention: removed {} runs and {} resolved quarantine entries from before {}, {} audit entries "
						+ "from before {} and {} processed inbox files",
				runs, quarantined, before, audited, auditBefore, files);
		return new int[] { runs, quarantined, audited, files };
	}

}
