package dk.orghub.adapters.exports.schedule;

import java.util.Locale;

/** What a scheduled export writes. */
public enum ExportKind {

	/** The survey list: units, respondents, data quality. */
	SURVEY,

	/** The organisation: units, engagements, managers, addresses. */
	ORGANISATION;

	public static ExportKind parse(String value) {
		if (value != null) {
			for (ExportKind kind : values()) {
				if (kind.name().equalsIgnoreCase(value.trim())) {
					return kind;
				}
			}
		}
		throw new IllegalArgumentException("kind must be survey or organisation, was " + value);
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
