package dk.orghub.adapters.opus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.orghub.core.rules.ManagerRule;
import dk.orghub.core.spi.AdapterConfigurationException;
import dk.orghub.core.spi.SourceRules;

/**
 * Configuration of the OPUS source ({@code hub.sources.opus.*}).
 *
 * @param sourceName the source's name in registrations and identity bindings; default
 * {@code opus}
 * @param municipalityKey the municipality's CVR number or another stable key; unit UUIDs
 * are derived from it and the OPUS unit id, so it must never change (required)
 * @param inbox the folder dumps are dropped in; {@code done/} and {@code error/} are
 * created beside them (required for {@link OpusInbox})
 * @param dumpFile the dump {@link OpusAdapter} reads as its snapshot (required for it)
 * @param engagementTypeOrder engagement type names (workContractText) in order of
 * preference for the primary engagement; default Månedslønnet, Timelønnet, Vikar,
 * Fleksjob, Elev
 * @param unitLevels orgType code to unit level class (e.g. {@code NY3 -> NY3-niveau});
 * default NY0..NY6 and {@code AFD -> Afdelings-niveau}
 * @param defaultUnitType the unit type when orgTypeTxt is empty; default {@code Afdeling}
 * @param managerType the manager type class of managers from isManager; default
 * {@code Leder}
 * @param managerEnds what happens to a manager role when its holder's last employment
 * ends; default {@code END}
 * @param excludedUnits OPUS unit ids whose subtrees are left out (e.g. closed units)
 * @param primaryRule how a person's primary engagement is chosen; default
 * {@link PrimaryRule#ENGAGEMENT_TYPE_ORDER}
 * @param contacts which contact data of the employee records are imported; default
 * {@link Contacts#DEFAULT}
 */
