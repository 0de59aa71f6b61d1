package dk.orghub.adapters.exports.survey;

import dk.orghub.adapters.exports.Language;

/** The kinds of data-quality finding of a survey export. */
public enum FindingKind {

	/** Neither the unit nor any unit above it has a manager held by a person. */
	UNIT_WITHOUT_MANAGER(Severity.ERROR, "No manager in the unit or above it", "Ingen leder i enheden eller over den"),

	/**
	 * The unit's own manager role is vacant; the manager shown is the nearest one above.
	 */
	VACANT_MANAGER_ROLE(Severity.WARNING, "The unit's manager role is vacant; the manager above is shown",
			"Enhedens lederrolle er vakant; lederen ovenover vises"),

	/** The manager shown for one or more units has no work e-mail. */
	MANAGER_WITHOUT_EMAIL(Severity.WARNING, "Manager without e-mail", "Leder uden e-mail"),

	/** A respondent has no work e-mail (neither on the engagement nor the person). */
	EMPLOYEE_WITHOUT_EMAIL(Severity.WARNING, "Employee without e-mail", "Medarbejder uden e-mail"),

	/**
	 * An engagement valid at the date belongs to a unit that is not valid then (ended or
	 * not yet started); the store's rules normally prevent it.
	 */
	ENGAGEMENT_IN_ENDED_UNIT(Severity.ERROR, "Engagement in a unit that has ended",
			"Ansættelse i en enhed, der er nedlagt"),

	/** A respondent's unit has a registered end date after the export's date. */
	ENGAGEMENT_IN_CLOSING_UNIT(Severity.WARNING, "Engagement in a unit that is ending",
			"Ansættelse i en enhed, der nedlægges"),

	/**
	 * With one row per person: the person has no primary engagement at the date, so one
	 * was chosen (highest fraction, then lowest employment number).
	 */
	NO_PRIMARY_ENGAGEMENT(Severity.WARNING, "No primary engagement", "Ingen primær ansættelse"),

	/**
	 * Age band or sex were asked for, but the person's CPR number is missing or invalid.
	 */
	CPR_NOT_USABLE(Severity.WARNING, "CPR number missing or invalid: no age band or sex",
			"CPR-nummer mangler eller er ugyldigt: ingen aldersgruppe eller køn");

	private final Severity severity;

	private final String english;

	private final String danish;

	FindingKind(Severity severity, String english, String danish) {
		this.severity = severity;
		this.english = english;
		this.danish = danish;
	}

	public Severity severity() {
		return this.severity;
	}

	public String description(Language language) {
		return language.pick(this.english, this.danish);
	}

}
