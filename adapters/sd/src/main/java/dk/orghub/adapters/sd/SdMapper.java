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
import java.util.Locale;
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
import dk.orghub.core.spi.DesiredObject;

/**
 * Maps the records of SD's answers to canonical objects, rejecting what the model cannot
 * take (with the record and the reason). The payroll rules (lifting engagements from a
 * too-deep level to the line unit above, the primary engagement by the highest occupation
 * rate) are the hub's: they run on what SD delivers in the hub's rule pipeline, with
 * {@link SdConfig#rules()} as SD's defaults.
 * <p>
 * Unit UUIDs are SD's {@code DepartmentUUIDIdentifier}, or name-based from the
 * institution and the department id when SD gives none; engagement and address UUIDs are
 * name-based from the institution and SD's ids. Person UUIDs come from the caller (the
 * hub's identity bindings, or random for a new person), never from the CPR number.
 */
final class SdMapper {

	static final String DEPARTMENTS = "GetDepartment20111201";

	static final String ORGANIZATION = "GetOrganization20111201";

	/**
	 * Employed: 0 not yet paid, 1 paid, 3 on leave, 4 in a conflict (strike, lockout).
	 */
	private static final Set<String> EMPLOYED = Set.of("0", "1", "3", "4");

	private static final String LEAVE = "3";

	/** Besides those: 7 migrated, 8 terminated, 9 dead, S deleted. */
	private static final Set<String> STATUS_CODES = Set.of("0", "1", "3", "4", "7", "8", "9", "S");

	private static final Set<UUID> DEFAULTS = new HashSet<>();

	static {
		DefaultClasses.classes().forEach(k -> DEFAULTS.add(k.uuid()));
	}

