package dk.orghub.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * A code list, such as unit types or address types.
 *
 * @param userKey the facet's name, e.g. {@code org_unit_type}
 */
public record Facet(UUID uuid, String userKey, String description) implements OrgObject {

	public Facet {
		Objects.requireNonNull(uuid, "uuid");
	}

}
