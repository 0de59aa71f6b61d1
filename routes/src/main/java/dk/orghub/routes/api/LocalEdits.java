package dk.orghub.routes.api;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Actor.Kind;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.InvariantViolationException;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.store.Violation;
import dk.orghub.routes.api.EditRequests.AddressChange;
import dk.orghub.routes.api.EditRequests.AssociationChange;
import dk.orghub.routes.api.EditRequests.KleChange;
import dk.orghub.routes.api.EditRequests.NewAddress;
import dk.orghub.routes.api.EditRequests.NewAssociation;
import dk.orghub.routes.api.EditRequests.NewKle;
import dk.orghub.routes.api.EditRequests.NewManager;
import dk.orghub.routes.api.EditRequests.NewOrgUnit;
import dk.orghub.routes.api.EditRequests.NewPerson;
import dk.orghub.routes.api.EditRequests.OrgUnitChange;
import dk.orghub.routes.security.EditScope;
import dk.orghub.routes.sync.FieldOwners;

import org.springframework.stereotype.Service;

/**
 * The data payroll lacks, edited locally: addresses and KLE tasks of units, the
 * associations of persons payroll does not employ (with the person, when new), managers
 * of units payroll gives none, and units no source has (created, renamed, moved, ended;
 * of a source's unit, the fields the source does not hold, such as its payout unit). Each
 * edit is one change set by the user; the store validates it and rejects it whole. Who
 * may make it is decided by {@link EditScope} on the unit the edit touches as read here
 * (the owner of the address, the unit of the task or association in the store, not
 * anything in the request; for an association moved to another unit, both) at the first
 * day the edit holds. An object a source delivered is the source's: changing or ending it
 * here is refused (the source would put it back).
 */
@Service
class LocalEdits {

	/** The store's rule that a CPR number is held by one person. */
	private static final String UNIQUE_CPR = "unique-cpr";

	private final OrgStore store;

	private final ClassResolver classes;

	private final ObjectReader reader;

	private final EditScope scope;

	private final FieldOwners owners;

	private final Clock clock;

	LocalEdits(OrgStore store, ClassResolver classes, ObjectReader reader, EditScope scope, FieldOwners owners,
			Clock clock) {
		this.store = store;
		this.owners = owners;
		this.classes = classes;
		this.reader = reader;
		this.scope = scope;
		this.clock = clock;
	}

	Versioned<Address> createAddress(UUID unitUuid, NewAddress request, Actor actor) {
		Start start = start(request.validFrom(), request.validTo(), unitUuid);
		Klasse type = this.classes.klasse(DefaultClasses.ADDRESS_TYPE, request.addressType(), "addressType",
				start.point());
		UUID visibility = visibility(request.visibility(), start.point());
		String userKey = (request.userKey() != null) ? request.userKey()
				: start.unit().userKey() + "-" + type.userKey();
		Address address = new Address(UUID.randomUUID(), userKey, unitUuid, OwnerKind.ORG_UNIT, type.uuid(),
				request.value(), visibility);
		return putAndRead(actor, "new " + type.userKey() + " address of unit " + start.unit().userKey(), Address.class,
				address, start.validity(), start.from());
	}

	Versioned<Address> changeAddress(UUID uuid, AddressChange request, Actor actor) {
		Change<Address> change = change(unitAddress(uuid), request.validFrom(), request.validTo(), "address");
		this.scope.check(change.from(), change.current().owner());
		local(Address.class, uuid, "address");
		UUID type = (request.addressType() != null)
				? this.classes.klasse(DefaultClasses.ADDRESS_TYPE, request.addressType(), "addressType", change.point())
					.uuid()
				: change.current().addressType();
		UUID visibility = (request.visibility() != null) ? visibility(request.visibility(), change.point())
				: change.current().visibility();
		Address changed = new Address(uuid, change.current().userKey(), change.current().owner(),
				change.current().ownerKind(), type, request.value(), visibility);
		return putAndRead(actor, "address " + change.current().userKey() + " changed from " + change.from(),
				Address.class, changed, change.validity(), change.from());
	}

	void endAddress(UUID uuid, LocalDate date, Actor actor) {
		Address address = unitAddress(uuid).latest().orElseThrow();
		this.scope.check(date, address.owner());
		local(Address.class, uuid, "address");
		applyEnd(actor, ObjectType.ADDRESS, uuid, "address " + address.userKey(), date);
	}

