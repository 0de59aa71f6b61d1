package dk.orghub.adapters.exports.survey;

import dk.orghub.adapters.exports.Language;

/** Sex as the CPR number tells it: the last digit is odd for men, even for women. */
public enum Sex {

	MALE, FEMALE;

	public String label(Language language) {
		return (this == MALE) ? language.pick("male", "mand") : language.pick("female", "kvinde");
	}

}
