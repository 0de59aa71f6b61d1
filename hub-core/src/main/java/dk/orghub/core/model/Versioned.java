package dk.orghub.core.model;

import java.time.Instant;

/**
 * A stored version of an object: its value over one validity segment, the registration
 * that recorded it, and when a later registration superseded it ({@code null} while it is
 * current).
 */
public record Versioned<T extends OrgObject>(T value, Validity validity, Registration registration,
		Instant supersededAt) {

	public boolean isCurrent() {
		return this.supersededAt == null;
	}

}
