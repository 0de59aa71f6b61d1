package dk.orghub.adapters.sd;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.AddressScope;
import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.rules.CprRule;
import dk.orghub.core.rules.LineUnitPlacement;
import dk.orghub.core.rules.PrimaryEngagementRule;
import dk.orghub.core.spi.DesiredObject;

/**
 * Maps the records of SD's answers to canonical objects, rejecting what the model cannot
 * take (with the record and the reason) and applying the payroll rules: engagements on a
 * too-deep level are placed in the nearest line unit above (keeping the original unit),
 * and the primary engagement is the highest occupation rate, ties to the lowest
 * employment number, over the whole timeline.
 * <p>
 * Unit UUIDs are SD's {@code DepartmentUUIDIdentifier}, or name-based from the
 * institution and the department id when SD gives none; engagement and address UUIDs are
 * name-based from the institution and SD's ids. Person UUIDs come from the caller (the
 * hub's identity bindings, or random for a new person), never from the CPR number.
 */
final class SdMapper {

	static final String DEPARTMENTS = "GetDepartment20111201";

	static final String ORGANIZATION = "GetOrganization20111201";

	private static final Set<String> EMPLOYED = Set.of("0", "1", "3");

	private static final Set<String> STATUS_CODES = Set.of("0", "1", "3", "7", "8", "9", "S");

	private static final Set<UUID> DEFAULTS = new HashSet<>();

	static {
		DefaultClasses.classes().forEach(k -> DEFAULTS.add(k.uuid()));
	}

