package dk.orghub.routes.quarantine;

import java.time.Instant;
import java.util.UUID;

/**
 * An object a sync could not write, and why.
 *
 * @param type the object's type: the hub's (e.g. {@code ENGAGEMENT}) or a target's (e.g.
 * {@code OrganisationEnhed})
 * @param rule the rule of the model it broke, e.g. {@code within-unit}, or
 * {@code adapter} for a failure the adapter reported
 * @param firstRun the run that first failed it
 * @param lastRun the run that last failed it
 * @param attempts how many runs failed it
 * @param resolvedAt when a run wrote it (a retry or a later run); {@code null} while open
 */
public record QuarantineEntry(long id, String sync, String type, UUID uuid, String userKey, String rule, String reason,
		long firstRun, long lastRun, Instant firstSeen, Instant lastSeen, int attempts, Instant resolvedAt,
		Long resolvedByRun) {

	public boolean open() {
		return this.resolvedAt == null;
	}

}
