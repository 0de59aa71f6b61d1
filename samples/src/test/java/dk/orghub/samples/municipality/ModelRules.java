package dk.orghub.samples.municipality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/**
 * The rules of the canonical model, checked on a generated municipality in plain Java
 * (independently of the store's checker): each finding is a line naming the object.
 */
final class ModelRules {

	private final Municipality municipality;

	private final Map<UUID, List<Validity>> unitCoverage = new HashMap<>();

	private final Map<UUID, List<Validity>> personCoverage = new HashMap<>();

	private final List<String> problems = new ArrayList<>();

	private ModelRules(Municipality municipality) {
		this.municipality = municipality;
		municipality.units().forEach((uuid, timeline) -> this.unitCoverage.put(uuid, coverage(timeline)));
		municipality.persons().forEach((uuid, timeline) -> this.personCoverage.put(uuid, coverage(timeline)));
	}

	static List<String> check(Municipality municipality) {
		ModelRules rules = new ModelRules(municipality);
		rules.checkUnits();
		rules.checkEngagements();
		rules.checkManagers();
		rules.checkAddressesAndKle();
		rules.checkPrimaryEngagements();
		return rules.problems;
	}

	private void checkUnits() {
		for (Timeline<OrgUnit> timeline : this.municipality.units().values()) {
			for (Segment<OrgUnit> segment : timeline.segments()) {
				UUID parent = segment.value().parent();
				if (parent != null) {
					within(segment, "parent", this.unitCoverage.get(parent));
				}
			}
		}
	}

	private void checkEngagements() {
		for (Timeline<Engagement> timeline : this.municipality.engagements().values()) {
			for (Segment<Engagement> segment : timeline.segments()) {
				within(segment, "unit", this.unitCoverage.get(segment.value().unit()));
				within(segment, "person", this.personCoverage.get(segment.value().person()));
			}
		}
	}

	private void checkManagers() {
		Map<String, List<Validity>> engagementsByPersonAndUnit = new HashMap<>();
		for (Timeline<Engagement> timeline : this.municipality.engagements().values()) {
			Engagement engagement = timeline.segments().get(0).value();
			engagementsByPersonAndUnit
				.computeIfAbsent(engagement.person() + "/" + engagement.unit(), (k) -> new ArrayList<>())
				.addAll(coverage(timeline));
		}
		for (Timeline<Manager> timeline : this.municipality.managers().values()) {
			for (Segment<Manager> segment : timeline.segments()) {
				Manager manager = segment.value();
				within(segment, "unit", this.unitCoverage.get(manager.unit()));
				if (manager.person() != null) {
					within(segment, "person", this.personCoverage.get(manager.person()));
					within(segment, "engagement of the manager in the unit",
							engagementsByPersonAndUnit.get(manager.person() + "/" + manager.unit()));
				}
			}
		}
	}

	private void checkAddressesAndKle() {
		for (Timeline<Address> timeline : this.municipality.addresses().values()) {
			for (Segment<Address> segment : timeline.segments()) {
				within(segment, "owner", this.unitCoverage.get(segment.value().owner()));
			}
		}
		for (Timeline<Kle> timeline : this.municipality.kle().values()) {
			for (Segment<Kle> segment : timeline.segments()) {
				within(segment, "unit", this.unitCoverage.get(segment.value().unit()));
			}
		}
	}

	/**
	 * On every date a person has an engagement, exactly one of them is primary. The
	 * counts only change where an engagement starts or ends, so those dates suffice.
	 */
	private void checkPrimaryEngagements() {
		Map<UUID, List<Segment<Engagement>>> byPerson = new HashMap<>();
		for (Timeline<Engagement> timeline : this.municipality.engagements().values()) {
			for (Segment<Engagement> segment : timeline.segments()) {
				byPerson.computeIfAbsent(segment.value().person(), (p) -> new ArrayList<>()).add(segment);
			}
		}
		byPerson.forEach((person, segments) -> {
			TreeSet<LocalDate> dates = new TreeSet<>();
			for (Segment<Engagement> segment : segments) {
				dates.add(segment.validity().from());
				if (segment.validity().to() != null) {
					dates.add(segment.validity().to());
				}
			}
			for (LocalDate date : dates) {
				int valid = 0;
				int primary = 0;
				for (Segment<Engagement> segment : segments) {
					if (segment.validity().contains(date)) {
						valid++;
						primary += segment.value().primary() ? 1 : 0;
					}
				}
				if (valid > 0 && primary != 1) {
					this.problems.add("person " + person + " has " + primary + " primary engagements on " + date);
				}
			}
		});
	}

	private void within(Segment<? extends OrgObject> segment, String what, List<Validity> coverage) {
		Validity validity = segment.validity();
		boolean covered = coverage != null && coverage.stream()
			.anyMatch((v) -> !v.from().isAfter(validity.from()) && !v.toOrEnd().isBefore(validity.toOrEnd()));
		if (!covered) {
			OrgObject value = segment.value();
			this.problems.add(value.type().collection() + " '" + value.userKey() + "' valid " + validity
					+ " is not within its " + what + ((coverage != null) ? " valid " + coverage : " (missing)"));
		}
	}

	/** The intervals on which a timeline has a value, adjacent segments joined. */
	static List<Validity> coverage(Timeline<?> timeline) {
		List<Validity> sorted = new ArrayList<>();
		timeline.segments().forEach((s) -> sorted.add(s.validity()));
		sorted.sort(Comparator.comparing(Validity::from));
		List<Validity> joined = new ArrayList<>();
		for (Validity validity : sorted) {
			int last = joined.size() - 1;
			if (last >= 0 && joined.get(last).toOrEnd().equals(validity.from())) {
				joined.set(last, new Validity(joined.get(last).from(), validity.to()));
			}
			else {
				joined.add(validity);
			}
		}
		return joined;
	}

}
