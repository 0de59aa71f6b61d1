package dk.orghub.adapters.sd.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import dk.orghub.adapters.sd.SdConfig;
import dk.orghub.core.spi.PlainConnections;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SD-Løn source ({@code hub.sources.sd.*}). The source is on when {@code base-uri} is
 * set; then {@code institution}, {@code user} and {@code password} are required too
 * ({@link SdConfig#validate()} checks them at start, without the network).
 *
 * @param sourceName the source's name in registrations, identity bindings, the token and
 * the sync; must not change once data is loaded
 * @param baseUri SD's web service base, e.g. {@code https://service.sd.dk/sdws/}
 * @param institution SD's {@code InstitutionIdentifier}; also the namespace of name-based
 * UUIDs, so it must not change
 * @param user the Basic auth user
 * @param password the Basic auth password: give it from the environment
 * ({@code HUB_SOURCES_SD_PASSWORD}); never logged
 * @param connectTimeout connection timeout
 * @param readTimeout timeout of one whole answer
 * @param tooDeepLevels unit levels whose engagements are placed in the nearest line unit
 * above
 * @param unitType the unit type of every unit
 * @param teamType the unit type of units on a too-deep level
 * @param fallbackJobFunction the job function of a profession without a name
 * @param leaveType the engagement type of an engagement while its employment is on leave
 * (SD status 3)
 * @param allowPlainHttp allow an {@code http://} base URI to another machine (the
 * password and CPR numbers would travel in clear; refused at start otherwise)
 */
@Validated
@ConfigurationProperties("hub.sources.sd")
public record SdProperties(@NotBlank @Pattern(regexp = "[a-z0-9-]+",
		message = "lower-case letters, digits and dashes") @DefaultValue(SdConfig.DEFAULT_SOURCE_NAME) String sourceName,
		URI baseUri, String institution, String user, String password,
		@NotNull @DefaultValue("10s") Duration connectTimeout, @NotNull @DefaultValue("120s") Duration readTimeout,
		@NotNull @DefaultValue("Afdelings-niveau") Set<@NotBlank String> tooDeepLevels,
		@NotBlank @DefaultValue("Afdeling") String unitType, @NotBlank @DefaultValue("Team") String teamType,
		@NotBlank @DefaultValue("Ukendt") String fallbackJobFunction, @NotBlank @DefaultValue("Orlov") String leaveType,
		@DefaultValue("false") boolean allowPlainHttp) {

	/**
	 * The adapter's configuration.
	 * @throws IllegalStateException naming the key when a setting is missing or wrong
	 */
	SdConfig config() {
		PlainConnections.check("hub.sources.sd.base-uri", (this.baseUri != null) ? this.baseUri.toString() : null,
				"http", "https", "hub.sources.sd.allow-plain-http", this.allowPlainHttp);
		SdConfig config = new SdConfig(this.sourceName, this.baseUri, this.institution, this.user, this.password,
				this.connectTimeout, this.readTimeout, this.tooDeepLevels, this.unitType, this.teamType,
				this.fallbackJobFunction, this.leaveType);
		try {
			config.validate();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		return config;
	}

	@Override
	public String toString() {
		return "SdProperties[sourceName=" + this.sourceName + ", baseUri=" + this.baseUri + ", institution="
				+ this.institution + ", user=" + this.user + ", password=*****]";
	}

}
