package dk.orghub.routes.schedule;

import java.time.Clock;

import dk.orghub.core.spi.FileSource;
import dk.orghub.routes.audit.AuditLog;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.run.OperationsProperties;
import dk.orghub.routes.run.RunRepository;
import dk.orghub.routes.run.SyncRunner;
import dk.orghub.routes.sync.SyncRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The schedules: a Camel route per scheduled sync, and the retention purge. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

	@Bean
	ScheduledRuns scheduledRuns(SyncRunner runner) {
		return new ScheduledRuns(runner);
	}

	@Bean
	RetentionPurge retentionPurge(RunRepository runs, QuarantineRepository quarantine, AuditLog audit,
			ObjectProvider<FileSource> inboxes, OperationsProperties properties, Clock clock) {
		return new RetentionPurge(runs, quarantine, audit, inboxes.orderedStream().toList(), properties, clock);
	}

	@Bean
	SyncRoutes syncRoutes(SyncRegistry registry, ScheduledRuns runs, RetentionPurge retention,
			OperationsProperties properties) {
		return new SyncRoutes(registry, runs, retention, properties);
	}

}
