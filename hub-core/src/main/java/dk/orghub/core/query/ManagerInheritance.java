package dk.orghub.core.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dk.orghub.core.model.Manager;
import dk.orghub.core.model.Versioned;

/**
 * Finds the manager of a unit: the first manager role of the unit that a person holds;
 * with inheritance, when the unit has none, the nearest ancestor's. Vacant roles are
 * skipped and reported. Where a unit has several held roles, the first of the given list
 * wins (the store lists by user key, then UUID).
 */
final class ManagerInheritance {

	private ManagerInheritance() {
	}

	/**
	 * @param unit the unit asked about
	 * @param parentOf the parent of a unit at the read point, empty for a root
	 * @param managersOf the manager roles of a unit at the read point, vacant or not
	 * @param inherit whether to look at the ancestors when the unit has no manager
	 */
	static ManagerResolution resolve(UUID unit, Function<UUID, Optional<UUID>> parentOf,
			Function<UUID, List<Versioned<Manager>>> managersOf, boolean inherit) {
		List<Versioned<Manager>> vacant = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		UUID current = unit;
		while (current != null && seen.add(current)) {
			for (Versioned<Manager> role : managersOf.apply(current)) {
				if (role.value().isVacant()) {
					vacant.add(role);
				}
				else {
					return new ManagerResolution(unit, role, vacant);
				}
			}
			if (!inherit) {
				break;
			}
			current = parentOf.apply(current).orElse(null);
		}
		return new ManagerResolution(unit, null, vacant);
	}

}
