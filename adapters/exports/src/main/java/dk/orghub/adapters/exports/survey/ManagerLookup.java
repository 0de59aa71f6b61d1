package dk.orghub.adapters.exports.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.orghub.adapters.exports.OrgSnapshot;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Versioned;

/**
 * The manager of every unit of a snapshot, inherited from the nearest unit above when a
 * unit has none: the same answer as {@code OrganisationQueries.managerOf(unit, point,
 * true)} (the first manager role of a unit held by a person, in user-key order; vacant
 * roles skipped), computed for all units in one pass down the tree instead of with store
 * reads per unit.
 */
final class ManagerLookup {

	private final OrgSnapshot snapshot;

	private final Map<UUID, Manager> managers = new HashMap<>();

	ManagerLookup(OrgSnapshot snapshot) {
		this.snapshot = snapshot;
		for (Versioned<OrgUnit> root : snapshot.tree().roots()) {
			for (Versioned<OrgUnit> unit : snapshot.tree().subtree(root.value().uuid())) {
				Manager own = ownManager(unit.value().uuid());
				if (own != null) {
					this.managers.put(unit.value().uuid(), own);
				}
				else {
					UUID parent = unit.value().parent();
					Manager above = (parent != null) ? this.managers.get(parent) : null;
					if (above != null) {
						this.managers.put(unit.value().uuid(), above);
					}
				}
			}
		}
	}

	/** The manager of the unit, its own or inherited; empty when none up to the root. */
	Optional<Manager> managerOf(UUID unit) {
		return Optional.ofNullable(this.managers.get(unit));
	}

	/** The unit's own manager role held by a person, else {@code null}. */
	Manager ownManager(UUID unit) {
		for (Manager role : this.snapshot.managersOf(unit)) {
			if (!role.isVacant()) {
				return role;
			}
		}
		return null;
	}

	/** Whether the unit has manager roles of its own and all of them are vacant. */
	boolean onlyVacantRoles(UUID unit) {
		List<Manager> roles = this.snapshot.managersOf(unit);
		return !roles.isEmpty() && roles.stream().allMatch(Manager::isVacant);
	}

	/** Whether the person holds a manager role of the unit itself. */
	boolean manages(UUID person, UUID unit) {
		for (Manager role : this.snapshot.managersOf(unit)) {
			if (person.equals(role.person())) {
				return true;
			}
		}
		return false;
	}

}
