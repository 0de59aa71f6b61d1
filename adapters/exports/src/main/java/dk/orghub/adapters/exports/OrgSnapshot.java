package dk.orghub.adapters.exports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.AddressScope;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.query.OrgTree;
import dk.orghub.core.rules.UnitScope;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Page;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;

/**
 * The organisation at one read point, in memory, for exports: the unit tree of the
 * export's {@link UnitScope} (the line organisation unless configured), the persons,
 * engagements, manager roles and addresses valid there, and the classes; read from the
 * store in a few list reads, so that an export of a large municipality does not ask the
 * store once per unit or person. Immutable.
 * <p>
 * It also knows, for each unit valid at the date whose existence ends later, the date it
 * ends ({@link #unitEnd}), and for each unit an engagement valid at the date refers to
 * but that is not valid itself (which the store's rules normally prevent), its timeline
 * ({@link #unitNotValid}).
 * <p>
 * Persons carry their CPR numbers: use them only for what was asked for, and never log
 * them.
 */
public final class OrgSnapshot {

	private static final UUID EMAIL = DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, "EMAIL");

	private static final UUID SECRET = DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "SECRET");

	private final ReadPoint point;

	private final OrgTree tree;

	private final Map<UUID, Person> persons;

	private final List<Versioned<Engagement>> engagements;

	private final List<Versioned<Manager>> managers;

	private final List<Versioned<Address>> addresses;

	private final Map<UUID, Klasse> classes;

	private final Map<UUID, LocalDate> unitEnds;

	private final Map<UUID, Timeline<OrgUnit>> unitsNotValid;

	private final Map<UUID, List<Manager>> managersByUnit = new HashMap<>();

	private final Map<UUID, List<Address>> addressesByOwner = new HashMap<>();

	private final Map<UUID, List<Engagement>> engagementsByPerson = new HashMap<>();

	private final Map<String, UUID> unitsByUserKey = new HashMap<>();

	private final List<Versioned<OrgUnit>> medUnits;

	private final List<Versioned<Association>> associations;

	private final Map<UUID, List<Association>> associationsByUnit = new HashMap<>();

	private OrgSnapshot(Builder builder) {
		this.point = builder.point;
		this.tree = OrgTree.of(builder.units);
		this.persons = Collections.unmodifiableMap(new LinkedHashMap<>(builder.persons));
		this.engagements = List.copyOf(builder.engagements);
		this.managers = List.copyOf(builder.managers);
		this.addresses = List.copyOf(builder.addresses);
		this.classes = Map.copyOf(builder.classes);
		this.unitEnds = Map.copyOf(builder.unitEnds);
		this.unitsNotValid = Map.copyOf(builder.unitsNotValid);
		for (Versioned<Manager> role : this.managers) {
			this.managersByUnit.computeIfAbsent(role.value().unit(), k -> new ArrayList<>()).add(role.value());
		}
		for (Versioned<Address> address : this.addresses) {
			this.addressesByOwner.computeIfAbsent(address.value().owner(), k -> new ArrayList<>()).add(address.value());
		}
		for (Versioned<Engagement> engagement : this.engagements) {
			this.engagementsByPerson.computeIfAbsent(engagement.value().person(), k -> new ArrayList<>())
				.add(engagement.value());
		}
		for (Versioned<OrgUnit> unit : builder.units) {
			this.unitsByUserKey.putIfAbsent(unit.value().userKey(), unit.value().uuid());
		}
		this.medUnits = List.copyOf(builder.medUnits);
		this.associations = List.copyOf(builder.associations);
		for (Versioned<Association> association : this.associations) {
			this.associationsByUnit.computeIfAbsent(association.value().unit(), k -> new ArrayList<>())
				.add(association.value());
		}
	}

	/**
	 * {@link #load(OrgStore, ReadPoint, UnitScope)} of the line organisation, whole.
	 */
	public static OrgSnapshot load(OrgStore store, ReadPoint point) {
		return load(store, point, UnitScope.lineOrganisation());
	}

	/**
	 * Reads the organisation at {@code point} from the store: the units in {@code scope}
	 * (in {@link #tree()}; by default the line organisation), the MED organisation's
	 * units (in {@link #medUnits()}, also when the scope puts them in the tree) and the
	 * associations, persons, engagements, manager roles, addresses and classes valid
	 * there (one list read each, in pages of {@link Query#MAX_LIMIT}), plus the end dates
	 * of the units that end. What lies in an excluded subtree of the scope is left out:
	 * its units (also MED units), and the engagements, manager roles, associations and
	 * addresses placed in them; so are the engagements and manager roles of units valid
	 * at the date but outside the tree.
	 */
	public static OrgSnapshot load(OrgStore store, ReadPoint point, UnitScope scope) {
		Objects.requireNonNull(store, "store");
		Objects.requireNonNull(scope, "scope");
		Builder builder = builder(point);
		List<Versioned<OrgUnit>> all = all(store, Query.of(OrgUnit.class, point));
		List<OrgUnit> values = all.stream().map(Versioned::value).toList();
		Set<UUID> inTree = scope.included(values);
		Set<UUID> leftOut = new LinkedHashSet<>(scope.belowExcluded(values));
		List<Versioned<OrgUnit>> units = new ArrayList<>();
		for (Versioned<OrgUnit> unit : all) {
			UUID uuid = unit.value().uuid();
			if (inTree.contains(uuid)) {
				units.add(unit);
			}
			if (DefaultClasses.MED_ORGANISATION.equals(unit.value().hierarchy()) && !leftOut.contains(uuid)) {
				builder.medUnit(unit);
			}
		}
		builder.units(units);
		Set<UUID> notInTree = new LinkedHashSet<>();
		values.stream().map(OrgUnit::uuid).filter(u -> !inTree.contains(u)).forEach(notInTree::add);
		all(store, Query.of(Person.class, point)).forEach(v -> builder.person(v.value()));
		List<Versioned<Engagement>> engagements = all(store, Query.of(Engagement.class, point)).stream()
			.filter(v -> !notInTree.contains(v.value().unit()))
			.toList();
		builder.engagements(engagements);
		builder.managers(all(store, Query.of(Manager.class, point)).stream()
			.filter(v -> !notInTree.contains(v.value().unit()))
			.toList());
		builder.addresses(all(store, Query.of(Address.class, point)).stream()
			.filter(v -> !leftOut.contains(v.value().owner()))
			.toList());
		all(store, Query.of(Klasse.class, point)).forEach(v -> builder.klasse(v.value()));
		all(store, Query.of(Association.class, point)).stream()
			.filter(v -> !leftOut.contains(v.value().unit()))
			.forEach(builder::association);
		Set<UUID> valid = new LinkedHashSet<>();
		for (Versioned<OrgUnit> unit : units) {
			valid.add(unit.value().uuid());
			if (unit.validity().to() != null) {
				endOf(store, unit, point).ifPresent(end -> builder.unitEnd(unit.value().uuid(), end));
			}
		}
		for (Versioned<Engagement> engagement : engagements) {
			UUID unit = engagement.value().unit();
			if (unit != null && !valid.contains(unit) && !builder.unitsNotValid.containsKey(unit)) {
				builder.unitNotValid(unit, store.timeline(OrgUnit.class, unit, point.registeredAt()));
			}
		}
		return builder.build();
	}

	/**
	 * The last day + 1 of a unit's existence, following its later versions; empty when it
	 * goes on without end.
	 */
	private static Optional<LocalDate> endOf(OrgStore store, Versioned<OrgUnit> unit, ReadPoint point) {
		LocalDate to = unit.validity().to();
		while (to != null) {
			Optional<Versioned<OrgUnit>> next = store.get(OrgUnit.class, unit.value().uuid(), point.withAt(to));
			if (next.isEmpty()) {
				return Optional.of(to);
			}
			to = next.get().validity().to();
		}
		return Optional.empty();
	}

	private static <T extends OrgObject> List<Versioned<T>> all(OrgStore store, Query<T> query) {
		List<Versioned<T>> result = new ArrayList<>();
		int offset = 0;
		while (true) {
			Page<Versioned<T>> page = store.list(query.page(offset, Query.MAX_LIMIT));
			result.addAll(page.items());
			offset += page.items().size();
			if (page.items().isEmpty() || offset >= page.total()) {
				return result;
			}
		}
	}

	/** An empty snapshot to fill by hand (tests, or data from elsewhere). */
	public static Builder builder(ReadPoint point) {
		return new Builder(point);
	}

	public ReadPoint point() {
		return this.point;
	}

	public LocalDate at() {
		return this.point.at();
	}

	/** The unit tree at the date. */
	public OrgTree tree() {
		return this.tree;
	}

	/**
	 * A unit valid at the date given by its UUID or its user key (unit code); empty when
	 * there is none.
	 */
	public Optional<UUID> findUnit(String uuidOrUserKey) {
		if (uuidOrUserKey == null || uuidOrUserKey.isBlank()) {
			return Optional.empty();
		}
		String value = uuidOrUserKey.trim();
		try {
			UUID uuid = UUID.fromString(value);
			if (this.tree.contains(uuid)) {
				return Optional.of(uuid);
			}
		}
		catch (IllegalArgumentException ex) {
			// not a UUID: a user key
		}
		return Optional.ofNullable(this.unitsByUserKey.get(value));
	}

	public Optional<Person> person(UUID uuid) {
		return Optional.ofNullable(this.persons.get(uuid));
	}

	public Collection<Person> persons() {
		return this.persons.values();
	}

	/**
	 * The units of the MED organisation valid at the date, by user key (in
	 * {@link #tree()} only when the export's scope names the MED organisation).
	 */
	public List<OrgUnit> medUnits() {
		return this.medUnits.stream().map(Versioned::value).toList();
	}

	/**
	 * The MED organisation's units valid at the date with their validity, by user key.
	 */
	public List<Versioned<OrgUnit>> medUnitVersions() {
		return this.medUnits;
	}

	/** The associations valid at the date (line and MED units), by user key. */
	public List<Versioned<Association>> associations() {
		return this.associations;
	}

	/** The associations valid at the date with a unit (line or MED), by user key. */
	public List<Association> associationsOf(UUID unit) {
		return this.associationsByUnit.getOrDefault(unit, List.of());
	}

	/** Given name and surname of a person; {@code null} for {@code null}. */
	public static String fullName(Person person) {
		if (person == null) {
			return null;
		}
		String given = (person.givenName() != null) ? person.givenName() : "";
		String surname = (person.surname() != null) ? person.surname() : "";
		return (given + " " + surname).trim();
	}

	/** The engagements valid at the date, by employment number. */
	public List<Versioned<Engagement>> engagements() {
		return this.engagements;
	}

	/** A person's engagements valid at the date, by employment number. */
	public List<Engagement> engagementsOf(UUID person) {
		return this.engagementsByPerson.getOrDefault(person, List.of());
	}

	/** The manager roles valid at the date, by user key. */
	public List<Versioned<Manager>> managers() {
		return this.managers;
	}

	/** The manager roles of a unit (not inherited), vacant or not, by user key. */
	public List<Manager> managersOf(UUID unit) {
		return this.managersByUnit.getOrDefault(unit, List.of());
	}

	/** The addresses valid at the date, by user key. */
	public List<Versioned<Address>> addresses() {
		return this.addresses;
	}

	/** The addresses of an owner (unit, person or engagement), by user key. */
	public List<Address> addressesOf(UUID owner) {
		return this.addressesByOwner.getOrDefault(owner, List.of());
	}

	/**
	 * The work e-mail of an owner (person or engagement): the first of its addresses
	 * whose type has the e-mail scope and that is not secret, an address of the default
	 * {@code EMAIL} type before others; empty when it has none.
	 */
	public Optional<String> email(UUID owner) {
		String other = null;
		for (Address address : addressesOf(owner)) {
			if (!isEmail(address.addressType()) || SECRET.equals(address.visibility())) {
				continue;
			}
			if (EMAIL.equals(address.addressType())) {
				return Optional.ofNullable(address.value());
			}
			if (other == null) {
				other = address.value();
			}
		}
		return Optional.ofNullable(other);
	}

	private boolean isEmail(UUID addressType) {
		if (EMAIL.equals(addressType)) {
			return true;
		}
		Klasse type = this.classes.get(addressType);
		return type != null && AddressScope.EMAIL.name().equals(type.scope());
	}

	public Optional<Klasse> klasse(UUID uuid) {
		return (uuid != null) ? Optional.ofNullable(this.classes.get(uuid)) : Optional.empty();
	}

	/** A class's title (or user key when it has none); empty for {@code null}. */
	public String title(UUID klasse) {
		if (klasse == null) {
			return null;
		}
		Klasse k = this.classes.get(klasse);
		if (k == null) {
			return klasse.toString();
		}
		return (k.title() != null && !k.title().isBlank()) ? k.title() : k.userKey();
	}

	/**
	 * The day a unit valid at the date stops existing (exclusive end of its last
	 * version); empty when it goes on without end or is not valid at the date.
	 */
	public Optional<LocalDate> unitEnd(UUID unit) {
		return Optional.ofNullable(this.unitEnds.get(unit));
	}

	/**
	 * For a unit an engagement valid at the date refers to but that is not valid at the
	 * date itself: its timeline (empty when the unit is not known at all).
	 */
	public Optional<Timeline<OrgUnit>> unitNotValid(UUID unit) {
		return Optional.ofNullable(this.unitsNotValid.get(unit));
	}

	/** Fills an {@link OrgSnapshot}. */
	public static final class Builder {

		private final ReadPoint point;

		private final List<Versioned<OrgUnit>> units = new ArrayList<>();

		private final Map<UUID, Person> persons = new LinkedHashMap<>();

		private final List<Versioned<Engagement>> engagements = new ArrayList<>();

		private final List<Versioned<Manager>> managers = new ArrayList<>();

		private final List<Versioned<Address>> addresses = new ArrayList<>();

		private final Map<UUID, Klasse> classes = new HashMap<>();

		private final Map<UUID, LocalDate> unitEnds = new HashMap<>();

		private final Map<UUID, Timeline<OrgUnit>> unitsNotValid = new HashMap<>();

		private final List<Versioned<OrgUnit>> medUnits = new ArrayList<>();

		private final List<Versioned<Association>> associations = new ArrayList<>();

		private Builder(ReadPoint point) {
			this.point = Objects.requireNonNull(point, "point");
		}

		public Builder units(Collection<Versioned<OrgUnit>> units) {
			this.units.addAll(units);
			return this;
		}

		public Builder person(Person person) {
			this.persons.put(person.uuid(), person);
			return this;
		}

		/** Engagements valid at the date; kept in the order given. */
		public Builder engagements(Collection<Versioned<Engagement>> engagements) {
			this.engagements.addAll(engagements);
			return this;
		}

		/**
		 * Manager roles valid at the date; the first held role of a unit is its manager.
		 */
		public Builder managers(Collection<Versioned<Manager>> managers) {
			this.managers.addAll(managers);
			return this;
		}

		public Builder addresses(Collection<Versioned<Address>> addresses) {
			this.addresses.addAll(addresses);
			return this;
		}

		public Builder klasse(Klasse klasse) {
			this.classes.put(klasse.uuid(), klasse);
			return this;
		}

		public Builder unitEnd(UUID unit, LocalDate end) {
			this.unitEnds.put(unit, end);
			return this;
		}

		public Builder unitNotValid(UUID unit, Timeline<OrgUnit> timeline) {
			this.unitsNotValid.put(unit, Objects.requireNonNull(timeline, "timeline"));
			return this;
		}

		/** A unit of the MED organisation valid at the date. */
		public Builder medUnit(Versioned<OrgUnit> unit) {
			this.medUnits.add(unit);
			return this;
		}

		/** An association valid at the date. */
		public Builder association(Versioned<Association> association) {
			this.associations.add(association);
			return this;
		}

		public OrgSnapshot build() {
			return new OrgSnapshot(this);
		}

	}

}
