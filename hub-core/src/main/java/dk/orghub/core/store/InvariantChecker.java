package dk.orghub.core.store;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dk.orghub.core.model.Address;
import dk.orghub.core.model.AddressScope;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.Mapping.Reference;
import dk.orghub.core.store.Mapping.Target;

/**
 * Checks the rules of the model on the objects a change set touches, against the store as
 * it would be afterwards:
 * <ul>
 * <li>values: required fields, lengths, formats, CPR numbers ({@link ValueRules}); an
 * address value valid for its address type;</li>
 * <li>references: a referenced object (parent, unit, person, owner, class) exists on
 * every day the referring version is valid, so a child lies within its parent and an
 * engagement within its unit and person; checked both ways: for the changed objects and
 * for the objects that refer to one whose validity shrank;</li>
 * <li>no unit is its own ancestor on any date;</li>
 * <li>a unit is in its parent's hierarchy; the units it covers are line units;</li>
 * <li>an engagement (a payroll employment) is in a unit of the line organisation on every
 * day (associations may be in any hierarchy);</li>
 * <li>no two persons hold the same CPR number on the same day;</li>
 * <li>at most one primary engagement per person on any date.</li>
 * </ul>
 */
final class InvariantChecker {

	private static final int MAX_DEPTH = 10_000;

	private final StoreView view;

	private final Map<ObjectKey, Change> changes;

	private final List<Violation> violations = new ArrayList<>();

	private final List<Violation> warnings = new ArrayList<>();

	record Change(Timeline<?> before, Timeline<?> after) {

	}

	InvariantChecker(StoreView view, Map<ObjectKey, Change> changes) {
		this.view = view;
		this.changes = changes;
	}

	List<Violation> violations() {
		return this.violations;
	}

	List<Violation> warnings() {
		return this.warnings;
	}

	void check() throws SQLException {
		checkValues();
		checkReferences();
		checkCycles();
		checkHierarchies();
		checkEngagementUnits();
		checkUniqueCpr();
		checkDependents();
		checkPrimary();
	}

	private void checkValues() {
		for (Map.Entry<ObjectKey, Change> entry : this.changes.entrySet()) {
			ObjectKey key = entry.getKey();
			Set<String> seen = new HashSet<>();
			for (Segment<?> segment : entry.getValue().after().segments()) {
				ValueRules.check(segment.value(), (rule, message) -> {
					if (seen.add(rule + message)) {
						violation(key, segment.value().userKey(), rule,
								message + " (valid " + segment.validity() + ")");
					}
				}, (rule, message) -> {
					if (seen.add(rule + message)) {
						this.warnings
							.add(new Violation(key.type(), key.uuid(), segment.value().userKey(), rule, message));
					}
				});
			}
		}
	}

	private void checkReferences() throws SQLException {
		List<ObjectKey> targets = new ArrayList<>();
		for (Map.Entry<ObjectKey, Change> entry : this.changes.entrySet()) {
			for (Segment<?> segment : entry.getValue().after().segments()) {
				for (Target target : targets(segment.value())) {
					targets.add(new ObjectKey(target.type(), target.uuid()));
				}
			}
		}
		this.view.prefetch(targets);
		for (Map.Entry<ObjectKey, Change> entry : this.changes.entrySet()) {
			for (Segment<?> segment : entry.getValue().after().segments()) {
				checkReferencesOf(entry.getKey(), segment, null);
			}
		}
	}

