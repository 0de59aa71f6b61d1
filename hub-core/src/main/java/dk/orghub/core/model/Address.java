package dk.orghub.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * An address of a unit, a person or an engagement: e-mail, phone, postal address, EAN,
 * opening hours and so on. The address type's {@link AddressScope} decides how the value
 * is validated.
 *
 * @param addressType class of facet {@code address_type}
 * @param visibility class of facet {@code visibility} (public, internal, secret), may be
 * {@code null}
 */
public record Address(UUID uuid, String userKey, UUID owner, OwnerKind ownerKind, UUID addressType, String value,
		UUID visibility) implements OrgObject {

	public Address {
		Objects.requireNonNull(uuid, "uuid");
	}

}
