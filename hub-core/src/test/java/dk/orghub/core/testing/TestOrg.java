package dk.orghub.core.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Person;

/** Builders for small, realistic canonical objects in tests. */
public final class TestOrg {

	public static final LocalDate START = LocalDate.of(2020, 1, 1);

	private TestOrg() {
	}

	public static UUID klasse(String facet, String userKey) {
		return DefaultClasses.classUuid(facet, userKey);
	}

	public static OrgUnit unit(String userKey, String name, UUID parent) {
		return new OrgUnit(UUID.nameUUIDFromBytes(("test-unit:" + userKey).getBytes()), userKey, name, parent,
				klasse(DefaultClasses.ORG_UNIT_TYPE, "Afdeling"), klasse(DefaultClasses.ORG_UNIT_LEVEL, "NY1-niveau"),
				null);
	}

	/** A unit of the MED organisation covering the given line units. */
	public static OrgUnit medUnit(String userKey, String name, UUID parent, UUID... covers) {
		OrgUnit unit = unit(userKey, name, parent);
		return new OrgUnit(unit.uuid(), userKey, name, parent, unit.unitType(), null, null,
				DefaultClasses.MED_ORGANISATION, List.of(covers));
	}

	public static OrgUnit renamed(OrgUnit unit, String name) {
		return new OrgUnit(unit.uuid(), unit.userKey(), name, unit.parent(), unit.unitType(), unit.unitLevel(),
				unit.payoutUnit(), unit.hierarchy(), unit.covers());
	}

	public static OrgUnit moved(OrgUnit unit, UUID parent) {
		return new OrgUnit(unit.uuid(), unit.userKey(), unit.name(), parent, unit.unitType(), unit.unitLevel(),
				unit.payoutUnit(), unit.hierarchy(), unit.covers());
	}

	/** A person with a fictitious CPR number of valid format (born 1 May 1980). */
	public static Person person(String userKey, String givenName, String surname, String serial) {
		return new Person(UUID.nameUUIDFromBytes(("test-person:" + userKey).getBytes()), userKey, "010580" + serial,
				givenName, surname, null);
	}

	/** A person known to have no CPR number. */
	public static Person personWithoutCpr(String userKey, String givenName, String surname, String reason) {
		return new Person(UUID.nameUUIDFromBytes(("test-person:" + userKey).getBytes()), userKey, null, givenName,
				surname, null, reason);
	}

	/**
	 * A person's association of the given type (a class user key of association_type).
	 */
	public static Association association(String userKey, Person person, OrgUnit unit, String type) {
		return new Association(UUID.nameUUIDFromBytes(("test-association:" + userKey).getBytes()), userKey,
				person.uuid(), unit.uuid(), klasse(DefaultClasses.ASSOCIATION_TYPE, type),
				klasse(DefaultClasses.JOB_FUNCTION, "Konsulent"));
	}

	public static Engagement engagement(String employmentNumber, Person person, OrgUnit unit, boolean primary) {
		return new Engagement(UUID.nameUUIDFromBytes(("test-engagement:" + employmentNumber).getBytes()),
				employmentNumber, person.uuid(), unit.uuid(), klasse(DefaultClasses.JOB_FUNCTION, "Sygeplejerske"),
				klasse(DefaultClasses.ENGAGEMENT_TYPE, "Månedslønnet"), new BigDecimal("0.8"), primary);
	}

	public static Manager manager(String userKey, OrgUnit unit, Person person) {
		return new Manager(UUID.nameUUIDFromBytes(("test-manager:" + userKey).getBytes()), userKey, unit.uuid(),
				(person != null) ? person.uuid() : null, klasse(DefaultClasses.MANAGER_TYPE, "Leder"),
				klasse(DefaultClasses.MANAGER_LEVEL, "Niveau 2"),
				List.of(klasse(DefaultClasses.RESPONSIBILITY, "Personaleansvar")));
	}

	public static Address unitAddress(String userKey, OrgUnit unit, String addressType, String value) {
		return new Address(UUID.nameUUIDFromBytes(("test-address:" + userKey).getBytes()), userKey, unit.uuid(),
				OwnerKind.ORG_UNIT, klasse(DefaultClasses.ADDRESS_TYPE, addressType), value,
				klasse(DefaultClasses.VISIBILITY, "PUBLIC"));
	}

}
