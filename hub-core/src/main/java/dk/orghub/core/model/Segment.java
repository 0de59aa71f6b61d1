package dk.orghub.core.model;

import java.util.Objects;

/** A value of an object over one validity interval. */
public record Segment<T extends OrgObject>(Validity validity, T value) {

	public Segment {
		Objects.requireNonNull(validity, "validity");
		Objects.requireNonNull(value, "value");
	}

}
