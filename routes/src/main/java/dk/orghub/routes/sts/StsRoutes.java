package dk.orghub.routes.sts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dk.orghub.core.spi.AdapterException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.quartz.CronExpression;

/**
 * The STS Organisation routes. Each only triggers {@link StsOperations}:
 * <ul>
 * <li>{@value #DRAIN}: every {@code hub.targets.sts.outbox.period} publishes what the
 * outbox holds (the store's committed changes);</li>
 * <li>{@value #PUBLISH_ON_START}: once, {@code publish.start-delay} after the start, a
 * full publish;</li>
 * <li>{@value #PUBLISH_SCHEDULED}: a full publish on {@code publish.cron} (Quartz, so
 * clustered instances run it once);</li>
 * <li>{@value #PUBLISH} and {@value #RECONCILE}: on demand (the REST API).</li>
 * </ul>
 * The scheduled routes share the error policy {@value #ERRORS}: STS not answering (a
 * temporary {@link AdapterException}) is logged and the next tick tries again (the outbox
 * rows stay); any other failure is logged as an error. On-demand routes give the failure
 * to the caller.
 */
class StsRoutes extends RouteBuilder {

	static final String DRAIN = "sts-outbox-drain";

	static final String PUBLISH_ON_START = "sts-publish-on-start";

	static final String PUBLISH_SCHEDULED = "sts-publish-scheduled";

	static final String PUBLISH = "sts-publish";

	static final String RECONCILE = "sts-reconcile";

	static final String ERRORS = "sts-errors";

	static final String PUBLISH_URI = "direct:" + PUBLISH;

	static final String RECONCILE_URI = "direct:" + RECONCILE;

	private final StsProperties properties;

	private final StsOperations operations;

	StsRoutes(StsProperties properties, StsOperations operations) {
		StsProperties.Publish publish = properties.publish();
		if (publish.scheduled() && !CronExpression.isValidExpression(publish.cron())) {
			throw new IllegalStateException("hub.targets.sts.publish.cron '" + publish.cron()
					+ "' is not a Quartz cron expression (seconds first, e.g. '0 30 1 * * ?')");
		}
		this.properties = properties;
		this.operations = operations;
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
				.bean(this.operations, "drain")
				.id(DRAIN + "-step");
		}
		StsProperties.Publish publish = this.properties.publish();
		if (publish.onStart()) {
			from("timer:" + PUBLISH_ON_START + "?repeatCount=1&delay=" + publish.startDelay().toMillis())
				.routeId(PUBLISH_ON_START)
				.routeConfigurationId(ERRORS)
				.routeDescription("A full publish to STS Organisation after the start")
				.bean(this.operations, "publishAll")
				.id(PUBLISH_ON_START + "-step");
		}
		if (publish.scheduled()) {
			from("quartz://orghub/" + PUBLISH_SCHEDULED + "?stateful=true&cron=" + encode(publish.cron())
					+ "&trigger.timeZone=" + encode(publish.timeZone().getId()))
				.routeId(PUBLISH_SCHEDULED)
				.routeConfigurationId(ERRORS)
				.routeDescription("A full publish to STS Organisation on hub.targets.sts.publish.cron")
				.bean(this.operations, "publishAll")
				.id(PUBLISH_SCHEDULED + "-step");
		}
		from(PUBLISH_URI).routeId(PUBLISH)
			.routeDescription("A full publish to STS Organisation, on demand")
			.bean(this.operations, "publishAll")
			.id(PUBLISH + "-step");
		from(RECONCILE_URI).routeId(RECONCILE)
			.routeDescription("Reads what STS Organisation holds and corrects drift, on demand")
			.bean(this.operations, "reconcile")
			.id(RECONCILE + "-step");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The error policy of the scheduled STS routes. */
	static final class ErrorPolicy extends RouteConfigurationBuilder {

		@Override
		public void configuration() {
			routeConfiguration(ERRORS).onException(AdapterException.class)
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