	Versioned<Kle> createKle(UUID unitUuid, NewKle request, Actor actor) {
		Start start = start(request.validFrom(), request.validTo(), unitUuid);
		Klasse aspect = this.classes.klasse(DefaultClasses.KLE_ASPECT, request.aspect(), "aspect", start.point());
		String userKey = (request.userKey() != null) ? request.userKey()
				: start.unit().userKey() + "-" + request.kleNumber() + "-" + aspect.userKey();
		Kle kle = new Kle(UUID.randomUUID(), userKey, unitUuid, request.kleNumber(), aspect.uuid());
		return putAndRead(actor, "new KLE " + request.kleNumber() + " of unit " + start.unit().userKey(), Kle.class,
				kle, start.validity(), start.from());
	}

	Versioned<Kle> changeKle(UUID uuid, KleChange request, Actor actor) {
		Change<Kle> change = change(existing(Kle.class, uuid), request.validFrom(), request.validTo(), "KLE task");
		this.scope.check(change.from(), change.current().unit());
		local(Kle.class, uuid, "KLE task");
		UUID aspect = (request.aspect() != null)
				? this.classes.klasse(DefaultClasses.KLE_ASPECT, request.aspect(), "aspect", change.point()).uuid()
				: change.current().aspect();
		String number = (request.kleNumber() != null) ? request.kleNumber() : change.current().kleNumber();
		Kle changed = new Kle(uuid, change.current().userKey(), change.current().unit(), number, aspect);
		return putAndRead(actor, "KLE task " + change.current().userKey() + " changed from " + change.from(), Kle.class,
				changed, change.validity(), change.from());
	}

	void endKle(UUID uuid, LocalDate date, Actor actor) {
		Kle kle = existing(Kle.class, uuid).latest().orElseThrow();
		this.scope.check(date, kle.unit());
		local(Kle.class, uuid, "KLE task");
		applyEnd(actor, ObjectType.KLE, uuid, "KLE task " + kle.userKey(), date);
	}

	Versioned<Association> createAssociation(NewAssociation request, Actor actor) {
		Start start = start(request.validFrom(), request.validTo(), request.unit());
		Klasse type = this.classes.klasse(DefaultClasses.ASSOCIATION_TYPE, request.associationType(), "associationType",
				start.point());
		UUID jobFunction = jobFunction(request.jobFunction(), start.point());
		ChangeSet.Builder changes = ChangeSet.by(actor);
		Person person;
		if ((request.person() == null) == (request.newPerson() == null)) {
			throw new BadParameterException("person", "give either person (an existing one) or newPerson");
		}
		if (request.person() != null) {
			person = this.reader.find(Person.class, request.person(), start.point()).value();
		}
		else {
			person = newPerson(request.newPerson());
			changes.put(person, Validity.from(start.from()));
		}
		UUID uuid = UUID.randomUUID();
		String userKey = (request.userKey() != null) ? request.userKey()
				: start.unit().userKey() + "-" + type.userKey() + "-" + uuid.toString().substring(0, 8);
		Association association = new Association(uuid, userKey, person.uuid(), start.unit().uuid(), type.uuid(),
				jobFunction);
		changes
			.note("new " + type.userKey() + " association " + userKey + " of unit " + start.unit().userKey()
					+ ((request.newPerson() != null) ? " with a new person" : ""))
			.put(association, start.validity());
		try {
			return readBack(Association.class, uuid, start.from(), this.store.apply(changes.build()));
		}
		catch (InvariantViolationException ex) {
			for (Violation violation : ex.violations()) {
				if (UNIQUE_CPR.equals(violation.rule())) {
					throw new ConflictException("newPerson.cpr: the new person is " + violation.message()
							+ "; give that person as person instead of newPerson");
				}
			}
			throw ex;
		}
	}

