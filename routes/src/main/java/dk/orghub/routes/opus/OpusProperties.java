package dk.orghub.routes.opus;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.orghub.adapters.opus.OpusConfig;
import dk.orghub.core.rules.ManagerRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The KMD OPUS source ({@code hub.sources.opus.*}). The source is on when
 * {@code municipality-key} is set (and {@code enabled} is not false); with an
 * {@code inbox} dumps dropped there are imported by the route {@code opus-inbox}, polling
 * on {@code poll-cron}; with a {@code dump-file} the bean {@code opusAdapter} is a
 * snapshot source a {@code hub.syncs} entry can run. See {@link OpusConfig} for the
 * meaning and defaults of the payroll settings.
 *
 * @param enabled false turns the source off although it is configured
 * @param sourceName the name in registrations, identity bindings, and of the sync
 * @param municipalityKey the municipality's CVR number or another stable key (unit UUIDs
 * derive from it: never change it)
 * @param inbox the folder dumps are dropped in; {@code done/} and {@code error/} beside
 * @param dumpFile the dump the snapshot adapter reads
 * @param pollCron how often the inbox is looked at (Quartz, seconds first)
 * @param pollTimeZone the zone of {@code poll-cron}
 */
@Validated
@ConfigurationProperties("hub.sources.opus")
public record OpusProperties(@DefaultValue("true") boolean enabled,
		@NotNull @DefaultValue(OpusConfig.DEFAULT_SOURCE_NAME) @Pattern(regexp = "[a-z0-9-]+",
				message = "lower-case letters, digits and dashes") String sourceName,
		@Size(max = 100) String municipalityKey, Path inbox, Path dumpFile, List<@NotBlank String> engagementTypeOrder,
		Map<String, String> unitLevels, String defaultUnitType, String managerType,
		ManagerRule.WhenEmploymentEnds managerEnds, Set<String> excludedUnits,
		@NotBlank @Size(max = 120) @DefaultValue("0 * * * * ?") String pollCron,
		@NotNull @DefaultValue("Europe/Copenhagen") ZoneId pollTimeZone) {

	/** The adapter's configuration; validated (a missing or bad value names its key). */
	public OpusConfig toConfig() {
		OpusConfig config = new OpusConfig(this.sourceName, this.municipalityKey, this.inbox, this.dumpFile,
				this.engagementTypeOrder, this.unitLevels, this.defaultUnitType, this.managerType, this.managerEnds,
				this.excludedUnits);
		config.validate();
		return config;
	}

}
