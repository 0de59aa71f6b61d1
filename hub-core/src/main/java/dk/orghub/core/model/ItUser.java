package dk.orghub.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * An account of a person in an IT system.
 *
 * @param userKey the account name (e.g. sAMAccountName)
 * @param itSystem class of facet {@code it_system}
 * @param externalId the system's own id (e.g. objectGUID), may be {@code null}
 */
public record ItUser(UUID uuid, String userKey, UUID person, UUID itSystem, String externalId,
		boolean enabled) implements OrgObject {

	public ItUser {
		Objects.requireNonNull(uuid, "uuid");
	}

}
