package dk.orghub.routes.trigger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.FileSource;
import dk.orghub.core.spi.TargetJob;
import dk.orghub.routes.run.RunRepository;
import dk.orghub.routes.run.SyncException;
import dk.orghub.routes.run.SyncRunner;
import dk.orghub.routes.run.Trigger;
import dk.orghub.routes.sync.InboxSync;
import dk.orghub.routes.sync.Sync;
import dk.orghub.routes.sync.TargetSync;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.quartz.CronExpression;

/**
 * The Camel routes the hub makes for what adapters offer, so that every route is the
 * hub's and each only triggers a recorded run:
 * <ul>
 * <li>{@code <sync>-inbox} for each {@link FileSource} with a {@link FileSource#poll()}:
 * a Quartz timer on its cron that imports the waiting files, each as a run
 * ({@link FileSourcePoller});</li>
 * <li>{@code <sync>-changes} for each {@link TargetJob} with a change operation: every
 * {@link TargetJob.Changes#every()} a run with the trigger change when something waits
 * and the sync is not paused (the drain of a target's outbox, e.g. {@code
 * sts-publish-changes}; for a sync the hub made to drain an outbox, already named
 * {@code <target>-changes}, the route has the sync's name);</li>
 * <li>{@code <sync>-on-start} for each job that runs at start: once, its delay after the
 * start, unless the sync is paused.</li>
 * </ul>
 * The change and start routes share the error policy {@value #ERRORS}: a target not
 * answering (a temporary {@link AdapterException}) is logged and the next tick tries
 * again; a run at start meeting the sync running (a change run holds its lock) is tried
 * again each second for a minute; any other failure is logged as an error.
 */
class AdapterTriggers extends RouteBuilder {

	static final String ERRORS = "adapter-trigger-errors";

	static final String INBOX = "-inbox";

	static final String CHANGES = "-changes";

	static final String ON_START = "-on-start";

	private final SyncRunner runner;

	private final RunRepository runs;

	AdapterTriggers(SyncRunner runner, RunRepository runs) {
		this.runner = runner;
		this.runs = runs;
	}

	@Override
	public void configure() throws Exception {
		getCamelContext().addRoutesConfigurations(new ErrorPolicy());
		for (Sync sync : this.runner.registry().all()) {
			if (sync instanceof InboxSync inbox && inbox.inbox().poll() != null) {
				poll(inbox);
			}
			else if (sync instanceof TargetSync target) {
				TargetJob job = target.job();
				if (job.changes() != null) {
					long every = job.changes().every().toMillis();
					String route = changeRoute(sync.name());
					from("timer:" + route + "?period=" + every + "&delay=" + every).routeId(route)
						.routeConfigurationId(ERRORS)
						.routeDescription("Sends the changes waiting for " + sync.adapter().name() + " (sync "
								+ sync.name() + ")")
						.bean(this.runner, "change('" + sync.name() + "')")
						.id(route + "-step");
				}
				if (job.runOnStart() != null) {
					from("timer:" + sync.name() + ON_START + "?repeatCount=1&delay=" + job.runOnStart().toMillis())
						.routeId(sync.name() + ON_START)
						.routeConfigurationId(ERRORS)
						.routeDescription("Runs the sync " + sync.name() + " once after the start")
						.bean(this, "runOnStart('" + sync.name() + "')")
						.id(sync.name() + ON_START + "-step");
				}
			}
		}
	}

	/**
	 * The change route of a sync: {@code <sync>-changes}, or the sync's own name when it
	 * ends so already (the sync the hub makes to drain a target's outbox).
	 */
	static String changeRoute(String sync) {
		return sync.endsWith(CHANGES) ? sync : sync + CHANGES;
	}

	private void poll(InboxSync sync) {
		FileSource.Poll poll = sync.inbox().poll();
		if (!CronExpression.isValidExpression(poll.cron())) {
			throw new IllegalStateException(poll.setting() + " '" + poll.cron()
					+ "' is not a Quartz cron expression (seconds first, e.g. '0 * * * * ?')");
		}
		from("quartz://orghub/" + sync.name() + INBOX + "?stateful=true&cron=" + encode(poll.cron())
				+ "&trigger.timeZone=" + encode(poll.timeZone().getId()))
			.routeId(sync.name() + INBOX)
			.routeDescription("Files from " + sync.inbox().location())
			.bean(new FileSourcePoller(this.runner, this.runs, sync), "poll(${header.scheduledFireTime})")
			.id(sync.name() + INBOX + "-poll");
	}

	/** The run at start of a job, unless its sync is paused. */
	public void runOnStart(String sync) {
		if (!this.runner.paused(sync)) {
			this.runner.runNow(sync, Trigger.STARTUP, "startup", false);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The error policy of the change and start routes. */
	static final class ErrorPolicy extends RouteConfigurationBuilder {

		@Override
		public void configuration() {
			routeConfiguration(ERRORS).onException(SyncException.class)
				.maximumRedeliveries(60)
				.redeliveryDelay(1000)
				.handled(true)
				.log(LoggingLevel.WARN, AdapterTriggers.class.getName(),
						"${routeId}: ${exception.message}; tried again for a minute, left to the next run")
				.end()
				.onException(AdapterException.class)
				.onWhen((exchange) -> exchange.getException(AdapterException.class) != null
						&& exchange.getException(AdapterException.class).isTemporary())
				.handled(true)
				.log(LoggingLevel.WARN, AdapterTriggers.class.getName(),
						"${routeId}: the target did not answer (${exception.message}); the next run tries again")
				.end()
				.onException(Exception.class)
				.handled(true)
				.log(LoggingLevel.ERROR, AdapterTriggers.class.getName(),
						"${routeId} failed: ${exception.message}; the next run tries again");
		}

	}

}
