package dk.orghub.routes.run;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How runs are run and kept ({@code hub.operations.*}).
 *
 * @param threads how many runs may work at once (different syncs; one sync never runs
 * twice at once)
 * @param lockTimeout a running run that has shown no sign of life for this long is taken
 * to be dead (its instance stopped) and its sync may run again
 * @param retention how long runs, their change logs and resolved quarantine entries are
 * kept
 * @param auditRetention how long the audit (manual actions, reads of CPR numbers, failed
 * logins, the console's operations) is kept; 5 years by default
 * @param retentionCron when the purge of old runs and audit entries runs (Quartz cron)
 * @param heartbeat how often this instance records that it lives and ends the runs that
 * dead instances left running (on this host at once, elsewhere after the lock timeout)
 */
@Validated
@ConfigurationProperties("hub.operations")
public record OperationsProperties(@Min(1) @Max(32) @DefaultValue("4") int threads,
		@NotNull @DefaultValue("10m") Duration lockTimeout, @NotNull @DefaultValue("90d") Duration retention,
		@NotNull @DefaultValue("1826d") Duration auditRetention,
		@NotBlank @DefaultValue("0 30 3 * * ?") String retentionCron,
		@NotNull @DefaultValue("10s") Duration heartbeat) {

	public OperationsProperties {
		if (heartbeat != null && (heartbeat.compareTo(Duration.ofSeconds(1)) < 0
				|| (lockTimeout != null && heartbeat.compareTo(lockTimeout) >= 0))) {
			throw new IllegalArgumentException("hub.operations.heartbeat must be at least 1s and shorter than "
					+ "hub.operations.lock-timeout (" + lockTimeout + "), not " + heartbeat);
		}
	}

}
