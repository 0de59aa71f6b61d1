package dk.orghub.adapters.exports.survey;

import java.util.Locale;

/** How many respondent rows a person with several engagements gets. */
public enum RowMode {

	/**
	 * One row per engagement valid at the date (the default): a person with a side job in
	 * another unit answers for both units.
	 */
	PER_ENGAGEMENT,

	/**
	 * One row per person, in the unit of the person's primary engagement; in an export of
	 * a subtree, a person whose primary engagement lies outside it is left out.
	 */
	PER_PERSON;

	/**
	 * The mode named {@code per-engagement} or {@code per-person} (or the constant's
	 * name), in any case.
	 */
	public static RowMode parse(String value) {
		if (value != null) {
			String normalised = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
			for (RowMode mode : values()) {
				if (mode.name().equals(normalised)) {
					return mode;
				}
			}
		}
		throw new IllegalArgumentException("rows must be per-engagement or per-person, was " + value);
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