	Versioned<Association> changeAssociation(UUID uuid, AssociationChange request, Actor actor) {
		Change<Association> change = change(existing(Association.class, uuid), request.validFrom(), request.validTo(),
				"association");
		UUID unit = (request.unit() != null) ? unitAt(request.unit(), change.point()).uuid() : change.current().unit();
		this.scope.check(change.from(), change.current().unit(), unit);
		local(Association.class, uuid, "association");
		UUID type = (request.associationType() != null) ? this.classes
			.klasse(DefaultClasses.ASSOCIATION_TYPE, request.associationType(), "associationType", change.point())
			.uuid() : change.current().associationType();
		UUID jobFunction = (request.jobFunction() != null) ? jobFunction(request.jobFunction(), change.point())
				: change.current().jobFunction();
		Association changed = new Association(uuid, change.current().userKey(), change.current().person(), unit, type,
				jobFunction);
		return putAndRead(actor, "association " + change.current().userKey() + " changed from " + change.from(),
				Association.class, changed, change.validity(), change.from());
	}

	void endAssociation(UUID uuid, LocalDate date, Actor actor) {
		Association association = existing(Association.class, uuid).latest().orElseThrow();
		this.scope.check(date, association.unit());
		local(Association.class, uuid, "association");
		applyEnd(actor, ObjectType.ASSOCIATION, uuid, "association " + association.userKey(), date);
	}

	Versioned<OrgUnit> createUnit(NewOrgUnit request, Actor actor) {
		Start start = start(request.validFrom(), request.validTo(), request.parent());
		UUID type = this.classes.klasse(DefaultClasses.ORG_UNIT_TYPE, request.unitType(), "unitType", start.point())
			.uuid();
		UUID level = optionalClass(DefaultClasses.ORG_UNIT_LEVEL, request.unitLevel(), "unitLevel", start.point());
		UUID payout = (request.payoutUnit() != null) ? unitAt(request.payoutUnit(), start.point()).uuid() : null;
		UUID uuid = UUID.randomUUID();
		String userKey = (request.userKey() != null) ? request.userKey()
				: start.unit().userKey() + "-" + uuid.toString().substring(0, 8);
		OrgUnit unit = new OrgUnit(uuid, userKey, request.name().strip(), start.unit().uuid(), type, level, payout,
				start.unit().hierarchy(), List.of());
		return putAndRead(actor, "new unit " + userKey + " under " + start.unit().userKey(), OrgUnit.class, unit,
				start.validity(), start.from());
	}

	/**
	 * A new name, parent, type, level or payout unit from a date. A move needs the unit,
	 * its old parent and the new one in the editor's units; a field a source holds is
	 * refused (409).
	 */
	Versioned<OrgUnit> changeUnit(UUID uuid, OrgUnitChange request, Actor actor) {
		Change<OrgUnit> change = change(existing(OrgUnit.class, uuid), request.validFrom(), request.validTo(), "unit");
		UUID parent = (request.parent() != null) ? unitAt(request.parent(), change.point()).uuid()
				: change.current().parent();
		List<UUID> touched = new ArrayList<>(List.of(uuid));
		if (!Objects.equals(parent, change.current().parent())) {
			Stream.of(change.current().parent(), parent).filter(Objects::nonNull).forEach(touched::add);
		}
		this.scope.check(change.from(), touched.toArray(UUID[]::new));
		String name = (request.name() != null && !request.name().isBlank()) ? request.name().strip()
				: change.current().name();
		UUID type = (request.unitType() != null)
				? this.classes.klasse(DefaultClasses.ORG_UNIT_TYPE, request.unitType(), "unitType", change.point())
					.uuid()
				: change.current().unitType();
		UUID level = (request.unitLevel() != null)
				? optionalClass(DefaultClasses.ORG_UNIT_LEVEL, request.unitLevel(), "unitLevel", change.point())
				: change.current().unitLevel();
		UUID payout = request.noPayoutUnit() ? null : (request.payoutUnit() != null)
				? unitAt(request.payoutUnit(), change.point()).uuid() : change.current().payoutUnit();
		OrgUnit changed = new OrgUnit(uuid, change.current().userKey(), name, parent, type, level, payout,
				change.current().hierarchy(), change.current().covers());
		refuseHeldFields(change.current(), changed);
		return putAndRead(actor, "unit " + change.current().userKey() + " changed from " + change.from(), OrgUnit.class,
				changed, change.validity(), change.from());
	}

