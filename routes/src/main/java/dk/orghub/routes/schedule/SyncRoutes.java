package dk.orghub.routes.schedule;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dk.orghub.routes.run.OperationsProperties;
import dk.orghub.routes.run.SyncRunner;
import dk.orghub.routes.sync.Sync;
import dk.orghub.routes.sync.SyncRegistry;
import org.apache.camel.builder.RouteBuilder;

/**
 * One Camel route per scheduled sync ({@code sync-<name>-schedule}): a Quartz timer with
 * the sync's cron and time zone that starts a run and sends it to the sync's route
 * ({@code direct:sync-<name>}, where every run of the sync goes); and the nightly
 * retention purge ({@code ops-retention}). On PostgreSQL the Quartz scheduler is
 * clustered, so each fire runs on one instance only.
 */
class SyncRoutes extends RouteBuilder {

	static final String GROUP = "orghub";

	static final String RETENTION_ROUTE = "ops-retention";

	private final SyncRegistry registry;

	private final ScheduledRuns runs;

	private final RetentionPurge retention;

	private final OperationsProperties properties;

	SyncRoutes(SyncRegistry registry, ScheduledRuns runs, RetentionPurge retention, OperationsProperties properties) {
		this.registry = registry;
		this.runs = runs;
		this.retention = retention;
		this.properties = properties;
	}

	static String routeId(String sync) {
		return "sync-" + sync + "-schedule";
	}

	@Override
	public void configure() {
		for (Sync sync : this.registry.all()) {
			if (!sync.settings().scheduled()) {
				continue;
			}
			// the Quartz job keeps its name (sync-<name>), known to a clustered job store
			from(timer("sync-" + sync.name(), sync.settings().cron(), sync.settings().timeZone().getId()))
				.routeId(routeId(sync.name()))
				.routeDescription(sync.kind() + " " + sync.adapter().name() + " on " + sync.settings().cron())
				.bean(this.runs, "fire('" + sync.name() + "', ${header.scheduledFireTime})")
				.id(routeId(sync.name()) + "-fire")
				.filter(body().isNotNull())
				.to(SyncRunner.endpoint(sync.name()))
				.id(routeId(sync.name()) + "-run");
		}
		from(timer(RETENTION_ROUTE, this.properties.retentionCron(), "Europe/Copenhagen")).routeId(RETENTION_ROUTE)
			.routeDescription("purge runs, quarantine and audit older than the retention")
			.bean(this.retention, "purge");
	}

	private static String timer(String name, String cron, String zone) {
		// the job stays in the (clustered) job store when this instance stops: the others
		// go on
		return "quartz://" + GROUP + "/" + name + "?stateful=true&deleteJob=false&pauseJob=false&cron=" + encode(cron)
				+ "&trigger.timeZone=" + encode(zone);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
