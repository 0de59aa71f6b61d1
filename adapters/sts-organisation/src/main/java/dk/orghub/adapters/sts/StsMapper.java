package dk.orghub.adapters.sts;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.orghub.adapters.sts.StsObject.Period;
import dk.orghub.adapters.sts.StsObject.Props;
import dk.orghub.adapters.sts.StsObject.Rel;
import dk.orghub.adapters.sts.StsObject.State;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/**
 * Maps canonical timelines to STS Organisation objects in KOMBIT's registration patterns.
 * Plain Java, no I/O.
 * <p>
 * Each object is written as it stands on a reference date: today when it exists today,
 * else its first future segment, else its last one. Its properties and relations carry
 * that segment's validity (Virkning, whole dates); its Gyldighed is Aktiv over the period
 * it exists and Inaktiv from the day it ends. Single-valued relations (Overordnet,
 * Tilhoerer, Enhedstype, Funktionstype) cannot hold several values over time in one
 * registration, so a change dated in the future is sent when its day comes (the nightly
 * full run picks it up because the mapped object, and with it its hash, changes).
 */
public final class StsMapper {

	/**
	 * Namespace of the UUIDs of the functions the hub derives (payout units, contact
	 * places).
	 */
	private static final String PAYOUT = "orghub:sts:udbetalende-enhed:";

	private static final String CONTACT = "orghub:sts:henvendelsessted:";

	private final StsSettings settings;

	private final StsClassification classes;

	public StsMapper(StsSettings settings) {
		this.settings = settings;
		this.classes = settings.classes();
	}

	/** The UUID of the Udbetalende Enhed function of a payout unit. */
	public static UUID payoutFunction(UUID payoutUnit) {
		return UUID.nameUUIDFromBytes((PAYOUT + payoutUnit).getBytes(StandardCharsets.UTF_8));
	}