	/**
	 * Checks the references of one version; only those pointing at {@code onlyTo} if
	 * given.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void checkReferencesOf(ObjectKey key, Segment<?> segment, Set<ObjectKey> onlyTo) throws SQLException {
		Mapping mapping = Mappings.of(key.type());
		for (Reference reference : (List<Reference>) mapping.references()) {
			Target target = (Target) reference.target().apply(segment.value());
			if (target == null) {
				continue;
			}
			ObjectKey targetKey = new ObjectKey(target.type(), target.uuid());
			if (onlyTo != null && !onlyTo.contains(targetKey)) {
				continue;
			}
			Timeline<?> targetTimeline = this.view.timeline(targetKey);
			if (targetTimeline.isEmpty()) {
				violation(key, segment.value().userKey(), reference.rule(),
						"valid " + segment.validity() + " refers to " + reference.field() + " "
								+ describe(targetKey, targetTimeline) + ", which does not exist");
			}
			else if (!targetTimeline.covers(segment.validity())) {
				violation(key, segment.value().userKey(), reference.rule(),
						"valid " + segment.validity() + " but its " + reference.field() + " "
								+ describe(targetKey, targetTimeline) + " is valid only " + targetTimeline.coverage());
			}
			else if (segment.value() instanceof Address address && "addressType".equals(reference.field())) {
				checkAddressValue(key, address, segment.validity(), targetTimeline);
			}
		}
	}

	private void checkAddressValue(ObjectKey key, Address address, Validity validity, Timeline<?> typeTimeline) {
		Object type = typeTimeline.at(validity.from()).orElse(null);
		if (!(type instanceof Klasse klasse)) {
			violation(key, address.userKey(), "address-value",
					"address type " + address.addressType() + " is not an address type class");
			return;
		}
		if (klasse.scope() == null) {
			violation(key, address.userKey(), "address-value",
					"class '" + klasse.userKey() + "' is not an address type (it has no scope)");
			return;
		}
		AddressScope.valueOf(klasse.scope())
			.validate(address.value())
			.ifPresent(message -> violation(key, address.userKey(), "address-value",
					klasse.userKey() + " address " + message));
	}

	private void checkCycles() throws SQLException {
		Set<UUID> changedUnits = new HashSet<>();
		for (ObjectKey key : this.changes.keySet()) {
			if (key.type() == ObjectType.ORG_UNIT) {
				changedUnits.add(key.uuid());
			}
		}
		if (changedUnits.isEmpty()) {
			return;
		}
		Set<UUID> known = new HashSet<>(changedUnits);
		Set<UUID> frontier = new HashSet<>(changedUnits);
		while (!frontier.isEmpty()) {
			Set<UUID> parents = new HashSet<>();
			for (UUID uuid : frontier) {
				for (Segment<?> segment : unit(uuid).segments()) {
					UUID parent = ((OrgUnit) segment.value()).parent();
					if (parent != null && known.add(parent)) {
						parents.add(parent);
					}
				}
			}
			this.view.prefetch(parents.stream().map(p -> new ObjectKey(ObjectType.ORG_UNIT, p)).toList());
			frontier = parents;
		}
		for (UUID uuid : changedUnits) {
			checkCycle(uuid);
		}
	}

	private void checkCycle(UUID uuid) throws SQLException {
		Timeline<?> timeline = unit(uuid);
		TreeSet<LocalDate> dates = new TreeSet<>();
		Set<UUID> visited = new HashSet<>();
		List<UUID> pending = new ArrayList<>(List.of(uuid));
		while (!pending.isEmpty()) {
			UUID current = pending.remove(pending.size() - 1);
			if (!visited.add(current)) {
				continue;
			}
			for (Segment<?> segment : unit(current).segments()) {
				if (timeline.segmentAt(segment.validity().from()).isPresent()) {
					dates.add(segment.validity().from());
				}
				UUID parent = ((OrgUnit) segment.value()).parent();
				if (parent != null) {
					pending.add(parent);
				}
			}
		}
		for (LocalDate date : dates) {
			UUID current = parentAt(uuid, date);
			for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
				if (current.equals(uuid)) {
					OrgObject value = timeline.at(date).orElseThrow();
					violation(new ObjectKey(ObjectType.ORG_UNIT, uuid), value.userKey(), "no-cycle",
							"unit would be its own ancestor on " + date);
					return;
				}
				current = parentAt(current, date);
			}
		}
	}

	private UUID parentAt(UUID unit, LocalDate date) throws SQLException {
		return unit(unit).at(date).map(u -> ((OrgUnit) u).parent()).orElse(null);
	}

	private Timeline<?> unit(UUID uuid) throws SQLException {
		return this.view.timeline(new ObjectKey(ObjectType.ORG_UNIT, uuid));
	}

	/**
	 * A unit lies in its parent's hierarchy on every day (so each hierarchy is its own
	 * tree), checked for the changed units and for the children of a unit whose hierarchy
	 * changed; the units a unit covers are line units while it covers them, and only a
	 * unit outside the line organisation covers any.
	 */
	private void checkHierarchies() throws SQLException {
		Set<UUID> regrouped = new HashSet<>();
		List<ObjectKey> covered = new ArrayList<>();
		for (Map.Entry<ObjectKey, Change> entry : this.changes.entrySet()) {
			if (entry.getKey().type() != ObjectType.ORG_UNIT) {
				continue;
			}
			Set<UUID> before = hierarchies(entry.getValue().before());
			if (!before.isEmpty() && !before.equals(hierarchies(entry.getValue().after()))) {
				regrouped.add(entry.getKey().uuid());
			}
			for (Segment<?> segment : entry.getValue().after().segments()) {
				((OrgUnit) segment.value()).covers().forEach(c -> covered.add(new ObjectKey(ObjectType.ORG_UNIT, c)));
			}
		}
		this.view.prefetch(covered);
		for (Map.Entry<ObjectKey, Change> entry : this.changes.entrySet()) {
			if (entry.getKey().type() == ObjectType.ORG_UNIT) {
				for (Segment<?> segment : entry.getValue().after().segments()) {
					checkHierarchyOf(entry.getKey(), segment);
					checkCovers(entry.getKey(), segment);
				}
			}
		}
		if (regrouped.isEmpty()) {
			return;
		}
		Map<ObjectKey, Timeline<?>> children = this.view.byColumn(Mappings.of(ObjectType.ORG_UNIT), "parent_uuid",
				regrouped);
		for (Map.Entry<ObjectKey, Timeline<?>> child : children.entrySet()) {
			if (!this.changes.containsKey(child.getKey())) {
				for (Segment<?> segment : child.getValue().segments()) {
					checkHierarchyOf(child.getKey(), segment);
				}
			}
		}
	}

