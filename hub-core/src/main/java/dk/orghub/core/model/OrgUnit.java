package dk.orghub.core.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;

/**
 * An organisation unit (OrganisationEnhed).
 *
 * @param parent the parent unit, {@code null} for a root; in the same hierarchy
 * @param unitType class of facet {@code org_unit_type} (e.g. Afdeling, Team)
 * @param unitLevel class of facet {@code org_unit_level} (e.g. NY1, Afdelings-niveau),
 * may be {@code null}
 * @param payoutUnit the unit that is this unit's payout unit (Udbetalende Enhed), may be
 * {@code null}
 * @param hierarchy class of facet {@code org_unit_hierarchy}: the tree the unit belongs
 * to; {@code null} is read as the line organisation
 * ({@link DefaultClasses#LINE_ORGANISATION})
 * @param covers for a unit outside the line organisation (e.g. a MED committee), the line
 * units it covers; never {@code null}
 */
public record OrgUnit(UUID uuid, String userKey, String name, UUID parent, UUID unitType, UUID unitLevel,
		UUID payoutUnit, UUID hierarchy, List<UUID> covers) implements OrgObject {

	public OrgUnit {
		Objects.requireNonNull(uuid, "uuid");
		hierarchy = (hierarchy != null) ? hierarchy : DefaultClasses.LINE_ORGANISATION;
		covers = (covers != null) ? List.copyOf(covers) : List.of();
	}

	/** A unit of the line organisation. */
	public OrgUnit(UUID uuid, String userKey, String name, UUID parent, UUID unitType, UUID unitLevel,
			UUID payoutUnit) {
		this(uuid, userKey, name, parent, unitType, unitLevel, payoutUnit, null, List.of());
	}

	/** Whether the unit belongs to the line organisation. */
	public boolean inLineOrganisation() {
		return DefaultClasses.LINE_ORGANISATION.equals(this.hierarchy);
	}

}
