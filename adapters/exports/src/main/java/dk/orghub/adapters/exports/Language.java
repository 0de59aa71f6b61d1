package dk.orghub.adapters.exports;

import java.util.Locale;

/**
 * The language of sheet names, column headers and the few words an export writes (yes,
 * no, male, female). The data itself (names, units) is written as stored.
 */
public enum Language {

	/** English (the default). */
	EN,

	/** Danish, for survey tools and spreadsheets that expect Danish headers. */
	DA;

	/**
	 * The language of code {@code en} or {@code da}, in any case.
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static Language parse(String value) {
		if (value != null) {
			for (Language language : values()) {
				if (language.name().equalsIgnoreCase(value.trim())) {
					return language;
				}
			}
		}
		throw new IllegalArgumentException("language must be en or da, was " + value);
	}

	/** One of two texts: the English or the Danish. */
	public String pick(String english, String danish) {
		return (this == DA) ? danish : english;
	}

	public String yesNo(boolean value) {
		return value ? pick("yes", "ja") : pick("no", "nej");
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