	private void checkHierarchyOf(ObjectKey key, Segment<?> segment) throws SQLException {
		OrgUnit unit = (OrgUnit) segment.value();
		if (unit.parent() == null) {
			return;
		}
		for (Segment<?> parentSegment : unit(unit.parent()).segments()) {
			OrgUnit parent = (OrgUnit) parentSegment.value();
			if (parentSegment.validity().overlaps(segment.validity()) && !parent.hierarchy().equals(unit.hierarchy())) {
				violation(key, unit.userKey(), "same-hierarchy",
						"valid " + segment.validity() + " in hierarchy " + unit.hierarchy() + " but its parent '"
								+ parent.userKey() + "' is in hierarchy " + parent.hierarchy() + " valid "
								+ parentSegment.validity());
				return;
			}
		}
	}

	private void checkCovers(ObjectKey key, Segment<?> segment) throws SQLException {
		OrgUnit unit = (OrgUnit) segment.value();
		if (!unit.covers().isEmpty() && unit.inLineOrganisation()) {
			violation(key, unit.userKey(), "covers-valid", "a unit of the line organisation covers no units");
			return;
		}
		for (UUID coveredUuid : unit.covers()) {
			Timeline<?> covered = unit(coveredUuid);
			if (!covered.covers(segment.validity())) {
				violation(key, unit.userKey(), "covers-valid", "valid " + segment.validity() + " covers unit "
						+ coveredUuid + ", which is valid only " + covered.coverage());
			}
			else if (covered.segments()
				.stream()
				.anyMatch(s -> s.validity().overlaps(segment.validity())
						&& !((OrgUnit) s.value()).inLineOrganisation())) {
				violation(key, unit.userKey(), "covers-valid",
						"covers unit " + coveredUuid + ", which is not in the line organisation");
			}
		}
	}

	/**
	 * An engagement is in a line unit on every day: checked for the changed engagements
	 * and for the engagements of a unit that is (after the change) outside the line
	 * organisation on some day.
	 */
	private void checkEngagementUnits() throws SQLException {
		Set<UUID> outsideLine = new HashSet<>();
		Map<ObjectKey, Timeline<?>> engagements = new LinkedHashMap<>();
		for (Map.Entry<ObjectKey, Change> entry : this.changes.entrySet()) {
			if (entry.getKey().type() == ObjectType.ENGAGEMENT) {
				engagements.put(entry.getKey(), entry.getValue().after());
			}
			else if (entry.getKey().type() == ObjectType.ORG_UNIT && entry.getValue()
				.after()
				.segments()
				.stream()
				.anyMatch(s -> !((OrgUnit) s.value()).inLineOrganisation())) {
				outsideLine.add(entry.getKey().uuid());
			}
		}
		if (!outsideLine.isEmpty()) {
			this.view.byColumn(Mappings.of(ObjectType.ENGAGEMENT), "unit_uuid", outsideLine)
				.forEach(engagements::putIfAbsent);
		}
		for (Map.Entry<ObjectKey, Timeline<?>> entry : engagements.entrySet()) {
			for (Segment<?> segment : entry.getValue().segments()) {
				Engagement engagement = (Engagement) segment.value();
				if (engagement.unit() == null) {
					continue;
				}
				for (Segment<?> unitSegment : unit(engagement.unit()).segments()) {
					OrgUnit unit = (OrgUnit) unitSegment.value();
					if (unitSegment.validity().overlaps(segment.validity()) && !unit.inLineOrganisation()) {
						violation(entry.getKey(), engagement.userKey(), "engagement-in-line",
								"valid " + segment.validity() + " in unit '" + unit.userKey() + "' (" + unit.uuid()
										+ "), which is outside the line organisation (hierarchy " + unit.hierarchy()
										+ ") valid " + unitSegment.validity()
										+ "; an engagement is a payroll employment in a line unit, a membership "
										+ "elsewhere is an association");
						break;
					}
				}
			}
		}
	}

