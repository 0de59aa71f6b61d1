package dk.orghub.adapters.opus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.rules.PrimaryEngagementRule;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.SharedAddress;

/**
 * Maps validated OPUS records to canonical objects, as the dump gives them. The business
 * rules (the primary engagement, managers held only while employed, excluded subtrees)
 * are the hub's: they run on the mapped dump in the hub's rule pipeline, with
 * {@link OpusConfig#rules()} as OPUS's defaults.
 * <p>
 * Unit, engagement, manager and unit address UUIDs are name-based from the municipality
 * key and the OPUS ids, so a fresh database gets the same ones; a person's address has
 * the person's shared address UUID of its type. Person UUIDs come from the caller (the
 * hub's identity bindings, or random for a new person), never from the CPR number.
 */
final class OpusMapper {

	static final Set<String> ADDRESS_TYPES = Set.of("PHONE", "POSTAL", "EAN", "PNUMBER", "SE", "CVR");

	private static final Set<UUID> DEFAULTS = new HashSet<>();

	static {
		DefaultClasses.classes().forEach(k -> DEFAULTS.add(k.uuid()));
	}

	private static final UUID PUBLIC = DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "PUBLIC");

	private static final UUID INTERNAL = DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "INTERNAL");

	private static final UUID SECRET = DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "SECRET");

	private final OpusConfig config;

	OpusMapper(OpusConfig config) {
		this.config = config;
	}

	/**
	 * @param personUuid the UUID of the person with a CPR number (ten digits)
	 */
	MappedDump map(ValidatedDump dump, Function<String, UUID> personUuid) {
		Map<String, DesiredObject<?>> objects = new LinkedHashMap<>();
		Map<UUID, Klasse> classes = new LinkedHashMap<>();
		Map<String, UUID> classUuids = new HashMap<>();
		Map<String, UUID> unitUuids = new HashMap<>();
		Map<UUID, Timeline<OrgUnit>> units = new LinkedHashMap<>();
		Map<UUID, String> unitIds = new HashMap<>();
		for (ValidatedDump.Unit u : dump.units()) {
			UUID uuid = unitUuid(u.id());
			unitUuids.put(u.id(), uuid);
			unitIds.put(uuid, u.id());
			UUID type = klasse(DefaultClasses.ORG_UNIT_TYPE,
					(u.orgTypeTxt() != null) ? u.orgTypeTxt() : this.config.defaultUnitType(), classes, classUuids);
			String levelKey = (u.orgType() != null) ? this.config.unitLevels().get(u.orgType()) : null;
			UUID level = (levelKey != null) ? klasse(DefaultClasses.ORG_UNIT_LEVEL, levelKey, classes, classUuids)
					: null;
			OrgUnit unit = new OrgUnit(uuid, u.id(), truncate(u.name(), 200),
					(u.parentId() != null) ? unitUuids.get(u.parentId()) : null, type, level, null);
			units.put(uuid, Timeline.of(u.validity(), unit));
		}
		units.forEach((uuid, timeline) -> objects.put(MappedDump.key(ObjectType.ORG_UNIT, unitIds.get(uuid)),
				new DesiredObject<>(ObjectType.ORG_UNIT, unitIds.get(uuid), timeline)));
		for (ValidatedDump.Unit u : dump.units()) {
			Timeline<OrgUnit> unit = units.get(unitUuids.get(u.id()));
			u.addresses().forEach((type, value) -> {
				String externalId = u.id() + ":" + type;
				UUID uuid = uuid("address:" + externalId);
				Address address = new Address(uuid, externalId, unitUuids.get(u.id()), OwnerKind.ORG_UNIT,
						DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, type), value,
						("PHONE".equals(type) || "POSTAL".equals(type)) ? PUBLIC : INTERNAL);
				List<dk.orghub.core.model.Segment<Address>> segments = new ArrayList<>();
				unit.coverage().forEach(v -> segments.add(new dk.orghub.core.model.Segment<>(v, address)));
				objects.put(MappedDump.key(ObjectType.ADDRESS, externalId),
						new DesiredObject<>(ObjectType.ADDRESS, externalId, Timeline.of(segments)));
			});
		}
		Map<String, UUID> persons = new LinkedHashMap<>();
		Map<String, Timeline<Engagement>> engagements = new LinkedHashMap<>();
		Map<UUID, List<ValidatedDump.Employee>> recordsByPerson = new LinkedHashMap<>();
		for (ValidatedDump.Employee e : dump.employees()) {
			UUID person = persons.get(e.cpr());
			if (person == null) {
				person = personUuid.apply(e.cpr());
				persons.put(e.cpr(), person);
				Person value = new Person(person, person.toString(), e.cpr(), truncate(e.firstName(), 100),
						truncate(e.lastName(), 100), null);
				objects.put(MappedDump.key(ObjectType.PERSON, e.cpr()), new DesiredObject<>(ObjectType.PERSON, e.cpr(),
						Timeline.of(Validity.from(e.birthDate()), value)));
			}
			UUID jobFunction = (e.position() != null)
					? klasse(DefaultClasses.JOB_FUNCTION, e.position(), classes, classUuids) : null;
			UUID type = (e.contractText() != null)
					? klasse(DefaultClasses.ENGAGEMENT_TYPE, e.contractText(), classes, classUuids) : null;
			Engagement engagement = new Engagement(uuid("engagement:" + e.id()), e.id(), person,
					unitUuids.get(e.unitId()), jobFunction, type, e.fraction(), false);
			Timeline<Engagement> timeline = Timeline.of(e.validity(), engagement);
			engagements.put(e.id(), timeline);
			recordsByPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(e);
		}
		UUID itSystem = this.config.contacts().userId()
				? klasse(DefaultClasses.IT_SYSTEM, this.config.contacts().itSystem(), classes, classUuids) : null;
		recordsByPerson.forEach((person, records) -> contacts(person, records, itSystem, objects));
		engagements.forEach((id, timeline) -> objects.put(MappedDump.key(ObjectType.ENGAGEMENT, id),
				new DesiredObject<>(ObjectType.ENGAGEMENT, id, timeline)));
		UUID managerType = klasse(DefaultClasses.MANAGER_TYPE, this.config.managerType(), classes, classUuids);
		for (ValidatedDump.Employee e : dump.employees()) {
			Timeline<Engagement> engagement = engagements.get(e.id());
			if (!e.manager() || engagement == null) {
				continue;
			}
			UUID level = (e.managerLevel() != null) ? klasse(DefaultClasses.MANAGER_LEVEL,
					e.managerLevel().matches("[0-9]+") ? "Niveau " + e.managerLevel() : e.managerLevel(), classes,
					classUuids) : null;
			UUID person = persons.get(e.cpr());
			UUID unit = unitUuids.get(e.unitId());
			Manager manager = new Manager(uuid("manager:" + e.id()), e.id(), unit, person, managerType, level,
					List.of());
			objects.put(MappedDump.key(ObjectType.MANAGER, e.id()),
					new DesiredObject<>(ObjectType.MANAGER, e.id(), Timeline.of(e.validity(), manager)));
		}
		classes.forEach((uuid, klasse) -> {
			String externalId = klasse.facet() + ":" + klasse.userKey();
			objects.put(MappedDump.key(ObjectType.KLASSE, externalId),
					new DesiredObject<>(ObjectType.KLASSE, externalId, Timeline.of(Validity.always(), klasse)));
		});
		Set<String> protectedKeys = new HashSet<>();
		for (String id : dump.rejectedUnits()) {
			protectedKeys.add(MappedDump.key(ObjectType.ORG_UNIT, id));
			ADDRESS_TYPES.forEach(t -> protectedKeys.add(MappedDump.key(ObjectType.ADDRESS, id + ":" + t)));
		}
		for (String id : dump.rejectedEmployees()) {
			protectedKeys.add(MappedDump.key(ObjectType.ENGAGEMENT, id));
			protectedKeys.add(MappedDump.key(ObjectType.MANAGER, id));
		}
		return new MappedDump(dump.file(), dump.date(), objects, protectedKeys, dump.rejected(), dump.warnings(),
				dump.leaves());
	}

	/**
	 * A person's contact data from its employee records (the lowest employment number
	 * that has a value wins): the e-mail, work phone and home address as addresses of the
	 * person, each user id as an IT user, valid while the person has an employment in the
	 * dump. Their UUIDs are name-based from the person's UUID, never from the CPR number;
	 * an address's is the person's {@link SharedAddress} of its type, which the directory
	 * delivers too.
	 */
	private void contacts(UUID person, List<ValidatedDump.Employee> records, UUID itSystem,
			Map<String, DesiredObject<?>> objects) {
		List<ValidatedDump.Employee> ordered = new ArrayList<>(records);
		ordered.sort((a, b) -> PrimaryEngagementRule.compareEmploymentNumbers(a.id(), b.id()));
		LocalDate from = null;
		LocalDate to = null;
		boolean open = false;
		for (ValidatedDump.Employee e : ordered) {
			from = (from == null || e.validity().from().isBefore(from)) ? e.validity().from() : from;
			if (e.validity().to() == null) {
				open = true;
			}
			else if (to == null || e.validity().to().isAfter(to)) {
				to = e.validity().to();
			}
		}
		Validity span = new Validity(from, open ? null : to);
		personAddress(person, "EMAIL", PUBLIC, first(ordered, ValidatedDump.Contacts::email), span, objects);
		personAddress(person, "PHONE", PUBLIC, first(ordered, ValidatedDump.Contacts::workPhone), span, objects);
		personAddress(person, "POSTAL", SECRET, first(ordered, ValidatedDump.Contacts::homeAddress), span, objects);
		if (itSystem == null) {
			return;
		}
		Set<String> userIds = new java.util.LinkedHashSet<>();
		ordered.forEach((e) -> {
			if (e.contacts().userId() != null) {
				userIds.add(e.contacts().userId());
			}
		});
		for (String userId : userIds) {
			ItUser user = new ItUser(uuid("it-user:" + userId), userId, person, itSystem, userId, true);
			objects.put(MappedDump.key(ObjectType.IT_USER, userId),
					new DesiredObject<>(ObjectType.IT_USER, userId, Timeline.of(span, user)));
		}
	}

	private void personAddress(UUID person, String type, UUID visibility, String value, Validity span,
			Map<String, DesiredObject<?>> objects) {
		if (value == null) {
			return;
		}
		String externalId = "person:" + person + ":" + type;
		UUID addressType = DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, type);
		Address address = new Address(SharedAddress.uuid(person, addressType), externalId, person, OwnerKind.PERSON,
				addressType, value, visibility);
		objects.put(MappedDump.key(ObjectType.ADDRESS, externalId),
				new DesiredObject<>(ObjectType.ADDRESS, externalId, Timeline.of(span, address)));
	}

	private static String first(List<ValidatedDump.Employee> records, Function<ValidatedDump.Contacts, String> value) {
		return records.stream().map((e) -> value.apply(e.contacts())).filter(Objects::nonNull).findFirst().orElse(null);
	}

	UUID unitUuid(String opusId) {
		return uuid("unit:" + opusId);
	}

	private UUID uuid(String name) {
		return nameUuid(("orghub:opus:" + this.config.municipalityKey() + ":" + name).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * {@link UUID#nameUUIDFromBytes}, with one MD5 digest per thread instead of one per
	 * call (finding the algorithm took a tenth of the mapping).
	 */
	static UUID nameUuid(byte[] name) {
		byte[] hash = MD5.get().digest(name);
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		long high = 0;
		long low = 0;
		for (int i = 0; i < 8; i++) {
			high = (high << 8) | (hash[i] & 0xff);
			low = (low << 8) | (hash[i + 8] & 0xff);
		}
		return new UUID(high, low);
	}

	private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is not available", ex);
		}
	});

	/** The class of a facet with the user key, a new one delivered when not a default. */
	private static UUID klasse(String facet, String userKey, Map<UUID, Klasse> classes, Map<String, UUID> uuids) {
		String key = truncate(userKey, 200);
		UUID uuid = uuids.computeIfAbsent(facet + "\n" + key, (k) -> DefaultClasses.classUuid(facet, key));
		if (!DEFAULTS.contains(uuid)) {
			classes.putIfAbsent(uuid, new Klasse(uuid, key, DefaultClasses.facetUuid(facet), key, null));
		}
		return uuid;
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
