package dk.orghub.routes.run;

import java.time.Clock;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.orghub.core.store.OrgStore;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.sync.FieldPolicyHolder;
import dk.orghub.routes.sync.SyncRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The run machinery: repositories, the runner and the threads runs work on. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

	@Bean
	HubInstance hubInstance() {
		return new HubInstance();
	}

	@Bean
	@DependsOnDatabaseInitialization
	RunRepository runRepository(DataSource dataSource, ObjectMapper json, HubInstance hubInstance) {
		return new RunRepository(dataSource, json, hubInstance);
	}

	@Bean
	@DependsOnDatabaseInitialization
	QuarantineRepository quarantineRepository(DataSource dataSource, MeterRegistry meters) {
		QuarantineRepository quarantine = new QuarantineRepository(dataSource);
		Gauge.builder("orghub.quarantine.open", quarantine, QuarantineRepository::openCount)
			.description("Objects in quarantine, not yet written")
			.register(meters);
		return quarantine;
	}

	@Bean
	ThreadPoolTaskExecutor syncExecutor(OperationsProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.threads());
		executor.setMaxPoolSize(properties.threads());
		executor.setThreadNamePrefix("sync-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(30);
		return executor;
	}

	@Bean
	SyncRunner syncRunner(SyncRegistry registry, OrgStore store, FieldPolicyHolder policy, RunRepository runs,
			QuarantineRepository quarantine, OperationsProperties properties, Clock clock,
			ThreadPoolTaskExecutor syncExecutor, MeterRegistry meters) {
		return new SyncRunner(registry, store, policy, runs, quarantine, properties, clock, syncExecutor, meters);
	}

	@Bean
	InstanceHeartbeat instanceHeartbeat(SyncRunner syncRunner, OperationsProperties properties) {
		return new InstanceHeartbeat(syncRunner::heartbeat, properties.heartbeat());
	}

}
