package dk.orghub.routes.run;

import java.time.Clock;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.orghub.core.store.OrgStore;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.sync.FieldPolicyHolder;
import dk.orghub.routes.sync.SourceSettings;
import dk.orghub.routes.sync.SyncRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;

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
	RunSkeleton runSkeleton(RunRepository runs, OperationsProperties properties, Clock clock, MeterRegistry meters) {
		return new RunSkeleton(runs, properties, clock, meters);
	}

	@Bean
	ApprovalGate approvalGate(RunRepository runs, OrgStore store, Clock clock) {
		return new ApprovalGate(runs, store, clock);
	}

	@Bean
	ImportStages importStages(OrgStore store, FieldPolicyHolder policy, SourceSettings sources, RunRepository runs,
			QuarantineRepository quarantine, ApprovalGate gate, Clock clock) {
		return new ImportStages(store, policy, sources, runs, quarantine, gate, clock);
	}

	@Bean
	InboxStages inboxStages(OrgStore store, SourceSettings sources, RunRepository runs, QuarantineRepository quarantine,
			ApprovalGate gate, Clock clock) {
		return new InboxStages(store, sources, runs, quarantine, gate, clock);
	}

	@Bean
	TargetStages targetStages(RunRepository runs, QuarantineRepository quarantine, ApprovalGate gate, Clock clock) {
		return new TargetStages(runs, quarantine, gate, clock);
	}

	@Bean
	SyncRunRoutes syncRunRoutes(SyncRegistry registry, RunSkeleton skeleton, ImportStages imports, InboxStages inboxes,
			TargetStages targets) {
		return new SyncRunRoutes(registry, skeleton, imports, inboxes, targets);
	}

	@Bean
	SyncRunner syncRunner(SyncRegistry registry, OrgStore store, RunRepository runs, RunSkeleton skeleton,
			ProducerTemplate producerTemplate, OperationsProperties properties, Clock clock,
			ThreadPoolTaskExecutor syncExecutor) {
		DeadRuns deadRuns = new DeadRuns(runs, registry, store, properties.lockTimeout(), clock);
		return new SyncRunner(registry, runs, skeleton, producerTemplate, deadRuns, properties, clock, syncExecutor);
	}

	@Bean
	InstanceHeartbeat instanceHeartbeat(SyncRunner syncRunner, OperationsProperties properties) {
		return new InstanceHeartbeat(syncRunner::heartbeat, properties.heartbeat());
	}

}
