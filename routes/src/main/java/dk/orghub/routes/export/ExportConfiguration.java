package dk.orghub.routes.export;

import java.time.Clock;

import dk.orghub.adapters.exports.organisation.OrganisationExporter;
import dk.orghub.adapters.exports.schedule.ScheduledExport;
import dk.orghub.adapters.exports.survey.SurveyExporter;
import dk.orghub.core.store.OrgStore;
import dk.orghub.routes.sync.TargetSync;

import dk.orghub.routes.security.SensitiveReads;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exports: the survey and organisation exporters for the download endpoints, and the
 * scheduled export as the sync {@code export} when {@code hub.exports.scheduled.enabled}.
 */
@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SurveyExporter surveyExporter(OrgStore store, Clock clock, ExportProperties properties) {
		// a bad hub.exports.* value stops the start, naming the key
		properties.surveyOptions();
		properties.organisationOptions();
		properties.csvOptions();
		return new SurveyExporter(store, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	OrganisationExporter organisationExporter(OrgStore store, Clock clock) {
		return new OrganisationExporter(store, clock);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "hub.exports.scheduled", name = "enabled", havingValue = "true")
	static class Scheduled {

		@Bean
		@ConditionalOnMissingBean
		ScheduledExport scheduledExport(ExportProperties properties, OrgStore store, Clock clock) {
			return new ScheduledExport(properties.scheduledSettings(), store, clock);
		}

		@Bean
		TargetSync exportSync(ExportProperties properties, ScheduledExport export, SensitiveReads sensitive) {
			return ExportSync.of(properties.scheduled(), export, sensitive);
		}

	}

}
