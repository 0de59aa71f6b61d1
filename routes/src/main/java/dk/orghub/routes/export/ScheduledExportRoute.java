package dk.orghub.routes.export;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dk.orghub.adapters.exports.schedule.ScheduledExport;
import org.apache.camel.builder.RouteBuilder;
import org.quartz.CronExpression;

/**
 * The scheduled export ({@code export-scheduled}): a Quartz timer with the cron of
 * {@code hub.exports.scheduled.cron} that writes today's export to the configured folder.
 */
class ScheduledExportRoute extends RouteBuilder {

	static final String ROUTE_ID = "export-scheduled";

	static final String RUN_STEP = "export-scheduled-run";

	private final ExportProperties.Scheduled settings;

	private final ScheduledExport export;

	ScheduledExportRoute(ExportProperties.Scheduled settings, ScheduledExport export) {
		if (settings.cron() == null || !CronExpression.isValidExpression(settings.cron())) {
			throw new IllegalStateException("hub.exports.scheduled.cron '" + settings.cron()
					+ "' is not a Quartz cron expression (seconds first, e.g. '0 0 5 * * ?'); it is required when "
					+ "hub.exports.scheduled.enabled is true");
		}
		this.settings = settings;
		this.export = export;
	}

	@Override
	public void configure() {
		from("quartz://orghub/" + ROUTE_ID + "?stateful=true&cron=" + encode(this.settings.cron())
				+ "&trigger.timeZone=" + encode(this.settings.timeZone()))
			.routeId(ROUTE_ID)
			.routeDescription(
					"scheduled " + this.export.settings().kind().id() + " export to " + this.export.settings().folder())
			.bean(this.export, "run")
			.id(RUN_STEP)
			.log("Scheduled export written: ${body}");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