	/**
	 * No two persons hold the same CPR number on overlapping days: checked for the
	 * changed persons with a CPR number that is new to them.
	 */
	private void checkUniqueCpr() throws SQLException {
		Map<String, List<ObjectKey>> changedByCpr = new LinkedHashMap<>();
		for (Map.Entry<ObjectKey, Change> entry : this.changes.entrySet()) {
			if (entry.getKey().type() != ObjectType.PERSON) {
				continue;
			}
			Set<String> before = cprs(entry.getValue().before());
			for (String cpr : cprs(entry.getValue().after())) {
				if (!before.contains(cpr)) {
					changedByCpr.computeIfAbsent(cpr, c -> new ArrayList<>()).add(entry.getKey());
				}
			}
		}
		if (changedByCpr.isEmpty()) {
			return;
		}
		Map<ObjectKey, Timeline<?>> holders = new LinkedHashMap<>(
				this.view.byColumn(Mappings.of(ObjectType.PERSON), "cpr", changedByCpr.keySet()));
		for (Map.Entry<ObjectKey, Change> entry : this.changes.entrySet()) {
			if (entry.getKey().type() == ObjectType.PERSON) {
				holders.put(entry.getKey(), entry.getValue().after());
			}
		}
		// each number's holdings, so a load of many new persons compares each only with
		// the few that hold its number
		Map<String, List<Holding>> holdings = new HashMap<>();
		holders.forEach((key, timeline) -> timeline.segments().forEach((segment) -> {
			String cpr = ((Person) segment.value()).cpr();
			if (cpr != null && changedByCpr.containsKey(cpr)) {
				holdings.computeIfAbsent(cpr, (c) -> new ArrayList<>()).add(new Holding(key, segment));
			}
		}));
		for (Map.Entry<String, List<ObjectKey>> entry : changedByCpr.entrySet()) {
			List<Holding> held = holdings.get(entry.getKey());
			for (ObjectKey changed : entry.getValue()) {
				checkCprHeldOnce(changed, held);
			}
		}
	}

	/** A segment of a person that holds a CPR number. */
	private record Holding(ObjectKey person, Segment<?> segment) {
	}

	private void checkCprHeldOnce(ObjectKey changed, List<Holding> held) {
		for (Holding own : held) {
			if (!own.person().equals(changed)) {
				continue;
			}
			for (Holding other : held) {
				if (!other.person().equals(changed) && other.segment().validity().overlaps(own.segment().validity())) {
					violation(changed, own.segment().value().userKey(), "unique-cpr",
							"holds the CPR number of person " + other.person().uuid() + " (valid "
									+ other.segment().validity() + ") while valid " + own.segment().validity()
									+ ": a person is registered once");
					return;
				}
			}
		}
	}

	private static Set<String> cprs(Timeline<?> timeline) {
		Set<String> result = new HashSet<>();
		timeline.segments().forEach(s -> {
			String cpr = ((Person) s.value()).cpr();
			if (cpr != null) {
				result.add(cpr);
			}
		});
		return result;
	}

	private static Set<UUID> hierarchies(Timeline<?> timeline) {
		Set<UUID> result = new HashSet<>();
		timeline.segments().forEach(s -> result.add(((OrgUnit) s.value()).hierarchy()));
		return result;
	}

