package dk.orghub.core.rules;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/**
 * Walks the unit tree over time: the path from a unit to its root on a date, and the
 * pieces of a validity interval on which every unit's place in the tree stays the same.
 */
final class UnitPaths {

	private final Map<UUID, Timeline<OrgUnit>> units;

	UnitPaths(Map<UUID, Timeline<OrgUnit>> units) {
		this.units = units;
	}

	/**
	 * The unit and its ancestors on {@code date}, nearest first; stops at a unit not
	 * valid that day or at the first unit seen twice (a cycle).
	 */
	List<OrgUnit> pathAt(UUID unit, LocalDate date) {
		List<OrgUnit> path = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		UUID current = unit;
		while (current != null && seen.add(current)) {
			Timeline<OrgUnit> timeline = this.units.get(current);
			OrgUnit value = (timeline != null) ? timeline.at(date).orElse(null) : null;
			if (value == null) {
				break;
			}
			path.add(value);
			current = value.parent();
		}
		return path;
	}

	/**
	 * {@code within} cut at every date on which the unit or any unit that is ever its
	 * ancestor changes.
	 */
	List<Validity> pieces(UUID unit, Validity within) {
		TreeSet<LocalDate> points = new TreeSet<>();
		points.add(within.from());
		Set<UUID> seen = new HashSet<>();
		Deque<UUID> pending = new ArrayDeque<>();
		pending.add(unit);
		while (!pending.isEmpty()) {
			UUID current = pending.poll();
			if (!seen.add(current)) {
				continue;
			}
			Timeline<OrgUnit> timeline = this.units.get(current);
			if (timeline == null) {
				continue;
			}
			for (Segment<OrgUnit> segment : timeline.segments()) {
				if (!segment.validity().overlaps(within)) {
					continue;
				}
				addInside(points, segment.validity().from(), within);
				addInside(points, segment.validity().toOrEnd(), within);
				if (segment.value().parent() != null) {
					pending.add(segment.value().parent());
				}
			}
		}
		List<Validity> result = new ArrayList<>();
		LocalDate previous = null;
		for (LocalDate point : points) {
			if (previous != null) {
				result.add(new Validity(previous, point));
			}
			previous = point;
		}
		result.add(new Validity(previous, within.to()));
		return result;
	}

	private static void addInside(TreeSet<LocalDate> points, LocalDate date, Validity within) {
		if (date.isAfter(within.from()) && date.isBefore(within.toOrEnd())) {
			points.add(date);
		}
	}

}
