package dk.orghub.adapters.exports.survey;

import dk.orghub.adapters.exports.Language;

/** How much a data-quality finding matters for a survey. */
public enum Severity {

	/** The list is wrong for someone until it is fixed. */
	ERROR,

	/** The list works, but someone will be missed or misplaced. */
	WARNING;

	public String label(Language language) {
		return (this == ERROR) ? language.pick("error", "fejl") : language.pick("warning", "advarsel");
	}

}
