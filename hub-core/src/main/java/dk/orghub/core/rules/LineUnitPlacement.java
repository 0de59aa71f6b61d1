package dk.orghub.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/**
 * Places engagements that payroll puts in units of a too-deep level (SD-Løn's
 * Afdelings-niveau) in the nearest line unit above, on every date: the unit of the
 * engagement becomes that unit and {@link Engagement#originalUnit()} keeps the one
 * payroll gave. Where no unit above has a line level, the engagement stays where it is.
 */
public final class LineUnitPlacement {

	private final Set<UUID> tooDeepLevels;

	/**
	 * @param tooDeepLevels unit level classes whose units hold no engagements
	 */
	public LineUnitPlacement(Set<UUID> tooDeepLevels) {
		this.tooDeepLevels = Set.copyOf(Objects.requireNonNull(tooDeepLevels, "tooDeepLevels"));
	}

	/**
	 * The engagement placed in line units.
	 * @param units every unit the engagement's units lie below, by UUID
	 */
	public Timeline<Engagement> apply(Timeline<Engagement> engagement, Map<UUID, Timeline<OrgUnit>> units) {
		if (this.tooDeepLevels.isEmpty()) {
			return engagement;
		}
		UnitPaths paths = new UnitPaths(units);
		List<Segment<Engagement>> result = new ArrayList<>();
		boolean moved = false;
		for (Segment<Engagement> segment : engagement.segments()) {
			Engagement value = segment.value();
			for (Validity piece : paths.pieces(value.unit(), segment.validity())) {
				UUID line = lineUnit(paths.pathAt(value.unit(), piece.from()));
				if (line != null && !line.equals(value.unit())) {
					result.add(new Segment<>(piece, value.placedIn(line)));
					moved = true;
				}
				else {
					result.add(new Segment<>(piece, value));
				}
			}
		}
		return moved ? Timeline.of(result) : engagement;
	}

	/** Whether a unit's level is one whose units hold no engagements. */
	public boolean isTooDeep(OrgUnit unit) {
		return unit.unitLevel() != null && this.tooDeepLevels.contains(unit.unitLevel());
	}

	private UUID lineUnit(List<OrgUnit> path) {
		for (OrgUnit unit : path) {
			if (!isTooDeep(unit)) {
				return unit.uuid();
			}
		}
		return null;
	}

}
