package dk.orghub.adapters.exports.autoconfigure;

import java.time.Clock;
import java.time.ZoneId;

import dk.orghub.adapters.exports.organisation.OrganisationExporter;
import dk.orghub.adapters.exports.schedule.ScheduledExport;
import dk.orghub.adapters.exports.schedule.ScheduledExportTarget;
import dk.orghub.adapters.exports.survey.SurveyExporter;
import dk.orghub.core.spi.CprAccess;
import dk.orghub.core.spi.TargetUnitScope;
import dk.orghub.core.store.OrgStore;
import org.quartz.CronExpression;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exports, always on: the survey and organisation exporters (each with the units it
 * exports, {@code hub.exports.<export>.units.*}) with the download endpoints
 * ({@code /api/v1/exports}), and the scheduled export as the sync {@code export} when
 * {@code hub.exports.scheduled.enabled}. Every bean can be replaced by one of the same
 * type.
 */
@AutoConfiguration
@EnableConfigurationProperties(ExportProperties.class)
public class ExportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SurveyExporter surveyExporter(OrgStore store, Clock clock, ExportProperties properties) {
		// a bad hub.exports.* value stops the start, naming the key
		properties.surveyOptions();
		properties.organisationOptions();
		properties.csvOptions();
		return new SurveyExporter(store, clock, properties.survey().units().scope());
	}

	@Bean
	@ConditionalOnMissingBean
	OrganisationExporter organisationExporter(OrgStore store, Clock clock, ExportProperties properties) {
		return new OrganisationExporter(store, clock, properties.organisation().units().scope());
	}

	/** The units of the organisation export, for the organisation pages' marks. */
	@Bean
	TargetUnitScope organisationExportUnitScope(ExportProperties properties) {
		return TargetUnitScope.of("export:organisation", properties.organisation().units().scope());
	}

	/** The units of the survey export, for the organisation pages' marks. */
	@Bean
	TargetUnitScope surveyExportUnitScope(ExportProperties properties) {
		return TargetUnitScope.of("export:survey", properties.survey().units().scope());
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	ExportController exportController(SurveyExporter surveys, OrganisationExporter organisation,
			ExportProperties properties, CprAccess cpr) {
		return new ExportController(surveys, organisation, properties, cpr);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "hub.exports.scheduled", name = "enabled", havingValue = "true")
	static class Scheduled {

		@Bean
		@ConditionalOnMissingBean
		ScheduledExport scheduledExport(ExportProperties properties, OrgStore store, Clock clock) {
			return new ScheduledExport(properties.scheduledSettings(), store, clock, properties.scheduledScope());
		}

		@Bean
		ScheduledExportTarget scheduledExportTarget(ExportProperties properties, ScheduledExport export,
				CprAccess cpr) {
			ExportProperties.Scheduled scheduled = properties.scheduled();
			if (scheduled.cron() == null || !CronExpression.isValidExpression(scheduled.cron())) {
				throw new IllegalStateException("hub.exports.scheduled.cron '" + scheduled.cron()
						+ "' is not a Quartz cron expression (seconds first, e.g. '0 0 5 * * ?'); it is required "
						+ "when hub.exports.scheduled.enabled is true");
			}
			return new ScheduledExportTarget(export, scheduled.cron(), ZoneId.of(scheduled.timeZone()), cpr);
		}

	}

}