	/** Objects that refer to one whose validity shrank must still lie within it. */
	private void checkDependents() throws SQLException {
		Map<ObjectType, Set<UUID>> shrunk = new EnumMap<>(ObjectType.class);
		for (Map.Entry<ObjectKey, Change> entry : this.changes.entrySet()) {
			Change change = entry.getValue();
			if (!change.before().isEmpty() && !change.after().coversAll(change.before())) {
				shrunk.computeIfAbsent(entry.getKey().type(), t -> new HashSet<>()).add(entry.getKey().uuid());
			}
		}
		for (Map.Entry<ObjectType, Set<UUID>> entry : shrunk.entrySet()) {
			Set<ObjectKey> targets = new HashSet<>();
			entry.getValue().forEach(uuid -> targets.add(new ObjectKey(entry.getKey(), uuid)));
			Map<ObjectKey, Timeline<?>> dependents = this.view.referencing(entry.getKey(), entry.getValue());
			for (Map.Entry<ObjectKey, Timeline<?>> dependent : dependents.entrySet()) {
				if (this.changes.containsKey(dependent.getKey())) {
					continue;
				}
				for (Segment<?> segment : dependent.getValue().segments()) {
					checkReferencesOf(dependent.getKey(), segment, targets);
				}
			}
		}
	}

	private void checkPrimary() throws SQLException {
		Set<UUID> persons = new HashSet<>();
		for (Map.Entry<ObjectKey, Change> entry : this.changes.entrySet()) {
			if (entry.getKey().type() != ObjectType.ENGAGEMENT) {
				continue;
			}
			for (Segment<?> segment : entry.getValue().after().segments()) {
				Engagement engagement = (Engagement) segment.value();
				if (engagement.primary() && engagement.person() != null) {
					persons.add(engagement.person());
				}
			}
		}
		if (persons.isEmpty()) {
			return;
		}
		Map<ObjectKey, Timeline<?>> engagements = new LinkedHashMap<>(
				this.view.byColumn(Mappings.of(ObjectType.ENGAGEMENT), "person_uuid", persons));
		for (Map.Entry<ObjectKey, Change> entry : this.changes.entrySet()) {
			if (entry.getKey().type() == ObjectType.ENGAGEMENT) {
				engagements.put(entry.getKey(), entry.getValue().after());
			}
		}
		Map<UUID, List<Segment<?>>> primaryByPerson = new LinkedHashMap<>();
		for (Timeline<?> timeline : engagements.values()) {
			for (Segment<?> segment : timeline.segments()) {
				Engagement engagement = (Engagement) segment.value();
				if (engagement.primary() && persons.contains(engagement.person())) {
					primaryByPerson.computeIfAbsent(engagement.person(), p -> new ArrayList<>()).add(segment);
				}
			}
		}
		for (List<Segment<?>> segments : primaryByPerson.values()) {
			for (int i = 0; i < segments.size(); i++) {
				for (int j = i + 1; j < segments.size(); j++) {
					Segment<?> a = segments.get(i);
					Segment<?> b = segments.get(j);
					if (!a.value().uuid().equals(b.value().uuid()) && a.validity().overlaps(b.validity())) {
						Segment<?> reported = this.changes
							.containsKey(new ObjectKey(ObjectType.ENGAGEMENT, a.value().uuid())) ? a : b;
						Segment<?> other = (reported == a) ? b : a;
						violation(new ObjectKey(ObjectType.ENGAGEMENT, reported.value().uuid()),
								reported.value().userKey(), "single-primary",
								"primary engagement valid " + reported.validity()
										+ " overlaps the person's other primary engagement '" + other.value().userKey()
										+ "' valid " + other.validity());
					}
				}
			}
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static List<Target> targets(OrgObject value) {
		List<Target> result = new ArrayList<>();
		Mapping mapping = Mappings.of(value.type());
		for (Reference reference : (List<Reference>) mapping.references()) {
			Target target = (Target) reference.target().apply(value);
			if (target != null) {
				result.add(target);
			}
		}
		return result;
	}

	private static String describe(ObjectKey key, Timeline<?> timeline) {
		String userKey = timeline.latest().map(OrgObject::userKey).orElse(null);
		return key.type().collection() + " " + ((userKey != null) ? "'" + userKey + "' " : "") + "(" + key.uuid() + ")";
	}

	private void violation(ObjectKey key, String userKey, String rule, String message) {
		this.violations.add(new Violation(key.type(), key.uuid(), userKey, rule, message));
	}

}