	private static final UUID PUBLIC = DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "PUBLIC");

	private static final UUID INTERNAL = DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "INTERNAL");

	private final SdConfig config;

	SdMapper(SdConfig config) {
		this.config = config;
	}

	/**
	 * The unit tree: each department's parent, by reference. A reference is the
	 * department's {@code DepartmentUUIDIdentifier} (lower case), or {@code id:} and its
	 * {@code DepartmentIdentifier} when SD gives no UUID; {@link #ROOT} is the top.
	 */
	static final class Tree {

		static final String ROOT = "";

		private final Map<String, String> parents = new HashMap<>();

		private final Map<String, String> conflicts = new HashMap<>();

		private final Set<String> fromParentCall = new HashSet<>();

		private String institution;

		static Tree empty() {
			return new Tree();
		}

		/** Each reference's parent reference. */
		Map<String, String> parents() {
			return this.parents;
		}

		boolean contains(String ref) {
			return this.parents.containsKey(ref);
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

		/**
		 * The institution's UUID (GetOrganization's {@code InstitutionUUIDIdentifier}):
		 * GetDepartmentParent names it as the parent of a top unit.
		 */
		void institution(String uuid) {
			this.institution = (uuid != null) ? uuid.toLowerCase(Locale.ROOT) : null;
		}

		/**
		 * Places a unit GetOrganization lacks under the parent GetDepartmentParent names
		 * (the institution's UUID is the top).
		 */
		void addParent(UUID unit, String parent) {
			String ref = unit.toString();
			String above = (parent == null || parent.equalsIgnoreCase(this.institution)) ? ROOT
					: parent.toLowerCase(Locale.ROOT);
			if (this.parents.putIfAbsent(ref, above) == null) {
				this.fromParentCall.add(ref);
			}
		}

		boolean fromParentCall(String ref) {
			return this.fromParentCall.contains(ref);
		}

		private void walk(SdNode reference, Map<String, String> found) {
			String ref = ref(reference);
			List<SdNode> above = reference.all("DepartmentReference");
			if (ref == null) {
				return;
			}
			String parent = above.isEmpty() ? ROOT : ref(above.get(0));
			if (parent == null) {
				parent = ROOT;
			}
			if (above.size() > 1) {
				this.conflicts.put(ref, "it has " + above.size() + " parents in GetOrganization");
			}
			String known = found.putIfAbsent(ref, parent);
			if (known != null && !known.equals(parent)) {
				this.conflicts.put(ref,
						"GetOrganization gives it two parents, '" + shown(known) + "' and '" + shown(parent) + "'");
			}
			above.forEach(a -> walk(a, found));
		}

	}

	/** A reference as shown in a message: the identifier, or the UUID. */
	static String shown(String ref) {
		return ref.startsWith("id:") ? ref.substring(3) : ref;
	}

	/**
	 * A department's reference in the tree: its UUID in lower case, else {@code id:} and
	 * its identifier; {@code null} when it has neither.
	 */
	static String ref(SdNode department) {
		String uuid = department.text("DepartmentUUIDIdentifier");
		if (uuid != null) {
			return uuid.toLowerCase(Locale.ROOT);
		}
		String id = department.text("DepartmentIdentifier");
		return (id != null) ? "id:" + id : null;
	}

	/** The units as mapped, for mapping the employments in them. */
	record Units(Map<UUID, Timeline<OrgUnit>> timelines, Set<UUID> rejected, Map<String, Set<UUID>> byIdentifier,
			List<DesiredObject<?>> objects) {

		/**
		 * The unit of an {@code EmploymentDepartment} record: by its
		 * {@code DepartmentUUIDIdentifier}, else by its {@code DepartmentIdentifier} (the
		 * unit that has it on the date, when several have had it).
		 */
		UUID of(SdNode department, LocalDate date) {
			String given = department.text("DepartmentUUIDIdentifier");
			UUID byUuid = null;
			if (given != null) {
				try {
					byUuid = UUID.fromString(given);
				}
				catch (IllegalArgumentException ex) {
					// then by the identifier
				}
			}
			if (byUuid != null && (this.timelines.containsKey(byUuid) || this.rejected.contains(byUuid))) {
				return byUuid;
			}
			Set<UUID> candidates = this.byIdentifier.getOrDefault(department.text("DepartmentIdentifier"), Set.of());
			for (UUID candidate : candidates) {
				Timeline<OrgUnit> timeline = this.timelines.get(candidate);
				if (timeline != null && timeline.at(date).isPresent()) {
					return candidate;
				}
			}
			return candidates.isEmpty() ? byUuid : candidates.iterator().next();
		}

	}

	/**
	 * Units and their addresses from GetDepartment, placed in the tree. A unit is keyed
	 * by its {@code DepartmentUUIDIdentifier}: its records may carry different
	 * identifiers over time (a renumbered department), which become its user key over
	 * time.
	 */
	Units units(List<SdNode> departments, Tree tree, Map<UUID, Klasse> classes, List<SdProblem> rejected,
			List<SdProblem> warnings) {
		Map<UUID, List<SdNode>> byUnit = new LinkedHashMap<>();
		Map<String, Set<UUID>> byIdentifier = new HashMap<>();
		for (SdNode department : departments) {
			String id = department.text("DepartmentIdentifier");
			if (id == null) {
				rejected.add(new SdProblem(DEPARTMENTS, "Department", "", null,
						"DepartmentIdentifier is missing (DepartmentUUIDIdentifier '"
								+ department.text("DepartmentUUIDIdentifier") + "')"));
				continue;
			}
			String given = department.text("DepartmentUUIDIdentifier");
			UUID uuid;
			try {
				uuid = (given != null) ? UUID.fromString(given) : uuid("unit:" + id);
			}
			catch (IllegalArgumentException ex) {
				rejected.add(new SdProblem(DEPARTMENTS, "Department", id, null,
						"DepartmentUUIDIdentifier '" + given + "' is not a UUID"));
				continue;
			}
			byUnit.computeIfAbsent(uuid, u -> new ArrayList<>()).add(department);
			byIdentifier.computeIfAbsent(id, i -> new LinkedHashSet<>()).add(uuid);
		}
		UnitPlacement placement = new UnitPlacement(byUnit, classes, warnings);
		for (Map.Entry<UUID, List<SdNode>> entry : byUnit.entrySet()) {
			try {
				List<Validity> list = new ArrayList<>();
				for (SdNode department : entry.getValue()) {
					Validity validity = validity(department, "Department " + department.text("DepartmentIdentifier"));
					for (Validity other : list) {
						if (other.overlaps(validity)) {
							throw new Rejected("two records of the department have overlapping dates (" + other
									+ " and " + validity + ")");
						}
					}
					list.add(validity);
				}
			}
			catch (Rejected ex) {
				placement.reject(entry.getKey(), ex.getMessage());
			}
		}
		for (UUID uuid : byUnit.keySet()) {
			if (placement.bad.contains(uuid)) {
				continue;
			}
			String ref = uuid.toString();
			if (!tree.contains(ref)) {
				for (SdNode record : byUnit.get(uuid)) {
					if (tree.contains("id:" + record.text("DepartmentIdentifier"))) {
						ref = "id:" + record.text("DepartmentIdentifier");
					}
				}
			}
			String parentRef = tree.parents().get(ref);
			if (tree.conflicts.containsKey(ref)) {
				placement.reject(uuid, tree.conflicts.get(ref));
			}
			else if (parentRef == null) {
				placement.reject(uuid, "the department has no parent: it is not in the organisation tree "
						+ "(GetOrganization), and GetDepartmentParent20190701 names none");
			}
			else if (Tree.ROOT.equals(parentRef)) {
				placement.parentOf.put(uuid, null);
			}
			else {
				UUID parent = resolve(parentRef, byIdentifier);
				if (parent == null || !byUnit.containsKey(parent)) {
					placement.reject(uuid,
							"its parent department '" + shown(parentRef) + "' does not exist (not in GetDepartment)");
				}
				else {
					placement.parentOf.put(uuid, parent);
					if (tree.fromParentCall(ref)) {
						warnings.add(placement.problem(uuid, "not in the organisation tree (GetOrganization): placed "
								+ "under '" + placement.label(parent) + "' as GetDepartmentParent20190701 gives"));
					}
				}
			}
		}
		placement.rejectCycles();
		for (UUID uuid : byUnit.keySet()) {
			placement.place(uuid);
		}
		for (UUID uuid : placement.bad) {
			rejected.add(placement.problem(uuid, placement.reasons.get(uuid)));
		}
		List<DesiredObject<?>> objects = new ArrayList<>();
		for (Map.Entry<UUID, Timeline<OrgUnit>> entry : placement.timelines.entrySet()) {
			UUID uuid = entry.getKey();
			objects.add(new DesiredObject<>(ObjectType.ORG_UNIT, uuid.toString(), entry.getValue()));
			addresses(uuid, placement.latest(uuid), entry.getValue(), objects, warnings);
		}
		return new Units(placement.timelines, placement.bad, byIdentifier, objects);
	}

	private static UUID resolve(String ref, Map<String, Set<UUID>> byIdentifier) {
		if (ref.startsWith("id:")) {
			Set<UUID> candidates = byIdentifier.getOrDefault(ref.substring(3), Set.of());
			return (candidates.size() == 1) ? candidates.iterator().next() : null;
		}
		try {
			return UUID.fromString(ref);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Places units after their parents, rejecting what cannot be placed. */
	private final class UnitPlacement {

		private final Map<UUID, List<SdNode>> byUnit;

		private final Map<UUID, Klasse> classes;

		private final List<SdProblem> warnings;

		private final Map<UUID, UUID> parentOf = new HashMap<>();

		private final Set<UUID> bad = new LinkedHashSet<>();

		private final Map<UUID, String> reasons = new HashMap<>();

		private final Map<UUID, Timeline<OrgUnit>> timelines = new LinkedHashMap<>();

		UnitPlacement(Map<UUID, List<SdNode>> byUnit, Map<UUID, Klasse> classes, List<SdProblem> warnings) {
			this.byUnit = byUnit;
			this.classes = classes;
			this.warnings = warnings;
		}

		void reject(UUID uuid, String reason) {
			if (this.bad.add(uuid)) {
				this.reasons.put(uuid, reason);
			}
		}

		/** The record with the latest start. */
		SdNode latest(UUID uuid) {
			SdNode latest = null;
			for (SdNode record : this.byUnit.get(uuid)) {
				if (latest == null
						|| date(record.text("ActivationDate")).isAfter(date(latest.text("ActivationDate")))) {
					latest = record;
				}
			}
			return latest;
		}

		/** The department's identifier in its latest record. */
		String label(UUID uuid) {
			return (this.byUnit.containsKey(uuid)) ? latest(uuid).text("DepartmentIdentifier") : uuid.toString();
		}

		SdProblem problem(UUID uuid, String reason) {
			return new SdProblem(DEPARTMENTS, "Department", label(uuid), uuid, reason);
		}

		void rejectCycles() {
			for (UUID start : this.byUnit.keySet()) {
				List<UUID> path = new ArrayList<>();
				UUID current = start;
				while (current != null && this.parentOf.containsKey(current)) {
					int index = path.indexOf(current);
					if (index >= 0) {
						List<String> cycle = new ArrayList<>();
						path.subList(index, path.size()).forEach(u -> cycle.add(label(u)));
						cycle.add(label(current));
						for (UUID member : path.subList(index, path.size())) {
							reject(member, "the unit is its own ancestor (cycle " + String.join(" -> ", cycle) + ")");
						}
						break;
					}
					path.add(current);
					current = this.parentOf.get(current);
				}
			}
		}

		/**
		 * Builds a unit's timeline after its parent's; false when it is rejected. A unit
		 * valid partly outside its parent (SD lets a unit start before its parent) is
		 * taken as valid while its parent is, with a warning.
		 */
		boolean place(UUID uuid) {
			if (this.timelines.containsKey(uuid)) {
				return true;
			}
			if (this.bad.contains(uuid)) {
				return false;
			}
			UUID parent = this.parentOf.get(uuid);
			Timeline<OrgUnit> parentTimeline = null;
			if (parent != null) {
				if (!place(parent)) {
					reject(uuid, "its parent department '" + label(parent) + "' is rejected");
					return false;
				}
				parentTimeline = this.timelines.get(parent);
			}
			List<Segment<OrgUnit>> list = new ArrayList<>();
			for (SdNode department : this.byUnit.get(uuid)) {
				String id = department.text("DepartmentIdentifier");
				String levelName = department.text("DepartmentLevelIdentifier");
				UUID level = (levelName != null) ? klasse(DefaultClasses.ORG_UNIT_LEVEL, levelName, this.classes)
						: null;
				UUID type = klasse(DefaultClasses.ORG_UNIT_TYPE,
						(levelName != null && SdMapper.this.config.tooDeepLevels().contains(levelName))
								? SdMapper.this.config.teamType() : SdMapper.this.config.unitType(),
						this.classes);
				String name = department.text("DepartmentName");
				OrgUnit unit = new OrgUnit(uuid, id, truncate((name != null) ? name : id, 200), parent, type, level,
						null);
				list.add(new Segment<>(validityUnchecked(department), unit));
			}
			Timeline<OrgUnit> timeline = Timeline.of(list);
			if (parentTimeline != null && !parentTimeline.coversAll(timeline)) {
				Timeline<OrgUnit> within = Timeline.combine(timeline, parentTimeline, (u, p) -> (p == null) ? null : u);
				if (within.isEmpty()) {
					reject(uuid, "the unit is valid " + timeline.coverage() + ", never while its parent '"
							+ label(parent) + "' is (" + parentTimeline.coverage() + ")");
					return false;
				}
				this.warnings.add(problem(uuid,
						"the unit is valid " + timeline.coverage() + ", partly outside its parent '" + label(parent)
								+ "' (" + parentTimeline.coverage() + "): it is taken as valid " + within.coverage()
								+ ", while its parent is"));
				timeline = within;
			}
			this.timelines.put(uuid, timeline);
			return true;
		}

	}

	/**
	 * A unit's addresses from its latest record, keyed by the unit's UUID and the address
	 * type (so a renumbered department keeps its addresses).
	 */
	private void addresses(UUID unit, SdNode department, Timeline<OrgUnit> timeline, List<DesiredObject<?>> objects,
			List<SdProblem> warnings) {
		String id = department.text("DepartmentIdentifier");
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
				warnings.add(new SdProblem(DEPARTMENTS, "Department", id, unit, type + " left out: " + problem.get()));
				return;
			}
			String externalId = unit + ":" + type;
			Address address = new Address(uuid("address:" + externalId), externalId, unit, OwnerKind.ORG_UNIT,
					addressType.uuid(), value, ("EMAIL".equals(type) || "PNUMBER".equals(type)) ? INTERNAL : PUBLIC);
			List<Segment<Address>> segments = new ArrayList<>();
			timeline.coverage().forEach(v -> segments.add(new Segment<>(v, address)));
			objects.add(new DesiredObject<>(ObjectType.ADDRESS, externalId, Timeline.of(segments)));
		});
	}

	/**
	 * Whether a CPR number is one of SD's placeholders (ending in {@code 0000}): no real
	 * person; skipped with a warning.
	 */
	static boolean placeholder(String cpr) {
		return cpr != null && cpr.trim().endsWith("0000");
	}

	/**
	 * Persons from GetPerson, by CPR number (ten digits); a person whose CPR number is
	 * invalid is rejected, a placeholder CPR number is skipped with a warning.
	 */
	Map<String, DesiredObject<Person>> persons(String operation, Collection<SdNode> persons,
			Function<String, UUID> personUuid, List<SdProblem> rejected, List<SdProblem> warnings) {
		Map<String, DesiredObject<Person>> result = new LinkedHashMap<>();
		for (SdNode node : persons) {
			String raw = node.text("PersonCivilRegistrationIdentifier");
			String masked = Cpr.mask(raw);
			if (placeholder(raw)) {
				warnings.add(new SdProblem(operation, "Person", masked, null,
						"a placeholder CPR number (ending in 0000): the person is skipped"));
				continue;
			}
			CprRule.Outcome cpr = CprRule.check(raw);
			if (!cpr.accepted()) {
				rejected.add(new SdProblem(operation, "Person", masked, null, cpr.rejection().orElseThrow()));
				continue;
			}
			cpr.warning().ifPresent(w -> warnings.add(new SdProblem(operation, "Person", masked, null, w)));
			if (result.containsKey(cpr.cpr())) {
				warnings.add(new SdProblem(operation, "Person", masked, null,
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
	 * Engagements from GetEmploymentChanged's {@code Person} records (each employment
	 * with its lists of dated records, asked for the whole period): the records combined
	 * at their breakpoints; it is an engagement where its status is employed (0, 1, 3 on
	 * leave, 4 in a conflict), in the department of that date, as SD places it.
	 * @param persons the persons by CPR number; employments of others are rejected
	 */
	List<DesiredObject<?>> engagements(String operation, Collection<SdNode> employmentPersons,
			Map<String, DesiredObject<Person>> persons, Units units, Map<UUID, Klasse> classes,
			List<SdProblem> rejected, List<SdProblem> warnings) {
		return engagements(operation, employmentPersons, persons, cpr -> null, units, classes, rejected, warnings);
	}

	/**
	 * As {@link #engagements(String, Collection, Map, Units, Map, List, List)}, with the
	 * UUIDs of persons the hub already has and that are not delivered again.
	 * @param knownPersons the UUID of a known person by CPR number, or {@code null}
	 */
	List<DesiredObject<?>> engagements(String operation, Collection<SdNode> employmentPersons,
			Map<String, DesiredObject<Person>> persons, Function<String, UUID> knownPersons, Units units,
			Map<UUID, Klasse> classes, List<SdProblem> rejected, List<SdProblem> warnings) {
		Employments employments = employments(operation, persons, knownPersons, units, classes, rejected, warnings);
		employmentPersons.forEach(employments::accept);
		return employments.finish();
	}

	/**
	 * A collector of engagements that takes the {@code Person} records one at a time as
	 * they are parsed, so that the answer need not be held in memory.
	 */
	Employments employments(String operation, Map<String, DesiredObject<Person>> persons,
			Function<String, UUID> knownPersons, Units units, Map<UUID, Klasse> classes, List<SdProblem> rejected,
			List<SdProblem> warnings) {
		return new Employments(operation, persons, knownPersons, units, classes, rejected, warnings);
	}

	final class Employments {

		private final String operation;

		private final Map<String, DesiredObject<Person>> persons;

		private final Function<String, UUID> knownPersons;

		private final Units units;

		private final Map<UUID, Klasse> classes;

		private final List<SdProblem> rejected;

		private final List<SdProblem> warnings;

		private final Map<String, Timeline<Engagement>> engagements = new LinkedHashMap<>();

		private final Set<String> seen = new HashSet<>();

		private Employments(String operation, Map<String, DesiredObject<Person>> persons,
				Function<String, UUID> knownPersons, Units units, Map<UUID, Klasse> classes, List<SdProblem> rejected,
				List<SdProblem> warnings) {
			this.operation = operation;
			this.persons = persons;
			this.knownPersons = knownPersons;
			this.units = units;
			this.classes = classes;
			this.rejected = rejected;
			this.warnings = warnings;
		}

		/** Maps the employments of one {@code Person} record. */
		void accept(SdNode node) {
			String rawCpr = node.text("PersonCivilRegistrationIdentifier");
			if (placeholder(rawCpr)) {
				for (SdNode employment : node.all("Employment")) {
					String id = employment.text("EmploymentIdentifier");
					this.warnings.add(new SdProblem(this.operation, "Employment", (id != null) ? id : "", null,
							"the person " + Cpr.mask(rawCpr)
									+ " has a placeholder CPR number (ending in 0000): the employment is skipped"));
				}
				return;
			}
			CprRule.Outcome cpr = CprRule.check(rawCpr);
			for (SdNode employment : node.all("Employment")) {
				String id = employment.text("EmploymentIdentifier");
				UUID uuid = (id != null) ? uuid("engagement:" + id) : null;
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
					List<String> notes = new ArrayList<>();
					Timeline<Engagement> timeline = engagement(id, personUuid, employment, this.units, this.classes,
							notes);
					notes.forEach(
							note -> this.warnings.add(new SdProblem(this.operation, "Employment", id, uuid, note)));
					if (!timeline.isEmpty()) {
						this.engagements.put(id, timeline);
					}
				}
				catch (Rejected ex) {
					this.rejected.add(
							new SdProblem(this.operation, "Employment", (id != null) ? id : "", uuid, ex.getMessage()));
				}
			}
		}

		/** The engagements mapped. */
		List<DesiredObject<?>> finish() {
			List<DesiredObject<?>> result = new ArrayList<>();
			this.engagements
				.forEach((id, timeline) -> result.add(new DesiredObject<>(ObjectType.ENGAGEMENT, id, timeline)));
			return result;
		}

	}

	/**
	 * One employment's timeline. A piece of it in a unit that is not valid then (a unit
	 * taken as valid only while its parent is) is left out, with a note.
	 */
	private Timeline<Engagement> engagement(String id, UUID person, SdNode employment, Units units,
			Map<UUID, Klasse> classes, List<String> notes) throws Rejected {
		List<Interval> departments = intervals(employment, "EmploymentDepartment");
		List<Interval> professions = intervals(employment, "Profession");
		List<Interval> times = intervals(employment, "WorkingTime");
		List<Interval> statuses = intervals(employment, "EmploymentStatus");
		if (statuses.isEmpty()) {
			notes.add("no EmploymentStatus: the employment is not imported");
			return Timeline.empty();
		}
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
		List<Validity> outside = new ArrayList<>();
		LocalDate previous = null;
		for (LocalDate point : points) {
			if (previous != null) {
				Validity piece = new Validity(previous, point);
				SdNode status = at(statuses, previous);
				String code = (status != null) ? status.text("EmploymentStatusCode") : null;
				if (code != null && EMPLOYED.contains(code)) {
					SdNode department = at(departments, previous);
					if (department == null) {
						throw new Rejected("no EmploymentDepartment on " + previous + " while employed");
					}
					String departmentId = department.text("DepartmentIdentifier");
					UUID unit = units.of(department, previous);
					if (unit != null && units.rejected().contains(unit)) {
						throw new Rejected("department '" + departmentId + "' is rejected");
					}
					if (unit == null || !units.timelines().containsKey(unit)) {
						throw new Rejected("department '" + departmentId + "' does not exist");
					}
					List<Validity> parts = within(piece, units.timelines().get(unit).coverage());
					outside.addAll(without(piece, parts));
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
					UUID type = LEAVE.equals(code)
							? klasse(DefaultClasses.ENGAGEMENT_TYPE, this.config.leaveType(), classes) : null;
					result
						.add(new Segment<>(piece, new Engagement(uuid, id, person, unit, job, type, fraction, false)));
				}
			}
			previous = point;
		}
		if (!outside.isEmpty()) {
			notes.add("left out " + joined(outside) + ": its department is not valid then");
		}
		return Timeline.of(result);
	}

	/** The parts of {@code piece} within {@code coverage}. */
	private static List<Validity> within(Validity piece, List<Validity> coverage) {
		List<Validity> result = new ArrayList<>();
		for (Validity v : coverage) {
			LocalDate from = v.from().isAfter(piece.from()) ? v.from() : piece.from();
			LocalDate to = v.toOrEnd().isBefore(piece.toOrEnd()) ? v.toOrEnd() : piece.toOrEnd();
			if (from.isBefore(to)) {
				result.add(new Validity(from, to));
			}
		}
		return result;
	}

	/** The parts of {@code piece} outside {@code parts} (sorted parts within it). */
	private static List<Validity> without(Validity piece, List<Validity> parts) {
		List<Validity> result = new ArrayList<>();
		LocalDate from = piece.from();
		for (Validity part : parts) {
			if (from.isBefore(part.from())) {
				result.add(new Validity(from, part.from()));
			}
			from = part.toOrEnd();
		}
		if (from.isBefore(piece.toOrEnd())) {
			result.add(new Validity(from, piece.toOrEnd()));
		}
		return result;
	}

	/** Adjacent pieces joined. */
	private static List<Validity> joined(List<Validity> pieces) {
		List<Validity> result = new ArrayList<>();
		for (Validity piece : pieces) {
			Validity last = result.isEmpty() ? null : result.get(result.size() - 1);
			if (last != null && !last.isOpen() && last.to().equals(piece.from())) {
				result.set(result.size() - 1, new Validity(last.from(), piece.to()));
			}
			else {
				result.add(piece);
			}
		}
		return result;
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

	private static List<Interval> intervals(SdNode employment, String element) throws Rejected {
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

	/**
	 * ActivationDate to DeactivationDate (the last day; 9999-12-31 open-ended). A start
	 * before {@link Validity#BEGINNING} (SD has records from 0001) is taken from then.
	 */
	static Validity validity(SdNode node, String what) throws Rejected {
		String from = node.text("ActivationDate");
		String to = node.text("DeactivationDate");
		if (from == null) {
			throw new Rejected(what + " has no ActivationDate");
		}
		LocalDate start;
		LocalDate last;
		try {
			start = date(from);
			last = (to != null) ? date(to) : Validity.END_OF_TIME;
		}
		catch (DateTimeParseException ex) {
			throw new Rejected(what + " has a date that is not yyyy-mm-dd: '" + ex.getParsedString() + "'");
		}
		if (last.isBefore(start)) {
			throw new Rejected("dates out of order: " + what + " ends " + last + " before it starts " + start);
		}
		if (last.isBefore(Validity.BEGINNING)) {
			throw new Rejected(what + " ends before " + Validity.BEGINNING);
		}
		if (start.isBefore(Validity.BEGINNING)) {
			start = Validity.BEGINNING;
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
