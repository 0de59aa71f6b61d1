package dk.orghub.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The municipality itself; one per tenant.
 *
 * @param cvr the 8-digit CVR number
 * @param municipalityCode the 3-digit municipality code (kommunekode)
 */
public record Organisation(UUID uuid, String userKey, String name, String cvr,
		String municipalityCode) implements OrgObject {

	public Organisation {
		Objects.requireNonNull(uuid, "uuid");
	}

}
