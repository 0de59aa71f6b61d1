package dk.orghub.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The identity of an owner's address of one address type, the same whichever source
 * delivers it: a person's e-mail from the directory and from payroll is one object, and
 * the hub's field policy decides which source's value it holds. A source that delivers
 * such an address gives it this UUID (under its own external id).
 */
public final class SharedAddress {

	private SharedAddress() {
	}

	/** A name-based UUID from the owner's UUID and the address type's UUID. */
	public static UUID uuid(UUID owner, UUID addressType) {
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(addressType, "addressType");
		return UUID
			.nameUUIDFromBytes(("orghub:shared-address:" + owner + ":" + addressType).getBytes(StandardCharsets.UTF_8));
	}

}
