package dk.orghub.core.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;

/**
 * Who manages whom, over canonical timelines: the manager of a unit on a date is the
 * first held (not vacant) manager role of the unit itself or, failing that, of the
 * nearest unit above it. An employee's manager is found the same way from the unit of the
 * engagement, passing over roles the employee holds (a manager's manager is the next one
 * up). Several held roles in one unit: the lowest user key wins.
 */
public final class ManagerLookup {

	private final UnitPaths paths;

	private final Map<UUID, List<Timeline<Manager>>> byUnit = new HashMap<>();

	public ManagerLookup(Map<UUID, Timeline<OrgUnit>> units, Collection<Timeline<Manager>> managers) {
		this.paths = new UnitPaths(Map.copyOf(units));
		for (Timeline<Manager> role : managers) {
			for (Segment<Manager> segment : role.segments()) {
				List<Timeline<Manager>> ofUnit = this.byUnit.computeIfAbsent(segment.value().unit(),
						u -> new ArrayList<>());
				if (!ofUnit.contains(role)) {
					ofUnit.add(role);
				}
			}
		}
	}

	/** The manager of a unit on a date, inherited from above when the unit has none. */
	public Optional<Manager> managerOf(UUID unit, LocalDate date) {
		return find(unit, date, null);
	}

	/** The manager of an employee on a date: the nearest manager who is someone else. */
	public Optional<Manager> managerOf(Engagement engagement, LocalDate date) {
		return find(engagement.unit(), date, engagement.person());
	}

	private Optional<Manager> find(UUID unit, LocalDate date, UUID except) {
		for (OrgUnit step : this.paths.pathAt(unit, date)) {
			Optional<Manager> held = this.byUnit.getOrDefault(step.uuid(), List.of())
				.stream()
				.map(t -> t.at(date).orElse(null))
				.filter(m -> m != null && m.unit().equals(step.uuid()) && !m.isVacant() && !m.person().equals(except))
				.min(Comparator.comparing(Manager::userKey, Comparator.nullsLast(Comparator.naturalOrder())));
			if (held.isPresent()) {
				return held;
			}
		}
		return Optional.empty();
	}

}
