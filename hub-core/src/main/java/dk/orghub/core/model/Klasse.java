package dk.orghub.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * A value of a {@link Facet} (a class): a unit type, an address type, a job function.
 *
 * @param facet the facet this class belongs to
 * @param scope for address types, the kind of value ({@link AddressScope} name);
 * otherwise {@code null}
 */
public record Klasse(UUID uuid, String userKey, UUID facet, String title, String scope) implements OrgObject {

	public Klasse {
		Objects.requireNonNull(uuid, "uuid");
	}

}
