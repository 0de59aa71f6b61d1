package dk.orghub.routes.sts;

import dk.orghub.core.spi.AdapterException;
import dk.orghub.routes.run.SyncException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The STS Organisation routes. Each only triggers {@link StsRuns}, so what they do is a
 * recorded run of the sync {@value StsRuns#PUBLISH}:
 * <ul>
 * <li>{@value #DRAIN}: every {@code hub.targets.sts.outbox.period} publishes what the
 * outbox holds (the store's committed changes), as a run with the trigger change when
 * something waits and the sync is not paused;</li>
 * <li>{@value #PUBLISH_ON_START}: once, {@code publish.start-delay} after the start, a
 * full publish.</li>
 * </ul>
 * The scheduled full publish and reconcile are the schedules of the syncs
 * {@value StsRuns#PUBLISH} and {@value StsRuns#RECONCILE} ({@code hub.syncs.<name>.cron},
 * routes {@code sync-<name>}); on demand they run through {@code /api/v1/syncs} or
 * {@code /api/v1/targets/sts}. The routes share the error policy {@value #ERRORS}: STS
 * not answering (a temporary {@link AdapterException}) is logged and the next tick tries
 * again (the outbox rows stay); the full publish at start meeting the sync running (a
 * drain holds its lock) is tried again each second for a minute; any other failure is
 * logged as an error.
 */
class StsRoutes extends RouteBuilder {

	static final String DRAIN = "sts-outbox-drain";

	static final String PUBLISH_ON_START = "sts-publish-on-start";

	static final String ERRORS = "sts-errors";

	private final StsProperties properties;

	private final StsRuns runs;

	StsRoutes(StsProperties properties, StsRuns runs) {
		this.properties = properties;
		this.runs = runs;
	}

	@Override
	public void configure() throws Exception {
		getCamelContext().addRoutesConfigurations(new ErrorPolicy());
		StsProperties.Outbox outbox = this.properties.outbox();
		if (outbox.enabled()) {
			from("timer:" + DRAIN + "?period=" + outbox.period().toMillis() + "&delay=" + outbox.period().toMillis())
				.routeId(DRAIN)
				.routeConfigurationId(ERRORS)
				.routeDescription("Publishes the store's committed changes to STS Organisation")
				.bean(this.runs, "drain")
				.id(DRAIN + "-step");
		}
		StsProperties.Publish publish = this.properties.publish();
		if (publish.onStart()) {
			from("timer:" + PUBLISH_ON_START + "?repeatCount=1&delay=" + publish.startDelay().toMillis())
				.routeId(PUBLISH_ON_START)
				.routeConfigurationId(ERRORS)
				.routeDescription("A full publish to STS Organisation after the start")
				.bean(this.runs, "publishOnStart")
				.id(PUBLISH_ON_START + "-step");
		}
	}

	/** The error policy of the scheduled STS routes. */
	static final class ErrorPolicy extends RouteConfigurationBuilder {

		@Override
		public void configuration() {
			routeConfiguration(ERRORS).onException(SyncException.class)
				.maximumRedeliveries(60)
				.redeliveryDelay(1000)
				.handled(true)
				.log(LoggingLevel.WARN, StsRoutes.class.getName(),
						"${routeId}: ${exception.message}; tried again for a minute, left to the next run")
				.end()
				.onException(AdapterException.class)
				.onWhen((exchange) -> exchange.getException(AdapterException.class) != null
						&& exchange.getException(AdapterException.class).isTemporary())
				.handled(true)
				.log(LoggingLevel.WARN, StsRoutes.class.getName(),
						"${routeId}: STS Organisation did not answer (${exception.message}); the next run tries again")
				.end()
				.onException(Exception.class)
				.handled(true)
				.log(LoggingLevel.ERROR, StsRoutes.class.getName(),
						"${routeId} failed: ${exception.message}; the next run tries again");
		}

	}

}
