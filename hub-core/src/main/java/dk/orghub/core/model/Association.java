package dk.orghub.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * A person tied to a unit without a payroll employment: an intern, an external
 * consultant, a politician, a volunteer, or a member of a MED committee.
 *
 * @param person the person
 * @param unit the unit the person is tied to
 * @param associationType class of facet {@code association_type}
 * @param jobFunction class of facet {@code job_function}, may be {@code null}
 */
public record Association(UUID uuid, String userKey, UUID person, UUID unit, UUID associationType,
		UUID jobFunction) implements OrgObject {

	public Association {
		Objects.requireNonNull(uuid, "uuid");
	}

}
