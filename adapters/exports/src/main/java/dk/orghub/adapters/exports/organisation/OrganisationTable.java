package dk.orghub.adapters.exports.organisation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The tables an organisation export can contain: the line organisation's units,
 * engagements, managers and addresses, the MED organisation's units ({@code med-units})
 * and the associations of both ({@code associations}).
 */
public enum OrganisationTable {

	UNITS, ENGAGEMENTS, MANAGERS, ADDRESSES, MED_UNITS, ASSOCIATIONS;

	/** The table key: {@code units}, {@code engagements}, ..., {@code med-units}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
				throw new IllegalArgumentException("unknown table '" + k
						+ "'; tables are units, engagements, managers, addresses, med-units, associations");
			}
			result.add(table);
		}
		return result;
	}

}