	private static final UUID PUBLIC = DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "PUBLIC");

	private static final UUID INTERNAL = DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "INTERNAL");

	private final SdConfig config;

	private final PrimaryEngagementRule primaryRule = new PrimaryEngagementRule(
			PrimaryEngagementRule.byHighestFraction());

	private final LineUnitPlacement placement;

	SdMapper(SdConfig config) {
		this.config = config;
		Set<UUID> tooDeep = new HashSet<>();
		config.tooDeepLevels().forEach(l -> tooDeep.add(DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_LEVEL, l)));
		this.placement = new LineUnitPlacement(tooDeep);
	}

	/** The unit tree of GetOrganization: each department's parent id. */
	record Tree(Map<String, String> parents, Map<String, String> conflicts) {

		static final String ROOT = "";

		static Tree empty() {
			return new Tree(new HashMap<>(), new HashMap<>());
		}

		/**
		 * Adds the tree of one {@code Organization} element; a department given two
		 * different parents is a conflict. Departments already known keep their parent
		 * (the first tree added wins).
		 */
		Tree add(SdNode organization) {
			Map<String, String> found = new HashMap<>();
			for (SdNode reference : organization.all("DepartmentReference")) {
				walk(reference, found);
			}
			found.forEach(this.parents::putIfAbsent);
			return this;
		}

		private void walk(SdNode reference, Map<String, String> found) {
			String id = reference.text("DepartmentIdentifier");
			List<SdNode> above = reference.all("DepartmentReference");
			if (id == null) {
				return;
			}
			String parent = above.isEmpty() ? ROOT : above.get(0).text("DepartmentIdentifier");
			if (parent == null) {
				parent = ROOT;
			}
			if (above.size() > 1) {
				this.conflicts.put(id, "it has " + above.size() + " parents in GetOrganization");
			}
			String known = found.putIfAbsent(id, parent);
			if (known != null && !known.equals(parent)) {
				this.conflicts.put(id, "GetOrganization gives it two parents, '" + known + "' and '" + parent + "'");
			}
			above.forEach(a -> walk(a, found));
		}

	}

	/** The units as mapped, for mapping the employments in them. */
	record Units(Map<String, UUID> uuids, Map<UUID, Timeline<OrgUnit>> timelines, Set<String> rejected,
			List<DesiredObject<?>> objects) {

	}

	/** Units and their addresses from GetDepartment, placed in the tree. */
	Units units(List<SdNode> departments, Tree tree, Map<UUID, Klasse> classes, List<SdProblem> rejected,
			List<SdProblem> warnings) {
		Map<String, List<SdNode>> byId = new LinkedHashMap<>();
		Set<String> bad = new LinkedHashSet<>();
		Map<String, String> reasons = new HashMap<>();
		Map<String, SdNode> firstOf = new HashMap<>();
		for (SdNode department : departments) {
			String id = department.text("DepartmentIdentifier");
			if (id == null) {
				rejected.add(new SdProblem(DEPARTMENTS, department.line(), "Department", "",
						"DepartmentIdentifier is missing"));
				continue;
			}
			byId.computeIfAbsent(id, i -> new ArrayList<>()).add(department);
			firstOf.putIfAbsent(id, department);
		}
		Map<String, UUID> uuids = new HashMap<>();
		for (Map.Entry<String, List<SdNode>> entry : byId.entrySet()) {
			String id = entry.getKey();
			try {
				uuids.put(id, unitUuid(id, entry.getValue()));
				List<Validity> list = new ArrayList<>();
				for (SdNode department : entry.getValue()) {
					Validity validity = validity(department, "Department " + id);
					for (Validity other : list) {
						if (other.overlaps(validity)) {
							throw new Rejected("duplicate department id: two records with overlapping dates (" + other
									+ " and " + validity + ")");
						}
					}
					list.add(validity);
				}
			}
			catch (Rejected ex) {
				bad.add(id);
				reasons.put(id, ex.getMessage());
			}
		}
		for (String id : byId.keySet()) {
			if (bad.contains(id)) {
				continue;
			}
			String parent = tree.parents().get(id);
			if (tree.conflicts().containsKey(id)) {
				reject(id, tree.conflicts().get(id), bad, reasons);
			}
			else if (parent == null) {
				reject(id, "the department is not in the organisation tree (GetOrganization)", bad, reasons);
			}
			else if (!Tree.ROOT.equals(parent) && !byId.containsKey(parent)) {
				reject(id, "its parent department '" + parent + "' does not exist (not in GetDepartment)", bad,
						reasons);
			}
		}
		for (String id : byId.keySet()) {
			List<String> path = new ArrayList<>();
			String current = id;
			while (current != null && !Tree.ROOT.equals(current) && byId.containsKey(current)) {
				int index = path.indexOf(current);
				if (index >= 0) {
					List<String> cycle = new ArrayList<>(path.subList(index, path.size()));
					cycle.add(current);
					for (String member : path.subList(index, path.size())) {
						reject(member, "the unit is its own ancestor (cycle " + String.join(" -> ", cycle) + ")", bad,
								reasons);
					}
					break;
				}
				path.add(current);
				current = tree.parents().get(current);
			}
		}
		Map<UUID, Timeline<OrgUnit>> timelines = new LinkedHashMap<>();
		Map<String, UUID> accepted = new LinkedHashMap<>();
		for (String id : byId.keySet()) {
			place(id, byId, tree, uuids, bad, reasons, accepted, timelines, classes);
		}
		for (String id : bad) {
			SdNode first = firstOf.get(id);
			rejected.add(new SdProblem(DEPARTMENTS, first.line(), "Department", id, reasons.get(id)));
		}
		List<DesiredObject<?>> objects = new ArrayList<>();
		for (Map.Entry<String, UUID> entry : accepted.entrySet()) {
			Timeline<OrgUnit> timeline = timelines.get(entry.getValue());
			objects.add(new DesiredObject<>(ObjectType.ORG_UNIT, entry.getKey(), timeline));
			List<SdNode> records = byId.get(entry.getKey());
			SdNode latest = records.get(0);
			for (SdNode record : records) {
				if (date(record.text("ActivationDate")).isAfter(date(latest.text("ActivationDate")))) {
					latest = record;
				}
			}
			addresses(entry.getKey(), entry.getValue(), latest, timeline, objects, warnings);
		}
		return new Units(accepted, timelines, bad, objects);
	}

	/** Builds a unit's timeline after its parent's; false when it is rejected. */
	private boolean place(String id, Map<String, List<SdNode>> byId, Tree tree, Map<String, UUID> uuids,
			Set<String> bad, Map<String, String> reasons, Map<String, UUID> accepted,
			Map<UUID, Timeline<OrgUnit>> timelines, Map<UUID, Klasse> classes) {
		if (accepted.containsKey(id)) {
			return true;
		}
		if (bad.contains(id)) {
			return false;
		}
		String parent = tree.parents().get(id);
		Timeline<OrgUnit> parentTimeline = null;
		if (!Tree.ROOT.equals(parent)) {
			if (!place(parent, byId, tree, uuids, bad, reasons, accepted, timelines, classes)) {
				reject(id, "its parent department '" + parent + "' is rejected", bad, reasons);
				return false;
			}
			parentTimeline = timelines.get(uuids.get(parent));
		}
		UUID uuid = uuids.get(id);
		List<Segment<OrgUnit>> list = new ArrayList<>();
		for (SdNode department : byId.get(id)) {
			String levelName = department.text("DepartmentLevelIdentifier");
			UUID level = (levelName != null) ? klasse(DefaultClasses.ORG_UNIT_LEVEL, levelName, classes) : null;
			UUID type = klasse(DefaultClasses.ORG_UNIT_TYPE,
					(levelName != null && this.config.tooDeepLevels().contains(levelName)) ? this.config.teamType()
							: this.config.unitType(),
					classes);
			String name = department.text("DepartmentName");
			OrgUnit unit = new OrgUnit(uuid, id, truncate((name != null) ? name : id, 200),
					(parentTimeline != null) ? uuids.get(parent) : null, type, level, null);
			list.add(new Segment<>(validityUnchecked(department), unit));
		}
		Timeline<OrgUnit> timeline = Timeline.of(list);
		if (parentTimeline != null && !parentTimeline.coversAll(timeline)) {
			reject(id, "the unit is valid " + timeline.coverage() + ", outside its parent '" + parent + "' ("
					+ parentTimeline.coverage() + ")", bad, reasons);
			return false;
		}
		accepted.put(id, uuid);
		timelines.put(uuid, timeline);
		return true;
	}

	private static void reject(String id, String reason, Set<String> bad, Map<String, String> reasons) {
		if (bad.add(id)) {
			reasons.put(id, reason);
		}
	}

	private UUID unitUuid(String id, List<SdNode> records) throws Rejected {
		Set<String> given = new TreeSet<>();
		records.forEach(r -> {
			if (r.text("DepartmentUUIDIdentifier") != null) {
				given.add(r.text("DepartmentUUIDIdentifier"));
			}
		});
		if (given.size() > 1) {
			throw new Rejected("the records of the department have different DepartmentUUIDIdentifiers " + given);
		}
		if (given.isEmpty()) {
			return uuid("unit:" + id);
		}
		try {
			return UUID.fromString(given.iterator().next());
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected("DepartmentUUIDIdentifier '" + given.iterator().next() + "' is not a UUID");
		}
	}

	private void addresses(String id, UUID unit, SdNode department, Timeline<OrgUnit> timeline,
			List<DesiredObject<?>> objects, List<SdProblem> warnings) {
		Map<String, String> values = new LinkedHashMap<>();
		SdNode postal = department.child("PostalAddress");
		if (postal != null && postal.text("StandardAddressIdentifier") != null) {
			String code = postal.text("PostalCode");
			String district = postal.text("DistrictName");
			String place = ((code != null) ? code : "") + ((district != null) ? " " + district : "");
			values.put("POSTAL",
					postal.text("StandardAddressIdentifier") + (place.isBlank() ? "" : ", " + place.trim()));
		}
		SdNode contact = department.child("ContactInformation");
		if (contact != null) {
			String phone = contact.text("TelephoneNumberIdentifier");
			if (phone != null && !phone.replaceAll("[0 ]", "").isEmpty()) {
				values.put("PHONE", phone);
			}
			String email = contact.text("EmailAddressIdentifier");
			if (email != null && !"Empty@Empty".equalsIgnoreCase(email)) {
				values.put("EMAIL", email);
			}
		}
		String pNumber = department.text("ProductionUnitIdentifier");
		if (pNumber != null && !pNumber.replace("0", "").isEmpty()) {
			values.put("PNUMBER", pNumber);
		}
		values.forEach((type, value) -> {
			Klasse addressType = DefaultClasses.classes()
				.stream()
				.filter(k -> k.uuid().equals(DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, type)))
				.findFirst()
				.orElseThrow();
			AddressScope scope = AddressScope.valueOf(addressType.scope());
			java.util.Optional<String> problem = scope.validate(value);
			if (problem.isPresent()) {
				warnings.add(new SdProblem(DEPARTMENTS, department.line(), "Department", id,
						type + " left out: " + problem.get()));
				return;
			}
			String externalId = id + ":" + type;
			Address address = new Address(uuid("address:" + externalId), externalId, unit, OwnerKind.ORG_UNIT,
					addressType.uuid(), value, ("EMAIL".equals(type) || "PNUMBER".equals(type)) ? INTERNAL : PUBLIC);
			List<Segment<Address>> segments = new ArrayList<>();
			timeline.coverage().forEach(v -> segments.add(new Segment<>(v, address)));
			objects.add(new DesiredObject<>(ObjectType.ADDRESS, externalId, Timeline.of(segments)));
		});
	}

	/**
	 * Persons from GetPerson, by CPR number (ten digits); a person whose CPR number is
	 * invalid is rejected.
	 */
	Map<String, DesiredObject<Person>> persons(String operation, Collection<SdNode> persons,
			Function<String, UUID> personUuid, List<SdProblem> rejected, List<SdProblem> warnings) {
		Map<String, DesiredObject<Person>> result = new LinkedHashMap<>();
		for (SdNode node : persons) {
			CprRule.Outcome cpr = CprRule.check(node.text("PersonCivilRegistrationIdentifier"));
			String masked = Cpr.mask(node.text("PersonCivilRegistrationIdentifier"));
			if (!cpr.accepted()) {
				rejected.add(new SdProblem(operation, node.line(), "Person", masked, cpr.rejection().orElseThrow()));
				continue;
			}
			cpr.warning().ifPresent(w -> warnings.add(new SdProblem(operation, node.line(), "Person", masked, w)));
			if (result.containsKey(cpr.cpr())) {
				warnings.add(new SdProblem(operation, node.line(), "Person", masked,
						"the person is given twice; the first is used"));
				continue;
			}
			UUID uuid = personUuid.apply(cpr.cpr());
			Person person = new Person(uuid, uuid.toString(), cpr.cpr(), truncate(node.text("PersonGivenName"), 100),
					truncate(node.text("PersonSurnameName"), 100), null);
			result.put(cpr.cpr(), new DesiredObject<>(ObjectType.PERSON, cpr.cpr(),
					Timeline.of(Validity.from(cpr.birthDate()), person)));
		}
		return result;
	}

	/**
	 * Engagements from GetEmployment's {@code Person} records: each employment's dated
	 * intervals combined at their breakpoints; it is an engagement where its status is
	 * employed (0, 1, 3), in the department of that date. Placed in line units, primary
	 * recomputed.
	 * @param persons the persons by CPR number; employments of others are rejected
	 */
	List<DesiredObject<?>> engagements(String operation, Collection<SdNode> employmentPersons,
			Map<String, DesiredObject<Person>> persons, Units units, Map<UUID, Klasse> classes,
			List<SdProblem> rejected) {
		return engagements(operation, employmentPersons, persons, cpr -> null, units, classes, rejected);
	}

	/**
	 * As {@link #engagements(String, Collection, Map, Units, Map, List)}, with the UUIDs
	 * of persons the hub already has and that are not delivered again.
	 * @param knownPersons the UUID of a known person by CPR number, or {@code null}
	 */
	List<DesiredObject<?>> engagements(String operation, Collection<SdNode> employmentPersons,
			Map<String, DesiredObject<Person>> persons, Function<String, UUID> knownPersons, Units units,
			Map<UUID, Klasse> classes, List<SdProblem> rejected) {
		Employments employments = employments(operation, persons, knownPersons, units, classes, rejected);
		employmentPersons.forEach(employments::accept);
		return employments.finish();
	}

	/**
	 * A collector of engagements that takes GetEmployment's {@code Person} records one at
	 * a time as they are parsed, so that the answer need not be held in memory.
	 */
	Employments employments(String operation, Map<String, DesiredObject<Person>> persons,
			Function<String, UUID> knownPersons, Units units, Map<UUID, Klasse> classes, List<SdProblem> rejected) {
		return new Employments(operation, persons, knownPersons, units, classes, rejected);
	}

	final class Employments {

		private final String operation;

		private final Map<String, DesiredObject<Person>> persons;

		private final Function<String, UUID> knownPersons;

		private final Units units;

		private final Map<UUID, Klasse> classes;

		private final List<SdProblem> rejected;

		private final Map<String, Timeline<Engagement>> engagements = new LinkedHashMap<>();

		private final Set<String> seen = new HashSet<>();

		private Employments(String operation, Map<String, DesiredObject<Person>> persons,
				Function<String, UUID> knownPersons, Units units, Map<UUID, Klasse> classes, List<SdProblem> rejected) {
			this.operation = operation;
			this.persons = persons;
			this.knownPersons = knownPersons;
			this.units = units;
			this.classes = classes;
			this.rejected = rejected;
		}

		/** Maps the employments of one {@code Person} record. */
		void accept(SdNode node) {
			String rawCpr = node.text("PersonCivilRegistrationIdentifier");
			CprRule.Outcome cpr = CprRule.check(rawCpr);
			for (SdNode employment : node.all("Employment")) {
				String id = employment.text("EmploymentIdentifier");
				try {
					if (id == null) {
						throw new Rejected("EmploymentIdentifier is missing (person " + Cpr.mask(rawCpr) + ")");
					}
					if (!this.seen.add(id)) {
						throw new Rejected("duplicate employment id: it is given more than once");
					}
					if (!cpr.accepted()) {
						throw new Rejected("the person's " + cpr.rejection().orElseThrow());
					}
					DesiredObject<Person> person = this.persons.get(cpr.cpr());
					UUID personUuid = (person != null) ? person.uuid() : this.knownPersons.apply(cpr.cpr());
					if (personUuid == null) {
						throw new Rejected("the person " + Cpr.mask(rawCpr)
								+ " is not delivered (missing or rejected in GetPerson)");
					}
					Timeline<Engagement> timeline = engagement(id, personUuid, employment, this.units, this.classes);
					if (!timeline.isEmpty()) {
						this.engagements.put(id, SdMapper.this.placement.apply(timeline, this.units.timelines()));
					}
				}
				catch (Rejected ex) {
					this.rejected.add(new SdProblem(this.operation, employment.line(), "Employment",
							(id != null) ? id : "", ex.getMessage()));
				}
			}
		}

		/** The engagements with the primary engagement chosen over the whole timeline. */
		List<DesiredObject<?>> finish() {
			Map<UUID, Timeline<Engagement>> primary = SdMapper.this.primaryRule.apply(this.engagements.values());
			List<DesiredObject<?>> result = new ArrayList<>();
			this.engagements.forEach((id, timeline) -> result.add(new DesiredObject<>(ObjectType.ENGAGEMENT, id,
					primary.get(timeline.segments().get(0).value().uuid()))));
			return result;
		}

	}

	private Timeline<Engagement> engagement(String id, UUID person, SdNode employment, Units units,
			Map<UUID, Klasse> classes) throws Rejected {
		List<Interval> departments = intervals(employment, "EmploymentDepartment", id);
		List<Interval> professions = intervals(employment, "Profession", id);
		List<Interval> times = intervals(employment, "WorkingTime", id);
		List<Interval> statuses = intervals(employment, "EmploymentStatus", id);
		TreeSet<LocalDate> points = new TreeSet<>();
		for (List<Interval> list : List.of(departments, professions, times, statuses)) {
			for (Interval segment : list) {
				points.add(segment.validity().from());
				points.add(segment.validity().toOrEnd());
			}
		}
		for (Interval status : statuses) {
			String code = status.node().text("EmploymentStatusCode");
			if (code == null || !STATUS_CODES.contains(code)) {
				throw new Rejected("EmploymentStatusCode '" + code + "' is not one of " + new TreeSet<>(STATUS_CODES));
			}
		}
		UUID uuid = uuid("engagement:" + id);
		List<Segment<Engagement>> result = new ArrayList<>();
		LocalDate previous = null;
		for (LocalDate point : points) {
			if (previous != null) {
				Validity piece = new Validity(previous, point);
				SdNode status = at(statuses, previous);
				if (status != null && EMPLOYED.contains(status.text("EmploymentStatusCode"))) {
					SdNode department = at(departments, previous);
					if (department == null) {
						throw new Rejected("no EmploymentDepartment on " + previous + " while employed");
					}
					String departmentId = department.text("DepartmentIdentifier");
					UUID unit = units.uuids().get(departmentId);
					if (unit == null) {
						throw new Rejected("department '" + departmentId + "' "
								+ (units.rejected().contains(departmentId) ? "is rejected" : "does not exist"));
					}
					if (!units.timelines().get(unit).covers(piece)) {
						throw new Rejected("department '" + departmentId + "' is not valid on " + piece);
					}
					SdNode profession = at(professions, previous);
					String jobName = (profession != null) ? profession.text("EmploymentName") : null;
					UUID job = klasse(DefaultClasses.JOB_FUNCTION,
							(jobName != null) ? jobName : this.config.fallbackJobFunction(), classes);
					SdNode time = at(times, previous);
					BigDecimal fraction = null;
					if (time != null && time.text("OccupationRate") != null) {
						try {
							fraction = new BigDecimal(time.text("OccupationRate"));
						}
						catch (NumberFormatException ex) {
							throw new Rejected("OccupationRate '" + time.text("OccupationRate") + "' is not a number");
						}
						if (fraction.signum() < 0) {
							throw new Rejected("OccupationRate " + fraction + " is negative");
						}
					}
					result
						.add(new Segment<>(piece, new Engagement(uuid, id, person, unit, job, null, fraction, false)));
				}
			}
			previous = point;
		}
		return Timeline.of(result);
	}

	/** One dated interval of an employment. */
	private record Interval(Validity validity, SdNode node) {

	}

	private static SdNode at(List<Interval> segments, LocalDate date) {
		for (Interval segment : segments) {
			if (segment.validity().contains(date)) {
				return segment.node();
			}
		}
		return null;
	}

	private static List<Interval> intervals(SdNode employment, String element, String id) throws Rejected {
		List<Interval> result = new ArrayList<>();
		for (SdNode node : employment.all(element)) {
			Validity validity = validity(node, element);
			for (Interval other : result) {
				if (other.validity().overlaps(validity)) {
					throw new Rejected(element + " intervals overlap (" + other.validity() + " and " + validity + ")");
				}
			}
			result.add(new Interval(validity, node));
		}
		return result;
	}

	/** ActivationDate to DeactivationDate (the last day; 9999-12-31 open-ended). */
	static Validity validity(SdNode node, String what) throws Rejected {
		String from = node.text("ActivationDate");
		String to = node.text("DeactivationDate");
		if (from == null) {
			throw new Rejected(what + " at line " + node.line() + " has no ActivationDate");
		}
		LocalDate start;
		LocalDate last;
		try {
			start = date(from);
			last = (to != null) ? date(to) : Validity.END_OF_TIME;
		}
		catch (DateTimeParseException ex) {
			throw new Rejected(what + " at line " + node.line() + " has a date that is not yyyy-mm-dd: '"
					+ ex.getParsedString() + "'");
		}
		if (last.isBefore(start)) {
			throw new Rejected("dates out of order: " + what + " at line " + node.line() + " ends " + last
					+ " before it starts " + start);
		}
		if (start.isBefore(Validity.BEGINNING)) {
			throw new Rejected(what + " at line " + node.line() + " starts before " + Validity.BEGINNING);
		}
		return last.equals(Validity.END_OF_TIME) ? Validity.from(start) : new Validity(start, last.plusDays(1));
	}

	private static Validity validityUnchecked(SdNode node) {
		try {
			return validity(node, node.name());
		}
		catch (Rejected ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static LocalDate date(String value) {
		return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
	}

	/**
	 * The class of a facet with the user key, added to {@code classes} when not a
	 * default.
	 */
	static UUID klasse(String facet, String userKey, Map<UUID, Klasse> classes) {
		String key = truncate(userKey, 200);
		UUID uuid = DefaultClasses.classUuid(facet, key);
		if (!DEFAULTS.contains(uuid)) {
			classes.putIfAbsent(uuid, new Klasse(uuid, key, DefaultClasses.facetUuid(facet), key, null));
		}
		return uuid;
	}

	static List<DesiredObject<?>> classObjects(Map<UUID, Klasse> classes) {
		List<DesiredObject<?>> result = new ArrayList<>();
		classes.values().forEach(klasse -> {
			String externalId = klasse.facet() + ":" + klasse.userKey();
			result.add(new DesiredObject<>(ObjectType.KLASSE, externalId, Timeline.of(Validity.always(), klasse)));
		});
		return result;
	}

	UUID unitUuid(String departmentId) {
		return uuid("unit:" + departmentId);
	}

	UUID engagementUuid(String employmentId) {
		return uuid("engagement:" + employmentId);
	}

	private UUID uuid(String name) {
		return UUID.nameUUIDFromBytes(
				("orghub:sd:" + this.config.institution() + ":" + name).getBytes(StandardCharsets.UTF_8));
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	/** A record is rejected, for the reason in the message. */
	static final class Rejected extends Exception {

		Rejected(String message) {
			super(message, null, false, false);
		}

	}

}