public record OpusConfig(String sourceName, String municipalityKey, Path inbox, Path dumpFile,
		List<String> engagementTypeOrder, Map<String, String> unitLevels, String defaultUnitType, String managerType,
		ManagerRule.WhenEmploymentEnds managerEnds, Set<String> excludedUnits, PrimaryRule primaryRule,
		Contacts contacts) {

	/** How the primary engagement of a person with several is chosen. */
	public enum PrimaryRule {

		/**
		 * The engagement type earliest in {@code engagementTypeOrder}, then the lowest
		 * employment number (as OS2MO's OPUS import does).
		 */
		ENGAGEMENT_TYPE_ORDER,
		/** The highest occupation rate, then the lowest employment number. */
		HIGHEST_FRACTION

	}

	/**
	 * Contact data of the employee records, each owned by this source.
	 *
	 * @param email {@code <email>} as the person's e-mail address (type EMAIL, public)
	 * @param workPhone {@code <workPhone>} as the person's phone (type PHONE, public)
	 * @param userId {@code <userId>} as an IT user of the IT system {@code itSystem}
	 * @param homeAddress {@code <address>}, {@code <postalCode>} and {@code <city>} as
	 * the person's postal address (type POSTAL, secret); never when OPUS marks it
	 * protected
	 * @param itSystem the IT system class (user key) of the IT users
	 */
	public record Contacts(boolean email, boolean workPhone, boolean userId, boolean homeAddress, String itSystem) {

		/** E-mail, work phone and user id on, the home address off, IT system OPUS. */
		public static final Contacts DEFAULT = new Contacts(true, true, true, false, "OPUS");

		public Contacts {
			itSystem = (itSystem == null || itSystem.isBlank()) ? "OPUS" : itSystem;
		}

	}

	public static final String DEFAULT_SOURCE_NAME = "opus";

	public static final List<String> DEFAULT_ENGAGEMENT_TYPE_ORDER = List.of("Månedslønnet", "Timelønnet", "Vikar",
			"Fleksjob", "Elev");

	public static final Map<String, String> DEFAULT_UNIT_LEVELS;

	static {
		Map<String, String> levels = new LinkedHashMap<>();
		for (int i = 0; i <= 6; i++) {
			levels.put("NY" + i, "NY" + i + "-niveau");
		}
		levels.put("AFD", "Afdelings-niveau");
		DEFAULT_UNIT_LEVELS = Map.copyOf(levels);
	}

	public OpusConfig {
		sourceName = (sourceName == null || sourceName.isBlank()) ? DEFAULT_SOURCE_NAME : sourceName;
		engagementTypeOrder = (engagementTypeOrder == null || engagementTypeOrder.isEmpty())
				? DEFAULT_ENGAGEMENT_TYPE_ORDER : List.copyOf(engagementTypeOrder);
		unitLevels = (unitLevels == null) ? DEFAULT_UNIT_LEVELS : Map.copyOf(unitLevels);
		defaultUnitType = (defaultUnitType == null || defaultUnitType.isBlank()) ? "Afdeling" : defaultUnitType;
		managerType = (managerType == null || managerType.isBlank()) ? "Leder" : managerType;
		managerEnds = (managerEnds == null) ? ManagerRule.WhenEmploymentEnds.END : managerEnds;
		excludedUnits = (excludedUnits == null) ? Set.of() : Set.copyOf(excludedUnits);
		primaryRule = (primaryRule == null) ? PrimaryRule.ENGAGEMENT_TYPE_ORDER : primaryRule;
		contacts = (contacts == null) ? Contacts.DEFAULT : contacts;
	}

	/** A configuration with every default, for the given municipality and inbox. */
	public static OpusConfig of(String municipalityKey, Path inbox) {
		return new OpusConfig(null, municipalityKey, inbox, null, null, null, null, null, null, null, null, null);
	}

	public OpusConfig withDumpFile(Path file) {
		return new OpusConfig(this.sourceName, this.municipalityKey, this.inbox, file, this.engagementTypeOrder,
				this.unitLevels, this.defaultUnitType, this.managerType, this.managerEnds, this.excludedUnits,
				this.primaryRule, this.contacts);
	}

	public OpusConfig withManagerEnds(ManagerRule.WhenEmploymentEnds mode) {
		return new OpusConfig(this.sourceName, this.municipalityKey, this.inbox, this.dumpFile,
				this.engagementTypeOrder, this.unitLevels, this.defaultUnitType, this.managerType, mode,
				this.excludedUnits, this.primaryRule, this.contacts);
	}

	public OpusConfig withExcludedUnits(Set<String> units) {
		return new OpusConfig(this.sourceName, this.municipalityKey, this.inbox, this.dumpFile,
				this.engagementTypeOrder, this.unitLevels, this.defaultUnitType, this.managerType, this.managerEnds,
				units, this.primaryRule, this.contacts);
	}

	public OpusConfig withPrimaryRule(PrimaryRule rule) {
		return new OpusConfig(this.sourceName, this.municipalityKey, this.inbox, this.dumpFile,
				this.engagementTypeOrder, this.unitLevels, this.defaultUnitType, this.managerType, this.managerEnds,
				this.excludedUnits, rule, this.contacts);
	}

	public OpusConfig withContacts(Contacts contacts) {
		return new OpusConfig(this.sourceName, this.municipalityKey, this.inbox, this.dumpFile,
				this.engagementTypeOrder, this.unitLevels, this.defaultUnitType, this.managerType, this.managerEnds,
				this.excludedUnits, this.primaryRule, contacts);
	}

	/**
	 * The hub's rules for OPUS by default, from these settings: the primary engagement by
	 * {@link #primaryRule()} (and {@link #engagementTypeOrder()}), managers by
	 * {@link #managerEnds()}, the subtrees of {@link #excludedUnits()} left out; no
	 * line-unit lifting. {@code hub.sources.opus.rules.*} overrides each.
	 */
	public SourceRules rules() {
		return new SourceRules(switch (this.primaryRule) {
			case ENGAGEMENT_TYPE_ORDER -> SourceRules.PrimaryEngagement.ENGAGEMENT_TYPE_ORDER;
			case HIGHEST_FRACTION -> SourceRules.PrimaryEngagement.HIGHEST_FRACTION;
		}, this.engagementTypeOrder, this.excludedUnits, switch (this.managerEnds) {
			case END -> SourceRules.ManagerEnds.END;
			case VACATE -> SourceRules.ManagerEnds.VACATE;
		}, Set.of());
	}

	/**
	 * Checks the settings without touching the file system.
	 * @throws AdapterConfigurationException naming the setting
	 */
	public void validate() {
		if (this.municipalityKey == null || this.municipalityKey.isBlank()) {
			throw new AdapterConfigurationException(
					"hub.sources.opus.municipality-key is required (the municipality's CVR number or another stable key)");
		}
		if (!this.sourceName.matches("[a-z0-9-]+")) {
			throw new AdapterConfigurationException(
					"hub.sources.opus.source-name must be lower-case letters, digits and dashes, was '"
							+ this.sourceName + "'");
		}
	}

	/** Checks that the inbox is configured. */
	void requireInbox() {
		if (this.inbox == null) {
			throw new AdapterConfigurationException("hub.sources.opus.inbox is required");
		}
	}

}
