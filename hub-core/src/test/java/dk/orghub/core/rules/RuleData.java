package dk.orghub.core.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;

/** Small canonical objects for the rule tests. */
final class RuleData {

	static final UUID NY1 = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_LEVEL, "NY1-niveau");

	static final UUID NY2 = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_LEVEL, "NY2-niveau");

	static final UUID AFDELINGS_NIVEAU = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_LEVEL, "Afdelings-niveau");

	static final UUID MAANEDSLOENNET = DefaultClasses.classUuid(DefaultClasses.ENGAGEMENT_TYPE, "Månedslønnet");

	static final UUID TIMELOENNET = DefaultClasses.classUuid(DefaultClasses.ENGAGEMENT_TYPE, "Timelønnet");

	static final UUID VIKAR = DefaultClasses.classUuid(DefaultClasses.ENGAGEMENT_TYPE, "Vikar");

	private RuleData() {
	}

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	static UUID id(String name) {
		return UUID.nameUUIDFromBytes(("rules-test:" + name).getBytes());
	}

	static OrgUnit unit(String key, UUID parent, UUID level) {
		return new OrgUnit(id("unit:" + key), key, "Unit " + key, parent,
				DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling"), level, null);
	}

	static OrgUnit withParent(OrgUnit unit, UUID parent) {
		return new OrgUnit(unit.uuid(), unit.userKey(), unit.name(), parent, unit.unitType(), unit.unitLevel(),
				unit.payoutUnit());
	}

	static Engagement engagement(String number, UUID person, UUID unit, UUID type, String fraction) {
		return new Engagement(id("engagement:" + number), number, person, unit,
				DefaultClasses.classUuid(DefaultClasses.JOB_FUNCTION, "Pædagog"), type,
				(fraction != null) ? new BigDecimal(fraction) : null, false);
	}

	static Manager manager(String key, UUID unit, UUID person) {
		return new Manager(id("manager:" + key), key, unit, person,
				DefaultClasses.classUuid(DefaultClasses.MANAGER_TYPE, "Leder"),
				DefaultClasses.classUuid(DefaultClasses.MANAGER_LEVEL, "Niveau 3"), List.of());
	}

}