	/** The UUID of the Henvendelsessted function of a contact-place unit. */
	public static UUID contactFunction(UUID unit) {
		return UUID.nameUUIDFromBytes((CONTACT + unit).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The UUID of the Bruger of an IT user: its external id (objectGUID) when it is a
	 * UUID.
	 */
	public static UUID brugerUuid(ItUser user) {
		if (user.externalId() != null) {
			try {
				return UUID.fromString(user.externalId());
			}
			catch (IllegalArgumentException ex) {
				// not a GUID: the hub's own UUID
			}
		}
		return user.uuid();
	}

	/** Every STS object of the state, keyed by kind and UUID, in writing order. */
	public Map<Key, StsObject> map(CanonicalState state, LocalDate today) {
		Index index = new Index(state, today);
		Map<Key, StsObject> result = new LinkedHashMap<>();
		for (Map.Entry<UUID, Timeline<Address>> e : state.addresses().entrySet()) {
			address(index, e.getValue()).ifPresent(o -> result.put(Key.of(o), o));
		}
		for (UUID person : index.brugereByPerson.keySet()) {
			Timeline<Person> timeline = state.persons().get(person);
			if (timeline != null) {
				person(index, timeline).ifPresent(o -> result.put(Key.of(o), o));
			}
		}
		for (Timeline<OrgUnit> unit : index.units.values()) {
			unit(index, unit).ifPresent(o -> result.put(Key.of(o), o));
		}
		for (Timeline<ItUser> user : state.itUsers().values()) {
			bruger(index, user).ifPresent(o -> result.put(Key.of(o), o));
		}
		for (UUID payoutUnit : index.payoutUnits) {
			payout(index, payoutUnit).ifPresent(o -> result.put(Key.of(o), o));
		}
		for (UUID contactUnit : index.contactUnits) {
			contact(index, contactUnit).ifPresent(o -> result.put(Key.of(o), o));
		}
		for (Timeline<Engagement> engagement : state.engagements().values()) {
			engagement(index, engagement).ifPresent(o -> result.put(Key.of(o), o));
		}
		for (Timeline<Manager> manager : state.managers().values()) {
			manager(index, manager).ifPresent(o -> result.put(Key.of(o), o));
		}
		for (Timeline<Association> association : state.associations().values()) {
			association(index, association).ifPresent(o -> result.put(Key.of(o), o));
		}
		return result;
	}

	/** An object's identity in STS Organisation. */
	public record Key(StsKind kind, UUID uuid) {

		static Key of(StsObject object) {
			return new Key(object.kind(), object.uuid());
		}

	}

	/** Look-ups built once per mapping. */
	private final class Index {

		final CanonicalState state;

		final LocalDate today;

		/**
		 * The units sent: the state's without the scope's excluded subtrees. What is
		 * placed in a unit that is not here is not sent either.
		 */
		final Map<UUID, Timeline<OrgUnit>> units;

		final Map<UUID, List<Timeline<Address>>> addressesByOwner = new HashMap<>();

		final Map<UUID, List<Timeline<Kle>>> kleByUnit = new HashMap<>();

		final Map<UUID, List<Timeline<ItUser>>> brugereByPerson = new LinkedHashMap<>();

		final java.util.Set<UUID> payoutUnits = new java.util.LinkedHashSet<>();

		final java.util.Set<UUID> contactUnits = new java.util.LinkedHashSet<>();

		Index(CanonicalState state, LocalDate today) {
			this.state = state;
			this.today = today;
			this.units = state.scope().units(state.units());
			for (Timeline<Address> a : state.addresses().values()) {
				reference(a, today).ifPresent(
						s -> this.addressesByOwner.computeIfAbsent(s.value().owner(), k -> new ArrayList<>()).add(a));
			}
			for (Timeline<Kle> k : state.kle().values()) {
				reference(k, today)
					.ifPresent(s -> this.kleByUnit.computeIfAbsent(s.value().unit(), x -> new ArrayList<>()).add(k));
			}
			for (Timeline<ItUser> u : state.itUsers().values()) {
				reference(u, today).filter(s -> settings.itSystem().equals(s.value().itSystem()))
					.ifPresent(s -> this.brugereByPerson.computeIfAbsent(s.value().person(), x -> new ArrayList<>())
						.add(u));
			}
			for (Timeline<OrgUnit> unit : this.units.values()) {
				reference(unit, today).ifPresent(s -> {
					if (s.value().payoutUnit() != null && this.units.containsKey(s.value().payoutUnit())) {
						this.payoutUnits.add(s.value().payoutUnit());
					}
				});
			}
			this.addressesByOwner.forEach((owner, list) -> {
				for (Timeline<Address> a : list) {
					Segment<Address> s = reference(a, today).orElseThrow();
					if (s.value().ownerKind() == OwnerKind.ORG_UNIT
							&& "CONTACT_PLACE".equals(state.classKey(s.value().addressType())) && exported(s.value())) {
						this.contactUnits.add(owner);
					}
				}
			});
		}

	}

	/**
	 * The segment an object is written as: today's, the first future one, or the last.
	 */
	static <T extends OrgObject> Optional<Segment<T>> reference(Timeline<T> timeline, LocalDate today) {
		if (timeline == null || timeline.isEmpty()) {
			return Optional.empty();
		}
		Optional<Segment<T>> now = timeline.segmentAt(today);
		if (now.isPresent()) {
			return now;
		}
		for (Segment<T> s : timeline.segments()) {
			if (s.validity().from().isAfter(today)) {
				return Optional.of(s);
			}
		}
		return Optional.of(timeline.segments().get(timeline.segments().size() - 1));
	}

	private static Period period(Validity v) {
		return new Period(v.from(), v.to());
	}

	/** Aktiv over the coverage interval around the segment, Inaktiv from its end. */
	private static List<State> states(Timeline<?> timeline, Segment<?> segment, boolean active) {
		Validity around = segment.validity();
		for (Validity v : timeline.coverage()) {
			if (v.encloses(segment.validity())) {
				around = v;
			}
		}
		List<State> states = new ArrayList<>();
		states.add(new State(period(around), active));
		if (around.to() != null) {
			states.add(new State(new Period(around.to(), null), false));
		}
		return states;
	}

	private static String cut(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	private boolean exported(Address address) {
		String visibility = null;
		return address.visibility() == null
				|| this.settings.exportedVisibilities().contains(visibilityKey(address.visibility()));
	}

	private String visibilityKey(UUID visibility) {
		for (String key : List.of("PUBLIC", "INTERNAL", "SECRET")) {
			if (dk.orghub.core.classes.DefaultClasses.classUuid(dk.orghub.core.classes.DefaultClasses.VISIBILITY, key)
				.equals(visibility)) {
				return key;
			}
		}
		return visibility.toString();
	}

	private Optional<StsObject> address(Index index, Timeline<Address> timeline) {
		Segment<Address> s = reference(timeline, index.today).orElseThrow();
		Address a = s.value();
		if (!exported(a) || role(index, a) == null) {
			return Optional.empty();
		}
		boolean ownerSent = switch (a.ownerKind()) {
			case ORG_UNIT -> index.units.containsKey(a.owner());
			case PERSON -> index.brugereByPerson.containsKey(a.owner());
			case ENGAGEMENT -> false;
		};
		if (!ownerSent) {
			return Optional.empty();
		}
		Props props = new Props(period(s.validity()), cut(a.userKey(), 50), cut(a.value(), 200), null);
		return Optional.of(new StsObject(StsKind.ADRESSE, a.uuid(), a.userKey(), "addresses:" + a.uuid(),
				List.of(props), List.of(), List.of()));
	}

	private UUID role(Index index, Address a) {
		String type = index.state.classKey(a.addressType());
		return switch (a.ownerKind()) {
			case ORG_UNIT -> this.classes.unitAddressRoles().get(type);
			case PERSON -> this.classes.userAddressRoles().get(type);
			case ENGAGEMENT -> null;
		};
	}

	private Optional<StsObject> person(Index index, Timeline<Person> timeline) {
		Segment<Person> s = reference(timeline, index.today).orElseThrow();
		Person p = s.value();
		String name = (p.givenName() != null) ? p.givenName() + " " + p.surname() : p.surname();
		String cpr = this.settings.sendCpr() ? p.cpr() : null;
		Props props = new Props(period(s.validity()), cut(p.userKey(), 50), cut(name, 100), cpr);
		return Optional.of(new StsObject(StsKind.PERSON, p.uuid(), p.userKey(), "persons:" + p.uuid(), List.of(props),
				List.of(), List.of()));
	}

	private Optional<StsObject> unit(Index index, Timeline<OrgUnit> timeline) {
		Segment<OrgUnit> s = reference(timeline, index.today).orElseThrow();
		OrgUnit u = s.value();
		Period p = period(s.validity());
		List<Rel> rels = new ArrayList<>();
		rels.add(Rel.of("Tilhoerer", p, this.settings.organisationUuid()));
		if (u.parent() != null) {
			rels.add(Rel.of("Overordnet", p, u.parent()));
		}
		UUID type = this.classes.unitTypes().get(index.state.classKey(u.unitType()));
		if (type != null) {
			rels.add(Rel.of("Enhedstype", p, type));
		}
		int i = 0;
		List<Timeline<Address>> addresses = new ArrayList<>(index.addressesByOwner.getOrDefault(u.uuid(), List.of()));
		addresses.sort(Comparator.comparing(a -> a.segments().get(0).value().uuid()));
		for (Timeline<Address> at : addresses) {
			Segment<Address> as = reference(at, index.today).orElseThrow();
			Address a = as.value();
			UUID role = role(index, a);
			Period rp = period(as.validity()).intersect(p);
			if (role != null && exported(a) && a.ownerKind() == OwnerKind.ORG_UNIT && rp != null) {
				rels.add(new Rel("Adresser", rp, a.uuid(), role, this.classes.unitAddressType(), String.valueOf(++i)));
			}
		}
		i = 0;
		List<Timeline<Kle>> tasks = new ArrayList<>(index.kleByUnit.getOrDefault(u.uuid(), List.of()));
		tasks.sort(Comparator.comparing(k -> k.segments().get(0).value().kleNumber()));
		for (Timeline<Kle> kt : tasks) {
			Segment<Kle> ks = reference(kt, index.today).orElseThrow();
			Period rp = period(ks.validity()).intersect(p);
			if ("Ansvarlig".equals(index.state.classKey(ks.value().aspect())) && rp != null) {
				rels.add(new Rel("Opgaver", rp, this.classes.kleClass(ks.value().kleNumber()),
						this.classes.opgaverAnsvarlig(), this.classes.opgaverKlasseType(), String.valueOf(++i)));
			}
		}
		if (u.payoutUnit() != null && index.payoutUnits.contains(u.payoutUnit())) {
			rels.add(Rel.of("TilknyttedeFunktioner", p, payoutFunction(u.payoutUnit())));
		}
		if (index.contactUnits.contains(u.uuid())) {
			rels.add(Rel.of("TilknyttedeFunktioner", p, contactFunction(u.uuid())));
		}
		Props props = new Props(p, cut(u.userKey(), 50), cut(u.name(), 200), null);
		return Optional.of(new StsObject(StsKind.ENHED, u.uuid(), u.userKey(), "org-units:" + u.uuid(), List.of(props),
				states(timeline, s, true), rels));
	}

	private Optional<StsObject> bruger(Index index, Timeline<ItUser> timeline) {
		Segment<ItUser> s = reference(timeline, index.today).orElseThrow();
		ItUser user = s.value();
		if (!this.settings.itSystem().equals(user.itSystem()) || user.person() == null) {
			return Optional.empty();
		}
		Period p = period(s.validity());
		Person person = reference(index.state.persons().get(user.person()), index.today).map(Segment::value)
			.orElse(null);
		String name = (person == null) ? user.userKey()
				: (person.givenName() != null) ? person.givenName() + " " + person.surname() : person.surname();
		List<Rel> rels = new ArrayList<>();
		rels.add(Rel.of("Tilhoerer", p, this.settings.organisationUuid()));
		rels.add(Rel.of("TilknyttedePersoner", p, user.person()));
		int i = 0;
		List<Timeline<Address>> addresses = new ArrayList<>(
				index.addressesByOwner.getOrDefault(user.person(), List.of()));
		addresses.sort(Comparator.comparing(a -> a.segments().get(0).value().uuid()));
		for (Timeline<Address> at : addresses) {
			Segment<Address> as = reference(at, index.today).orElseThrow();
			UUID role = role(index, as.value());
			Period rp = period(as.validity()).intersect(p);
			if (role != null && exported(as.value()) && as.value().ownerKind() == OwnerKind.PERSON && rp != null) {
				rels.add(new Rel("Adresser", rp, as.value().uuid(), role, this.classes.userAddressType(),
						String.valueOf(++i)));
			}
		}
		Props props = new Props(p, cut(user.userKey(), 50), cut(name, 200), null);
		return Optional.of(new StsObject(StsKind.BRUGER, brugerUuid(user), user.userKey(), "it-users:" + user.uuid(),
				List.of(props), states(timeline, s, user.enabled()), rels));
	}

	private List<Rel> users(Index index, UUID person, Period p) {
		List<Rel> rels = new ArrayList<>();
		if (person == null) {
			return rels;
		}
		for (Timeline<ItUser> ut : index.brugereByPerson.getOrDefault(person, List.of())) {
			Segment<ItUser> us = reference(ut, index.today).orElseThrow();
			Period rp = period(us.validity()).intersect(p);
			if (rp != null) {
				rels.add(Rel.of("TilknyttedeBrugere", rp, brugerUuid(us.value())));
			}
		}
		return rels;
	}

	private Optional<StsObject> engagement(Index index, Timeline<Engagement> timeline) {
		Segment<Engagement> s = reference(timeline, index.today).orElseThrow();
		Engagement e = s.value();
		if (!index.brugereByPerson.containsKey(e.person()) || !index.units.containsKey(e.unit())) {
			return Optional.empty();
		}
		Period p = period(s.validity());
		List<Rel> rels = new ArrayList<>();
		rels.add(Rel.of("Funktionstype", p, this.classes.enhedsrolle()));
		rels.add(Rel.of("TilknyttedeEnheder", p, e.unit()));
		rels.addAll(users(index, e.person(), p));
		String title = index.state.classTitle(e.jobFunction());
		Props props = new Props(p, cut(e.userKey(), 50), cut((title != null) ? title : "Medarbejder", 200), null);
		return Optional.of(new StsObject(StsKind.FUNKTION, e.uuid(), e.userKey(), "engagements:" + e.uuid(),
				List.of(props), states(timeline, s, true), rels));
	}

	/**
	 * An association of a person with a user in a unit sent is an Enhedsrolle like an
	 * engagement (by default only line units are sent, so associations in the MED
	 * organisation give none), titled by its job function, else its type.
	 */
	private Optional<StsObject> association(Index index, Timeline<Association> timeline) {
		Segment<Association> s = reference(timeline, index.today).orElseThrow();
		Association a = s.value();
		if (!index.brugereByPerson.containsKey(a.person()) || !index.units.containsKey(a.unit())) {
			return Optional.empty();
		}
		Period p = period(s.validity());
		List<Rel> rels = new ArrayList<>();
		rels.add(Rel.of("Funktionstype", p, this.classes.enhedsrolle()));
		rels.add(Rel.of("TilknyttedeEnheder", p, a.unit()));
		rels.addAll(users(index, a.person(), p));
		String title = index.state.classTitle(a.jobFunction());
		if (title == null) {
			title = index.state.classTitle(a.associationType());
		}
		Props props = new Props(p, cut(a.userKey(), 50), cut((title != null) ? title : "Tilknyttet", 200), null);
		return Optional.of(new StsObject(StsKind.FUNKTION, a.uuid(), a.userKey(), "associations:" + a.uuid(),
				List.of(props), states(timeline, s, true), rels));
	}

	private Optional<StsObject> manager(Index index, Timeline<Manager> timeline) {
		Segment<Manager> s = reference(timeline, index.today).orElseThrow();
		Manager m = s.value();
		if (!index.units.containsKey(m.unit())) {
			return Optional.empty();
		}
		Period p = period(s.validity());
		List<Rel> rels = new ArrayList<>();
		rels.add(Rel.of("Funktionstype", p, this.classes.lederrolle()));
		rels.add(Rel.of("TilknyttedeEnheder", p, m.unit()));
		rels.addAll(users(index, m.person(), p));
		String title = index.state.classTitle(m.managerType());
		Props props = new Props(p, cut(m.userKey(), 50), cut((title != null) ? title : "Leder", 200), null);
		return Optional.of(new StsObject(StsKind.FUNKTION, m.uuid(), m.userKey(), "managers:" + m.uuid(),
				List.of(props), states(timeline, s, true), rels));
	}

	private Optional<StsObject> payout(Index index, UUID unitUuid) {
		Timeline<OrgUnit> timeline = index.units.get(unitUuid);
		Segment<OrgUnit> s = reference(timeline, index.today).orElseThrow();
		Period p = period(s.validity());
		UUID uuid = payoutFunction(unitUuid);
		List<Rel> rels = List.of(Rel.of("Funktionstype", p, this.classes.udbetalendeEnhed()),
				Rel.of("TilknyttedeEnheder", p, unitUuid));
		Props props = new Props(p, cut("UDB-" + s.value().userKey(), 50),
				cut("Udbetalende enhed: " + s.value().name(), 200), null);
		return Optional.of(new StsObject(StsKind.FUNKTION, uuid, "UDB-" + s.value().userKey(), "org-units:" + unitUuid,
				List.of(props), states(timeline, s, true), rels));
	}

	private Optional<StsObject> contact(Index index, UUID unitUuid) {
		Timeline<OrgUnit> timeline = index.units.get(unitUuid);
		if (timeline == null) {
			return Optional.empty();
		}
		Segment<OrgUnit> s = reference(timeline, index.today).orElseThrow();
		Period p = period(s.validity());
		List<Rel> rels = new ArrayList<>();
		rels.add(Rel.of("Funktionstype", p, this.classes.henvendelsessted()));
		rels.add(Rel.of("TilknyttedeEnheder", p, unitUuid));
		for (Timeline<Kle> kt : index.kleByUnit.getOrDefault(unitUuid, List.of())) {
			Segment<Kle> ks = reference(kt, index.today).orElseThrow();
			Period rp = period(ks.validity()).intersect(p);
			if (rp != null) {
				rels.add(Rel.of("TilknyttedeOpgaver", rp, this.classes.kleClass(ks.value().kleNumber())));
			}
		}
		Props props = new Props(p, cut("HVS-" + s.value().userKey(), 50),
				cut("Henvendelsessted: " + s.value().name(), 200), null);
		return Optional.of(new StsObject(StsKind.FUNKTION, contactFunction(unitUuid), "HVS-" + s.value().userKey(),
				"org-units:" + unitUuid, List.of(props), states(timeline, s, true), rels));
	}

}