	/** Ends a unit no source has; the store refuses it while units or roles need it. */
	void endUnit(UUID uuid, LocalDate date, Actor actor) {
		OrgUnit unit = existing(OrgUnit.class, uuid).latest().orElseThrow();
		this.scope.check(date, uuid);
		List<String> sources = this.owners.sources(unit);
		if (!sources.isEmpty()) {
			throw new ConflictException("The unit " + unit.userKey() + " comes from the source " + sources.get(0)
					+ ", which decides when it ends: end it there");
		}
		applyEnd(actor, ObjectType.ORG_UNIT, uuid, "unit " + unit.userKey(), date);
	}

	/**
	 * A manager of a unit that has no manager from a source on the first day the role
	 * holds (payroll's managers are payroll's).
	 */
	Versioned<Manager> createManager(NewManager request, Actor actor) {
		Start start = start(request.validFrom(), request.validTo(), request.unit());
		for (Versioned<Manager> existing : this.store
			.list(Query.of(Manager.class, start.point()).where("unit", start.unit().uuid()))
			.items()) {
			List<String> sources = this.owners.sources(existing.value());
			if (!sources.isEmpty()) {
				throw new ConflictException(
						"The unit " + start.unit().userKey() + " has a manager from the source " + sources.get(0)
								+ " on " + start.from() + ": managers are added here only to units it gives none");
			}
		}
		Person person = this.reader.find(Person.class, request.person(), start.point()).value();
		UUID type = this.classes
			.klasse(DefaultClasses.MANAGER_TYPE, request.managerType(), "managerType", start.point())
			.uuid();
		UUID level = optionalClass(DefaultClasses.MANAGER_LEVEL, request.managerLevel(), "managerLevel", start.point());
		UUID uuid = UUID.randomUUID();
		String userKey = (request.userKey() != null) ? request.userKey()
				: start.unit().userKey() + "-manager-" + uuid.toString().substring(0, 8);
		Manager manager = new Manager(uuid, userKey, start.unit().uuid(), person.uuid(), type, level, List.of());
		return putAndRead(actor, "new manager " + userKey + " of unit " + start.unit().userKey(), Manager.class,
				manager, start.validity(), start.from());
	}

	void endManager(UUID uuid, LocalDate date, Actor actor) {
		Manager manager = existing(Manager.class, uuid).latest().orElseThrow();
		this.scope.check(date, manager.unit());
		local(Manager.class, uuid, "manager role");
		applyEnd(actor, ObjectType.MANAGER, uuid, "manager " + manager.userKey(), date);
	}

	/** Stores one new version as one change set and reads it back at {@code at}. */
	private <T extends OrgObject> Versioned<T> putAndRead(Actor actor, String note, Class<T> type, T value,
			Validity validity, LocalDate at) {
		ChangeSet changes = ChangeSet.by(actor).note(note).put(value, validity).build();
		return readBack(type, value.uuid(), at, this.store.apply(changes));
	}

	private void applyEnd(Actor actor, ObjectType type, UUID uuid, String what, LocalDate date) {
		this.store.apply(ChangeSet.by(actor).note(what + " ended from " + date).end(type, uuid, date).build());
	}

	/** Refuses a change of a field a source holds (it would put its value back). */
	private void refuseHeldFields(OrgUnit current, OrgUnit changed) {
		Map<String, String> held = this.owners.fields(current);
		for (RecordComponent component : OrgUnit.class.getRecordComponents()) {
			String field = component.getName();
			if (held.containsKey(field) && !Objects.equals(value(component, current), value(component, changed))) {
				throw new ConflictException("The field " + field + " of the unit " + current.userKey()
						+ " comes from the source " + held.get(field) + ", which holds it: change it there");
			}
		}
	}

