package dk.orghub.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * An organisation unit (OrganisationEnhed).
 *
 * @param parent the parent unit, {@code null} for a root
 * @param unitType class of facet {@code org_unit_type} (e.g. Afdeling, Team)
 * @param unitLevel class of facet {@code org_unit_level} (e.g. NY1, Afdelings-niveau),
 * may be {@code null}
 * @param payoutUnit the unit that is this unit's payout unit (Udbetalende Enhed), may be
 * {@code null}
 */
public record OrgUnit(UUID uuid, String userKey, String name, UUID parent, UUID unitType, UUID unitLevel,
		UUID payoutUnit) implements OrgObject {

	public OrgUnit {
		Objects.requireNonNull(uuid, "uuid");
	}

}
