package dk.orghub.routes.sync;

import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The configured syncs ({@code hub.syncs.<name>.*}): which adapter each runs, on which
 * schedule, with which safety thresholds. A sync with no cron runs only when triggered.
 *
 * @param syncs the syncs by name (lower-case letters, digits and dashes)
 * @param fieldPolicy which source wins a field when more than one delivers it, e.g.
 * {@code "[ORG_UNIT.name]": opus}; a field with no entry comes from every source that
 * owns it
 */
@Validated
@ConfigurationProperties("hub")
public record SyncProperties(@NotNull @DefaultValue Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}",
		message = "a sync name is lower-case letters, digits and dashes") String, @Valid @NotNull SyncSettings> syncs,
		@NotNull @DefaultValue Map<String, String> fieldPolicy) {

	/**
	 * One sync.
	 *
	 * @param adapter the adapter it runs: a Spring bean name, or an adapter's
	 * {@code name()} when one adapter has it
	 * @param description a sentence for the dashboard
	 * @param cron when it runs, as a Quartz cron expression (seconds first, e.g.
	 * {@code 0 0 2 * * ?} for 02:00); empty for a sync that only runs when triggered
	 * @param timeZone the time zone the cron expression is read in
	 * @param paused whether the sync starts paused (only when it has no state in the
	 * database yet; later the pause button decides)
	 * @param thresholds when a run stops before writing and waits for approval
	 */
	public record SyncSettings(@NotBlank @Size(max = 200) String adapter, @Size(max = 500) String description,
			@Size(max = 120) String cron, @NotNull @DefaultValue("Europe/Copenhagen") ZoneId timeZone,
			@DefaultValue("false") boolean paused, @Valid @NotNull @DefaultValue Thresholds thresholds) {

		public boolean scheduled() {
			return this.cron != null && !this.cron.isBlank();
		}

	}

	/**
	 * Safety thresholds: a run that would end more than {@code endedShare} of the
	 * engagements, IT users (accounts) or units the store holds today stops before
	 * writing, with status awaiting approval.
	 *
	 * @param enabled whether the thresholds apply to this sync
	 * @param endedShare the largest share of each type a run may end, 0 to 1 (0.05 = 5%)
	 * @param minimumObjects the thresholds apply to a type only when the store holds at
	 * least this many of it (a first import, or a tiny organisation, is not stopped)
	 */
	public record Thresholds(@DefaultValue("true") boolean enabled,
			@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.05") double endedShare,
			@Min(0) @DefaultValue("20") int minimumObjects) {

	}

}
