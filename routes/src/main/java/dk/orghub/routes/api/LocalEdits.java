package dk.orghub.routes.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Actor.Kind;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.routes.api.EditRequests.AddressChange;
import dk.orghub.routes.api.EditRequests.KleChange;
import dk.orghub.routes.api.EditRequests.NewAddress;
import dk.orghub.routes.api.EditRequests.NewKle;
import dk.orghub.routes.security.EditScope;

import org.springframework.stereotype.Service;

/**
 * The data payroll lacks, edited locally: addresses and KLE tasks of units. Each edit is
 * one change set by the user; the store validates it and rejects it whole. Who may make
 * it is decided by {@link EditScope} on the unit the edit touches as read here (the owner
 * of the address or the unit of the task in the store, not anything in the request) at
 * the first day the edit holds. An address or task a source delivered is the source's:
 * changing or ending it here is refused (the source would put it back).
 */
@Service
class LocalEdits {

	private final OrgStore store;

	private final ClassResolver classes;

	private final ObjectReader reader;

	private final EditScope scope;

	private final Clock clock;

	LocalEdits(OrgStore store, ClassResolver classes, ObjectReader reader, EditScope scope, Clock clock) {
		this.store = store;
		this.classes = classes;
		this.reader = reader;
		this.scope = scope;
		this.clock = clock;
	}

	Versioned<Address> createAddress(UUID unitUuid, NewAddress request, Actor actor) {
		LocalDate from = fromOrToday(request.validFrom());
		Validity validity = Periods.of(from, request.validTo());
		ReadPoint point = ReadPoint.of(from, null, this.clock);
		OrgUnit unit = unitAt(unitUuid, point);
		this.scope.check(from, unit.uuid());
		Klasse type = this.classes.klasse(DefaultClasses.ADDRESS_TYPE, request.addressType(), "addressType", point);
		UUID visibility = visibility(request.visibility(), point);
		String userKey = (request.userKey() != null) ? request.userKey() : unit.userKey() + "-" + type.userKey();
		Address address = new Address(UUID.randomUUID(), userKey, unitUuid, OwnerKind.ORG_UNIT, type.uuid(),
				request.value(), visibility);
		ChangeSet changes = ChangeSet.by(actor)
			.note("new " + type.userKey() + " address of unit " + unit.userKey())
			.put(address, validity)
			.build();
		return readBack(Address.class, address.uuid(), from, this.store.apply(changes));
	}

	Versioned<Address> changeAddress(UUID uuid, AddressChange request, Actor actor) {
		Timeline<Address> timeline = unitAddress(uuid);
		LocalDate from = fromOrToday(request.validFrom());
		Validity validity = Periods.change(timeline, from, request.validTo(), "address");
		ReadPoint point = ReadPoint.of(from, null, this.clock);
		Address current = timeline.at(from).orElseThrow();
		this.scope.check(from, current.owner());
		local(Address.class, uuid, "address");
		UUID type = (request.addressType() != null)
				? this.classes.klasse(DefaultClasses.ADDRESS_TYPE, request.addressType(), "addressType", point).uuid()
				: current.addressType();
		UUID visibility = (request.visibility() != null) ? visibility(request.visibility(), point)
				: current.visibility();
		Address changed = new Address(uuid, current.userKey(), current.owner(), current.ownerKind(), type,
				request.value(), visibility);
		ChangeSet changes = ChangeSet.by(actor)
			.note("address " + current.userKey() + " changed from " + from)
			.put(changed, validity)
			.build();
		return readBack(Address.class, uuid, from, this.store.apply(changes));
	}

	void endAddress(UUID uuid, LocalDate date, Actor actor) {
		Address address = unitAddress(uuid).latest().orElseThrow();
		this.scope.check(date, address.owner());
		local(Address.class, uuid, "address");
		this.store.apply(ChangeSet.by(actor)
			.note("address " + address.userKey() + " ended from " + date)
			.end(ObjectType.ADDRESS, uuid, date)
			.build());
	}

	Versioned<Kle> createKle(UUID unitUuid, NewKle request, Actor actor) {
		LocalDate from = fromOrToday(request.validFrom());
		Validity validity = Periods.of(from, request.validTo());
		ReadPoint point = ReadPoint.of(from, null, this.clock);
		OrgUnit unit = unitAt(unitUuid, point);
		this.scope.check(from, unit.uuid());
		Klasse aspect = this.classes.klasse(DefaultClasses.KLE_ASPECT, request.aspect(), "aspect", point);
		String userKey = (request.userKey() != null) ? request.userKey()
				: unit.userKey() + "-" + request.kleNumber() + "-" + aspect.userKey();
		Kle kle = new Kle(UUID.randomUUID(), userKey, unitUuid, request.kleNumber(), aspect.uuid());
		ChangeSet changes = ChangeSet.by(actor)
			.note("new KLE " + request.kleNumber() + " of unit " + unit.userKey())
			.put(kle, validity)
			.build();
		return readBack(Kle.class, kle.uuid(), from, this.store.apply(changes));
	}

	Versioned<Kle> changeKle(UUID uuid, KleChange request, Actor actor) {
		Timeline<Kle> timeline = existing(Kle.class, uuid);
		LocalDate from = fromOrToday(request.validFrom());
		Validity validity = Periods.change(timeline, from, request.validTo(), "KLE task");
		ReadPoint point = ReadPoint.of(from, null, this.clock);
		Kle current = timeline.at(from).orElseThrow();
		this.scope.check(from, current.unit());
		local(Kle.class, uuid, "KLE task");
		UUID aspect = (request.aspect() != null)
				? this.classes.klasse(DefaultClasses.KLE_ASPECT, request.aspect(), "aspect", point).uuid()
				: current.aspect();
		String number = (request.kleNumber() != null) ? request.kleNumber() : current.kleNumber();
		Kle changed = new Kle(uuid, current.userKey(), current.unit(), number, aspect);
		ChangeSet changes = ChangeSet.by(actor)
			.note("KLE task " + current.userKey() + " changed from " + from)
			.put(changed, validity)
			.build();
		return readBack(Kle.class, uuid, from, this.store.apply(changes));
	}

	void endKle(UUID uuid, LocalDate date, Actor actor) {
		Kle kle = existing(Kle.class, uuid).latest().orElseThrow();
		this.scope.check(date, kle.unit());
		local(Kle.class, uuid, "KLE task");
		this.store.apply(ChangeSet.by(actor)
			.note("KLE task " + kle.userKey() + " ended from " + date)
			.end(ObjectType.KLE, uuid, date)
			.build());
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

	private LocalDate fromOrToday(LocalDate from) {
		return (from != null) ? from : ReadPoint.today(this.clock);
	}

}
