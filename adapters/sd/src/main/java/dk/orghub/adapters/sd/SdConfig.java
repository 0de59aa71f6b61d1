package dk.orghub.adapters.sd;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import dk.orghub.core.spi.AdapterConfigurationException;
import dk.orghub.core.spi.SourceRules;

/**
 * Configuration of the SD-Løn source ({@code hub.sources.sd.*}).
 *
 * @param sourceName the source's name in registrations and identity bindings; default
 * {@code sd}
 * @param baseUri the base address of SD's web services, e.g.
 * {@code https://service.sd.dk/sdws/} (required)
 * @param institution the {@code InstitutionIdentifier} every request names (required);
 * unit UUIDs SD does not give are derived from it and the department id
 * @param user the Basic auth user (required)
 * @param password the Basic auth password (required; give it from the environment, e.g.
 * {@code HUB_SOURCES_SD_PASSWORD}; never logged)
 * @param connectTimeout how long to wait for a connection; default 10 s
 * @param readTimeout how long to wait for one whole answer; default 120 s
 * @param tooDeepLevels unit levels ({@code DepartmentLevelIdentifier}) whose units hold
 * no engagements: engagements there are placed in the nearest line unit above; default
 * {@code Afdelings-niveau}
 * @param unitType the unit type class of every unit (SD has none); default
 * {@code Afdeling}
 * @param teamType the unit type class of units on a too-deep level; default {@code Team}
 * @param fallbackJobFunction the job function when a profession has no name; default
 * {@code Ukendt}
 * @param leaveType the engagement type class of an engagement while its employment is on
 * leave (status 3); default {@code Orlov}
 */
public record SdConfig(String sourceName, URI baseUri, String institution, String user, String password,
		Duration connectTimeout, Duration readTimeout, Set<String> tooDeepLevels, String unitType, String teamType,
		String fallbackJobFunction, String leaveType) {

	public static final String DEFAULT_SOURCE_NAME = "sd";

	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);

	public SdConfig {
		sourceName = (sourceName == null || sourceName.isBlank()) ? DEFAULT_SOURCE_NAME : sourceName;
		connectTimeout = (connectTimeout == null) ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
		readTimeout = (readTimeout == null) ? DEFAULT_READ_TIMEOUT : readTimeout;
		tooDeepLevels = (tooDeepLevels == null) ? Set.of("Afdelings-niveau") : Set.copyOf(tooDeepLevels);
		unitType = (unitType == null || unitType.isBlank()) ? "Afdeling" : unitType;
		teamType = (teamType == null || teamType.isBlank()) ? "Team" : teamType;
		fallbackJobFunction = (fallbackJobFunction == null || fallbackJobFunction.isBlank()) ? "Ukendt"
				: fallbackJobFunction;
		leaveType = (leaveType == null || leaveType.isBlank()) ? "Orlov" : leaveType;
	}

	/** A configuration with every default. */
	public static SdConfig of(URI baseUri, String institution, String user, String password) {
		return new SdConfig(null, baseUri, institution, user, password, null, null, null, null, null, null, null);
	}

	public SdConfig withTimeouts(Duration connect, Duration read) {
		return new SdConfig(this.sourceName, this.baseUri, this.institution, this.user, this.password, connect, read,
				this.tooDeepLevels, this.unitType, this.teamType, this.fallbackJobFunction, this.leaveType);
	}

	public SdConfig withTooDeepLevels(Set<String> levels) {
		return new SdConfig(this.sourceName, this.baseUri, this.institution, this.user, this.password,
				this.connectTimeout, this.readTimeout, levels, this.unitType, this.teamType, this.fallbackJobFunction,
				this.leaveType);
	}

	/**
	 * The hub's rules for SD-Løn by default: the primary engagement is the highest
	 * occupation rate, and engagements in units of {@link #tooDeepLevels()} are lifted to
	 * the line unit above. {@code hub.sources.sd.rules.*} overrides each.
	 */
	public SourceRules rules() {
		return SourceRules.NONE.withPrimaryEngagement(SourceRules.PrimaryEngagement.HIGHEST_FRACTION)
			.withLineUnitLifting(this.tooDeepLevels);
	}

	/**
	 * Checks the settings without the network.
	 * @throws AdapterConfigurationException naming the setting
	 */
	public void validate() {
		if (!this.sourceName.matches("[a-z0-9-]+")) {
			throw new AdapterConfigurationException(
					"hub.sources.sd.source-name must be lower-case letters, digits and dashes, was '" + this.sourceName
							+ "'");
		}
		if (this.baseUri == null || this.baseUri.getScheme() == null
				|| !("https".equals(this.baseUri.getScheme()) || "http".equals(this.baseUri.getScheme()))
				|| this.baseUri.getHost() == null) {
			throw new AdapterConfigurationException(
					"hub.sources.sd.base-uri must be an http(s) address, was '" + this.baseUri + "'");
		}
		if (this.institution == null || this.institution.isBlank()) {
			throw new AdapterConfigurationException(
					"hub.sources.sd.institution is required (SD's InstitutionIdentifier)");
		}
		if (this.user == null || this.user.isBlank()) {
			throw new AdapterConfigurationException("hub.sources.sd.user is required");
		}
		if (this.password == null || this.password.isEmpty()) {
			throw new AdapterConfigurationException(
					"hub.sources.sd.password is required (give it from the environment: HUB_SOURCES_SD_PASSWORD)");
		}
		if (this.connectTimeout.isNegative() || this.connectTimeout.isZero() || this.readTimeout.isNegative()
				|| this.readTimeout.isZero()) {
			throw new AdapterConfigurationException(
					"hub.sources.sd.connect-timeout and hub.sources.sd.read-timeout must be positive");
		}
	}

	@Override
	public String toString() {
		return "SdConfig[sourceName=" + this.sourceName + ", baseUri=" + this.baseUri + ", institution="
				+ this.institution + ", user=" + this.user + ", password=*****, connectTimeout=" + this.connectTimeout
				+ ", readTimeout=" + this.readTimeout + ", tooDeepLevels=" + this.tooDeepLevels + ", unitType="
				+ this.unitType + ", teamType=" + this.teamType + ", fallbackJobFunction=" + this.fallbackJobFunction
				+ ", leaveType=" + this.leaveType + "]";
	}

}