	private static Object value(RecordComponent component, OrgUnit unit) {
		try {
			return component.getAccessor().invoke(unit);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private UUID optionalClass(String facet, String reference, String parameter, ReadPoint point) {
		return (reference != null && !reference.isBlank())
				? this.classes.klasse(facet, reference, parameter, point).uuid() : null;
	}

	/**
	 * A new person with a random UUID: with a CPR number (stored as ten digits), or
	 * marked with the reason there is none.
	 */
	private static Person newPerson(NewPerson request) {
		String cpr = (request.cpr() != null && !request.cpr().isBlank()) ? Cpr.normalise(request.cpr()) : null;
		String reason = (request.noCprReason() != null && !request.noCprReason().isBlank())
				? request.noCprReason().trim() : null;
		if (cpr == null && reason == null) {
			throw new BadParameterException("newPerson.noCprReason", "a person without a CPR number needs a reason");
		}
		UUID uuid = UUID.randomUUID();
		String userKey = (request.userKey() != null) ? request.userKey() : uuid.toString();
		return new Person(uuid, userKey, cpr, request.givenName(), request.surname(), null, reason);
	}

	private UUID jobFunction(String reference, ReadPoint point) {
		return (reference != null)
				? this.classes.klasse(DefaultClasses.JOB_FUNCTION, reference, "jobFunction", point).uuid() : null;
	}

	private OrgUnit unitAt(UUID unit, ReadPoint point) {
		return this.reader.find(OrgUnit.class, unit, point).value();
	}

	private UUID visibility(String reference, ReadPoint point) {
		return (reference != null)
				? this.classes.klasse(DefaultClasses.VISIBILITY, reference, "visibility", point).uuid() : null;
	}

	/**
	 * An address of a unit; addresses of persons and engagements come from their sources.
	 */
	private Timeline<Address> unitAddress(UUID uuid) {
		Timeline<Address> timeline = existing(Address.class, uuid);
		for (Segment<Address> segment : timeline.segments()) {
			if (segment.value().ownerKind() != OwnerKind.ORG_UNIT) {
				throw new ConflictException("The address " + uuid + " belongs to a "
						+ segment.value().ownerKind().name().toLowerCase().replace('_', ' ')
						+ "; only addresses of units are edited here");
			}
		}
		return timeline;
	}

	/**
	 * Refuses a change of an object a source delivered: it was first registered by a
	 * source, which owns it and would put it back at its next run.
	 */
	private void local(Class<? extends OrgObject> type, UUID uuid, String what) {
		Actor first = this.store.history(type, uuid).get(0).registration().actor();
		if (first.kind() == Kind.SOURCE) {
			throw new ConflictException("The " + what + " " + uuid + " comes from the source " + first.name()
					+ ", which owns it: change it there");
		}
	}

	private <T extends OrgObject> Timeline<T> existing(Class<T> type, UUID uuid) {
		Timeline<T> timeline = this.store.timeline(type, uuid, ReadPoint.of(null, null, this.clock).registeredAt());
		if (timeline.isEmpty()) {
			throw new NotFoundException("There is no " + ObjectReader.name(type) + " " + uuid);
		}
		return timeline;
	}

	private <T extends OrgObject> Versioned<T> readBack(Class<T> type, UUID uuid, LocalDate at, ApplyResult result) {
		ReadPoint point = (result.registration() != null) ? new ReadPoint(at, result.registration().time())
				: ReadPoint.of(at, null, this.clock);
		return this.reader.find(type, uuid, point);
	}

	/**
	 * The first day, validity and read point of a new object of a unit, with the unit at
	 * that day, once the logged-in user may edit it then.
	 */
	private Start start(LocalDate validFrom, LocalDate validTo, UUID unitUuid) {
		LocalDate from = fromOrToday(validFrom);
		Validity validity = Periods.of(from, validTo);
		ReadPoint point = ReadPoint.of(from, null, this.clock);
		OrgUnit unit = unitAt(unitUuid, point);
		this.scope.check(from, unit.uuid());
		return new Start(from, validity, point, unit);
	}

	/**
	 * The first day, validity and read point of a new value of an existing object, with
	 * the value it replaces; the validity ends where the object's does unless
	 * {@code validTo} is given.
	 */
	private <T extends OrgObject> Change<T> change(Timeline<T> timeline, LocalDate validFrom, LocalDate validTo,
			String what) {
		LocalDate from = fromOrToday(validFrom);
		Validity validity = Periods.change(timeline, from, validTo, what);
		return new Change<>(from, validity, ReadPoint.of(from, null, this.clock), timeline.at(from).orElseThrow());
	}

	private record Change<T extends OrgObject>(LocalDate from, Validity validity, ReadPoint point, T current) {

	}

	private record Start(LocalDate from, Validity validity, ReadPoint point, OrgUnit unit) {

	}

	private LocalDate fromOrToday(LocalDate from) {
		return (from != null) ? from : ReadPoint.today(this.clock);
	}

}
