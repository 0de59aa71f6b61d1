package dk.orghub.core.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/**
 * Leaves configured subtrees out (for example closed units, or units that must not be
 * exported): a unit is left out on every date on which it or a unit above it is one of
 * the excluded roots, and so is everything placed in it.
 */
public final class SubtreeFilter {

	private final Set<UUID> excludedRoots;

	public SubtreeFilter(Set<UUID> excludedRoots) {
		this.excludedRoots = Set.copyOf(Objects.requireNonNull(excludedRoots, "excludedRoots"));
	}

	public static SubtreeFilter none() {
		return new SubtreeFilter(Set.of());
	}

	public boolean isEmpty() {
		return this.excludedRoots.isEmpty();
	}

	/**
	 * The units with the excluded subtrees cut out; units left with no validity are
	 * absent from the result.
	 */
	public Map<UUID, Timeline<OrgUnit>> units(Map<UUID, Timeline<OrgUnit>> units) {
		if (this.excludedRoots.isEmpty()) {
			return units;
		}
		UnitPaths paths = new UnitPaths(units);
		Map<UUID, Timeline<OrgUnit>> result = new LinkedHashMap<>();
		units.forEach((uuid, timeline) -> {
			List<Segment<OrgUnit>> kept = new ArrayList<>();
			for (Segment<OrgUnit> segment : timeline.segments()) {
				for (Validity piece : paths.pieces(uuid, segment.validity())) {
					boolean excluded = paths.pathAt(uuid, piece.from())
						.stream()
						.anyMatch(u -> this.excludedRoots.contains(u.uuid()));
					if (!excluded) {
						kept.add(new Segment<>(piece, segment.value()));
					}
				}
			}
			if (!kept.isEmpty()) {
				result.put(uuid, Timeline.of(kept));
			}
		});
		return result;
	}

	/**
	 * An object placed in a unit (an engagement, a manager role, a unit address) kept
	 * only where its unit is kept.
	 * @param keptUnits the result of {@link #units}
	 */
	public <T extends OrgObject> Timeline<T> placed(Timeline<T> timeline, Function<T, UUID> unitOf,
			Map<UUID, Timeline<OrgUnit>> keptUnits) {
		if (this.excludedRoots.isEmpty()) {
			return timeline;
		}
		List<Segment<T>> kept = new ArrayList<>();
		for (Segment<T> segment : timeline.segments()) {
			Timeline<OrgUnit> unit = keptUnits.get(unitOf.apply(segment.value()));
			if (unit == null) {
				continue;
			}
			for (Validity v : unit.coverage()) {
				if (v.overlaps(segment.validity())) {
					java.time.LocalDate from = v.from().isAfter(segment.validity().from()) ? v.from()
							: segment.validity().from();
					java.time.LocalDate to = v.toOrEnd().isBefore(segment.validity().toOrEnd()) ? v.toOrEnd()
							: segment.validity().toOrEnd();
					kept.add(new Segment<>(new Validity(from, to), segment.value()));
				}
			}
		}
		return Timeline.of(kept);
	}

}
