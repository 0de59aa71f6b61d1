package dk.orghub.adapters.exports.organisation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The tables an organisation export can contain. */
public enum OrganisationTable {

	UNITS, ENGAGEMENTS, MANAGERS, ADDRESSES;

	/** The table key: {@code units}, {@code engagements}, ... */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Tables from a comma-separated list of keys ({@code units,managers}); all tables for
	 * {@code null} or blank.
	 * @throws IllegalArgumentException naming the keys there are
	 */
	public static Set<OrganisationTable> parse(String keys) {
		if (keys == null || keys.isBlank()) {
			return EnumSet.allOf(OrganisationTable.class);
		}
		Set<OrganisationTable> result = EnumSet.noneOf(OrganisationTable.class);
		for (String key : keys.split(",")) {
			String k = key.trim();
			if (k.isEmpty()) {
				continue;
			}
			OrganisationTable table = null;
			for (OrganisationTable candidate : values()) {
				if (candidate.key().equalsIgnoreCase(k)) {
					table = candidate;
				}
			}
			if (table == null) {
				throw new IllegalArgumentException(
						"unknown table '" + k + "'; tables are units, engagements, managers, addresses");
			}
			result.add(table);
		}
		return result;
	}

}
