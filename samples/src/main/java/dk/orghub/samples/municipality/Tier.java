package dk.orghub.samples.municipality;

/**
 * The levels of the generated unit tree, with the unit level class and the manager each
 * level has.
 */
enum Tier {

	/** The municipality itself (NY0). */
	MUNICIPALITY("NY0-niveau", "Direktør", "Niveau 1", "Direktør"),

	/** A forvaltning (NY1), the payout unit of everything below it. */
	DEPARTMENT("NY1-niveau", "Direktør", "Niveau 2", "Direktør"),

	/** An area of a forvaltning, such as Skoler (NY2). */
	AREA("NY2-niveau", "Chef", "Niveau 2", "Chef"),

	/** A district or section of an area (NY3). */
	GROUP("NY3-niveau", "Chef", "Niveau 3", "Chef"),

	/** A school, a kindergarten, a care home, an office (NY4). */
	INSTITUTION("NY4-niveau", "Leder", "Niveau 3", "Leder"),

	/** A team inside an institution. */
	TEAM("Afdelings-niveau", "Teamleder", "Niveau 4", "Leder");

	private final String unitLevel;

	private final String managerType;

	private final String managerLevel;

	private final String managerJobFunction;

	Tier(String unitLevel, String managerType, String managerLevel, String managerJobFunction) {
		this.unitLevel = unitLevel;
		this.managerType = managerType;
		this.managerLevel = managerLevel;
		this.managerJobFunction = managerJobFunction;
	}

	String unitLevel() {
		return this.unitLevel;
	}

	String managerType() {
		return this.managerType;
	}

	String managerLevel() {
		return this.managerLevel;
	}

	String managerJobFunction() {
		return this.managerJobFunction;
	}

}
