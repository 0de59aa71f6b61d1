package dk.orghub.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * A KLE task of a unit (an Opgave).
 *
 * @param kleNumber the KLE number: main group, group or topic ({@code 27}, {@code 27.24},
 * {@code 27.24.00})
 * @param aspect class of facet {@code kle_aspect} (Ansvarlig, Udfoerende, Indsigt)
 */
public record Kle(UUID uuid, String userKey, UUID unit, String kleNumber, UUID aspect) implements OrgObject {

	public Kle {
		Objects.requireNonNull(uuid, "uuid");
	}

}
