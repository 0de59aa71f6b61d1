package dk.orghub.routes.opus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.apache.camel.builder.RouteBuilder;
import org.quartz.CronExpression;

/**
 * The OPUS inbox route ({@code opus-inbox}): a Quartz timer on
 * {@code hub.sources.opus.poll-cron} that imports the dumps waiting in the inbox, each as
 * a run of the sync {@code opus}. The inbox moves the files itself ({@code done/},
 * {@code error/}); the route only triggers.
 */
class OpusInboxRoute extends RouteBuilder {

	static final String ROUTE_ID = "opus-inbox";

	static final String POLL_STEP = "opus-inbox-poll";

	private final OpusProperties properties;

	private final OpusInboxPoller poller;

	OpusInboxRoute(OpusProperties properties, OpusInboxPoller poller) {
		if (!CronExpression.isValidExpression(properties.pollCron())) {
			throw new IllegalStateException("hub.sources.opus.poll-cron '" + properties.pollCron()
					+ "' is not a Quartz cron expression (seconds first, e.g. '0 * * * * ?')");
		}
		this.properties = properties;
		this.poller = poller;
	}

	@Override
	public void configure() {
		from("quartz://orghub/" + ROUTE_ID + "?stateful=true&cron=" + encode(this.properties.pollCron())
				+ "&trigger.timeZone=" + encode(this.properties.pollTimeZone().getId()))
			.routeId(ROUTE_ID)
			.routeDescription("OPUS dumps from " + this.properties.inbox())
			.bean(this.poller, "poll(${header.scheduledFireTime})")
			.id(POLL_STEP);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
