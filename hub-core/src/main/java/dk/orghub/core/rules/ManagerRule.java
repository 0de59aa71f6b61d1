package dk.orghub.core.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/**
 * A manager role is held only while its holder is employed. Where the role is held by a
 * person on a day the person has no engagement, the role is cut there; after the person's
 * last engagement ends, it is ended or (with {@link WhenEmploymentEnds#VACATE}) kept
 * vacant for as long as its unit exists. Vacant roles are left as they are.
 */
public final class ManagerRule {

	/** What happens to a manager role when its holder's last engagement ends. */
	public enum WhenEmploymentEnds {

		/** The role ends with the engagement. */
		END,
		/** The role goes on without a person (vacant) until the unit ends. */
		VACATE

	}

	private final WhenEmploymentEnds mode;

	public ManagerRule(WhenEmploymentEnds mode) {
		this.mode = Objects.requireNonNull(mode, "mode");
	}

	/**
	 * The role as this rule has it.
	 * @param role the manager role as the source gives it
	 * @param holderEngagements every engagement of the role's holder
	 * @param unit the role's unit (for how long a vacant role lasts); may be empty
	 * @return the role; empty when nothing of it remains
	 */
	public Timeline<Manager> apply(Timeline<Manager> role, Collection<Timeline<Engagement>> holderEngagements,
			Timeline<OrgUnit> unit) {
		List<Validity> employed = coverage(holderEngagements);
		List<Segment<Manager>> result = new ArrayList<>();
		Segment<Manager> lastHeld = null;
		for (Segment<Manager> segment : role.segments()) {
			if (segment.value().isVacant()) {
				result.add(segment);
				continue;
			}
			for (Validity v : employed) {
				if (v.overlaps(segment.validity())) {
					Validity both = intersection(v, segment.validity());
					result.add(new Segment<>(both, segment.value()));
					lastHeld = new Segment<>(both, segment.value());
				}
			}
		}
		if (this.mode == WhenEmploymentEnds.VACATE && lastHeld != null && !lastHeld.validity().isOpen()) {
			LocalDate from = lastHeld.validity().to();
			Validity unitSpan = (unit != null)
					? unit.coverage().stream().filter(v -> v.contains(from)).findFirst().orElse(null) : null;
			if (unitSpan != null) {
				Validity vacant = new Validity(from, unitSpan.to());
				Manager m = lastHeld.value();
				Manager vacated = new Manager(m.uuid(), m.userKey(), m.unit(), null, m.managerType(), m.managerLevel(),
						m.responsibilities());
				Timeline<Manager> withoutLater = Timeline.of(result).remove(vacant);
				List<Segment<Manager>> all = new ArrayList<>(withoutLater.segments());
				all.add(new Segment<>(vacant, vacated));
				return Timeline.of(all);
			}
		}
		return Timeline.of(result);
	}

	/** The days covered by any of the engagements, as disjoint intervals in order. */
	static List<Validity> coverage(Collection<Timeline<Engagement>> engagements) {
		List<Validity> all = new ArrayList<>();
		engagements.forEach(t -> t.segments().forEach(s -> all.add(s.validity())));
		all.sort(java.util.Comparator.comparing(Validity::from));
		List<Validity> merged = new ArrayList<>();
		for (Validity v : all) {
			if (!merged.isEmpty() && !merged.get(merged.size() - 1).toOrEnd().isBefore(v.from())) {
				Validity last = merged.remove(merged.size() - 1);
				LocalDate to = last.toOrEnd().isAfter(v.toOrEnd()) ? last.toOrEnd() : v.toOrEnd();
				merged.add(new Validity(last.from(), to));
			}
			else {
				merged.add(v);
			}
		}
		return merged;
	}

	private static Validity intersection(Validity a, Validity b) {
		LocalDate from = a.from().isAfter(b.from()) ? a.from() : b.from();
		LocalDate to = a.toOrEnd().isBefore(b.toOrEnd()) ? a.toOrEnd() : b.toOrEnd();
		return new Validity(from, to);
	}

}
