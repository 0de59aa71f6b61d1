package dk.orghub.samples.municipality;

import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;

/**
 * The default classes the generator refers to.
 */
final class SampleClasses {

	static final UUID AFDELING = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling");

	static final UUID TEAM = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Team");

	static final UUID PUBLIC = DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "PUBLIC");

	static final UUID INTERNAL = DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "INTERNAL");

	static final UUID ANSVARLIG = DefaultClasses.classUuid(DefaultClasses.KLE_ASPECT, "Ansvarlig");

	static final UUID PERSONALEANSVAR = DefaultClasses.classUuid(DefaultClasses.RESPONSIBILITY, "Personaleansvar");

	static final UUID BUDGETANSVAR = DefaultClasses.classUuid(DefaultClasses.RESPONSIBILITY, "Budgetansvar");

	static final UUID MED_ANSVAR = DefaultClasses.classUuid(DefaultClasses.RESPONSIBILITY, "MED-ansvar");

	private SampleClasses() {
	}

	static UUID associationType(String userKey) {
		return DefaultClasses.classUuid(DefaultClasses.ASSOCIATION_TYPE, userKey);
	}

	static UUID unitLevel(String userKey) {
		return DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_LEVEL, userKey);
	}

	static UUID jobFunction(String userKey) {
		return DefaultClasses.classUuid(DefaultClasses.JOB_FUNCTION, userKey);
	}

	static UUID engagementType(String userKey) {
		return DefaultClasses.classUuid(DefaultClasses.ENGAGEMENT_TYPE, userKey);
	}

	static UUID managerType(String userKey) {
		return DefaultClasses.classUuid(DefaultClasses.MANAGER_TYPE, userKey);
	}

	static UUID managerLevel(String userKey) {
		return DefaultClasses.classUuid(DefaultClasses.MANAGER_LEVEL, userKey);
	}

	static UUID addressType(String userKey) {
		return DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, userKey);
	}

}
