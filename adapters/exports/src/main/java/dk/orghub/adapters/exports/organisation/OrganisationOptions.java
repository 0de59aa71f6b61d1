package dk.orghub.adapters.exports.organisation;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import dk.orghub.adapters.exports.Language;

/**
 * What an organisation export contains.
 *
 * @param tables the tables, at least one; all by default
 * @param includeSecretAddresses whether addresses of visibility SECRET are exported; off
 * by default
 * @param language of sheet names, headers and labels
 */
public record OrganisationOptions(Set<OrganisationTable> tables, boolean includeSecretAddresses, Language language) {

	public OrganisationOptions {
		if (tables == null || tables.isEmpty()) {
			throw new IllegalArgumentException("an organisation export needs at least one table");
		}
		tables = Set.copyOf(EnumSet.copyOf(tables));
		Objects.requireNonNull(language, "language");
	}

	/** Every table, no secret addresses, English. */
	public static OrganisationOptions defaults() {
		return new OrganisationOptions(EnumSet.allOf(OrganisationTable.class), false, Language.EN);
	}

	public OrganisationOptions withTables(Set<OrganisationTable> tables) {
		return new OrganisationOptions(tables, this.includeSecretAddresses, this.language);
	}

	public OrganisationOptions withLanguage(Language language) {
		return new OrganisationOptions(this.tables, this.includeSecretAddresses, language);
	}

	public OrganisationOptions withSecretAddresses(boolean include) {
		return new OrganisationOptions(this.tables, include, this.language);
	}

}
