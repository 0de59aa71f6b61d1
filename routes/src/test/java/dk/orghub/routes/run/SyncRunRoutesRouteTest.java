package dk.orghub.routes.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.rules.PrimaryEngagementRule;
import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.FilePlan;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.spi.FileSource;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.spi.SourceRules;
import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.spi.TargetPlan;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.routes.run.SyncRunRoutes.Step;
import dk.orghub.routes.sync.FieldPolicyHolder;
import dk.orghub.routes.sync.SourceProperties;
import dk.orghub.routes.sync.SourceSettings;
import dk.orghub.routes.sync.SyncProperties;
import dk.orghub.routes.sync.SyncRegistry;
import dk.orghub.routes.sync.TargetSync;
import dk.orghub.routes.testing.OpsDatabase;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.municipality.SampleMunicipalitySource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wiring of the sync routes, on the run machinery's real beans (an in-memory H2 store
 * with the operations tables) and the sample municipality: each kind of run passes its
 * stages in order, a run the gate stops never reaches the stages that write, and a
 * failing stage goes to the route's error handler.
 */
@CamelSpringBootTest
@SpringBootTest(classes = SyncRunRoutesRouteTest.Wiring.class)
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class SyncRunRoutesRouteTest {

	private static final String TODAY = "today";

	private static final String REPLACED = "replaced";

	private static final String INBOX = "payroll";

	private static final String TARGET = "directory";

	/** Engagement types, temporary and hourly paid first, monthly paid last. */
	private static final List<String> SIDE_JOBS_FIRST = List.of("Vikar", "Timelønnet", "Fleksjob", "Elev",
			"Månedslønnet");

	@Autowired
	private CamelContext camel;

	@Autowired
	private SyncRunner runner;

	@Autowired
	private RunRepository runs;

	@Autowired
	private OrgStore store;

	@Autowired
	private Target target;

	@Autowired
	private SourceSettings sourceSettings;

	private final List<String> trail = new ArrayList<>();

	@Test
	void anImportPassesReadRulesPlanCheckThresholdsLogQuarantineAndRecordInOrder() throws Exception {
		follow(TODAY, Step.READ, Step.RULES, Step.PLAN, Step.CHECK, Step.THRESHOLDS, Step.LOG, Step.QUARANTINE,
				Step.RECORD, Step.FINISH);
		this.camel.start();
		Run run = this.runner.runNow(TODAY, Trigger.MANUAL, "tester", false);
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(run.counts().created()).isGreaterThan(100);
		assertThat(this.trail).containsExactly("read", "rules", "plan", "check", "thresholds", "log", "quarantine",
				"record", "finish");
		assertThat(this.runs.changes(run.id(), null, 0, 1).total()).isEqualTo(run.counts().created());
	}

	/**
	 * The sample municipality marks each person's main job (mostly monthly paid) primary;
	 * with {@code hub.sources.samples.rules.primary-engagement: engagement-type-order}
	 * and an order that puts temporary and hourly paid jobs first, the rules step chooses
	 * again, and a side job becomes primary.
	 */
	@Test
	void theRulesStepAppliesTheSourcesSettingToWhatItDelivered() throws Exception {
		this.camel.start();
		Municipality municipality = MunicipalityGenerator.generate(1, MunicipalityGenerator.MIN_EMPLOYEES);
		assertThat(this.sourceSettings.pipeline(new SampleMunicipalitySource(municipality)).stepNames())
			.containsExactly("primary-engagement");
		Run run = this.runner.runNow(TODAY, Trigger.MANUAL, "tester", false);
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);

		ReadPoint at = ReadPoint.of(municipality.referenceDate(), null, Clock.systemUTC());
		Map<UUID, List<Engagement>> byPerson = new HashMap<>();
		this.store.list(Query.of(Engagement.class, at).page(0, 10_000))
			.items()
			.forEach((v) -> byPerson.computeIfAbsent(v.value().person(), (p) -> new ArrayList<>()).add(v.value()));
		Comparator<Engagement> sideJobsFirst = PrimaryEngagementRule.byEngagementTypeOrder(SIDE_JOBS_FIRST.stream()
			.map((type) -> DefaultClasses.classUuid(DefaultClasses.ENGAGEMENT_TYPE, type))
			.toList());
		int chosenAgain = 0;
		for (List<Engagement> jobs : byPerson.values()) {
			Engagement primary = jobs.stream().filter(Engagement::primary).findFirst().orElseThrow();
			assertThat(primary).isEqualTo(jobs.stream().min(sideJobsFirst).orElseThrow());
			Engagement delivered = municipality.engagements().get(primary.uuid()).at(at.at()).orElseThrow();
			chosenAgain += delivered.primary() ? 0 : 1;
		}
		assertThat(chosenAgain).as("persons whose primary job the rules step changed").isPositive();
	}

	@Test
	void aRunOverTheThresholdsStopsAtTheGateAndNeverReachesTheStagesThatWrite() throws Exception {
		AdviceWith.adviceWith(this.camel, SyncRunRoutes.routeId(TODAY),
				(route) -> route.weaveById(SyncRunRoutes.stepId(TODAY, Step.LOG)).before().to("mock:today-writes"));
		AdviceWith.adviceWith(this.camel, SyncRunRoutes.routeId(REPLACED),
				(route) -> route.weaveById(SyncRunRoutes.stepId(REPLACED, Step.LOG))
					.before()
					.to("mock:replaced-writes"));
		this.camel.start();
		MockEndpoint today = this.camel.getEndpoint("mock:today-writes", MockEndpoint.class);
		MockEndpoint replaced = this.camel.getEndpoint("mock:replaced-writes", MockEndpoint.class);
		today.expectedMessageCount(1);
		replaced.expectedMessageCount(0);
		assertThat(this.runner.runNow(TODAY, Trigger.MANUAL, "tester", false).status()).isEqualTo(RunStatus.SUCCEEDED);
		long units = units();

		Run preview = this.runner.runNow(REPLACED, Trigger.MANUAL, "tester", true);
		Run stopped = this.runner.runNow(REPLACED, Trigger.MANUAL, "tester", false);

		assertThat(preview.status()).isEqualTo(RunStatus.PREVIEW);
		assertThat(preview.message()).startsWith("A real run would stop and wait for approval: ends ");
		assertThat(stopped.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
		assertThat(stopped.message()).startsWith("Stopped before writing: the run ends ")
			.endsWith(". Check the changes, then approve or reject the run.");
		assertThat(units()).isEqualTo(units);
		MockEndpoint.assertIsSatisfied(today, replaced);
	}

	@Test
	void aFailingStageEndsTheRunFailedThroughTheErrorHandler() throws Exception {
		AdviceWith.adviceWith(this.camel, SyncRunRoutes.routeId(TODAY), (route) -> {
			route.weaveById(SyncRunRoutes.stepId(TODAY, Step.READ))
				.replace()
				.throwException(new AdapterException("the payroll system did not answer", true));
			route.weaveById(SyncRunRoutes.stepId(TODAY, Step.FAILED)).after().to("mock:failed");
			route.weaveById(SyncRunRoutes.stepId(TODAY, Step.FINISH)).before().to("mock:not-finished-normally");
		});
		AdviceWith.adviceWith(this.camel, SyncRunRoutes.routeId(REPLACED),
				(route) -> route.weaveById(SyncRunRoutes.stepId(REPLACED, Step.LOG))
					.replace()
					.throwException(new IllegalStateException("the disk is full")));
		this.camel.start();
		MockEndpoint failed = this.camel.getEndpoint("mock:failed", MockEndpoint.class);
		failed.expectedMessageCount(2);
		this.camel.getEndpoint("mock:not-finished-normally", MockEndpoint.class).expectedMessageCount(0);

		Run first = this.runner.runNow(TODAY, Trigger.MANUAL, "tester", false);
		Run again = this.runner.runNow(TODAY, Trigger.MANUAL, "tester", false);
		Run writing = this.runner.runNow(REPLACED, Trigger.MANUAL, "tester", false);

		assertThat(first.status()).isEqualTo(RunStatus.FAILED);
		assertThat(first.message()).isEqualTo("the adapter 'samples' failed: the payroll system did not answer "
				+ "(temporary: a later run may succeed)");
		// the error handler released the lock: the sync ran again
		assertThat(again.status()).isEqualTo(RunStatus.FAILED);
		assertThat(this.runs.runningRun(TODAY)).isEmpty();
		assertThat(writing.status()).isEqualTo(RunStatus.FAILED);
		assertThat(writing.message()).isEqualTo("IllegalStateException: the disk is full");
		MockEndpoint.assertIsSatisfied(this.camel);
	}

	@Test
	void aFileInboxPassesTakeReadRulesPlanCheckThresholdsLogQuarantineDoneAndRecordInOrder() throws Exception {
		follow(INBOX, Step.TAKE, Step.READ, Step.RULES, Step.PLAN, Step.CHECK, Step.THRESHOLDS, Step.LOG,
				Step.QUARANTINE, Step.DONE, Step.RECORD, Step.FINISH);
		this.camel.start();
		Run run = this.runner.runNow(INBOX, Trigger.MANUAL, "tester", false);
		assertThat(run.status()).isEqualTo(RunStatus.FAILED);
		assertThat(run.message()).isEqualTo("ZLPE20260101000000_delta.xml was rejected and nothing of it was applied "
				+ "(moved to error/ZLPE20260101000000_delta.xml): no Kommune element");
		assertThat(this.trail).containsExactly("take", "read", "rules", "plan", "check", "thresholds", "log",
				"quarantine", "done", "record", "finish");
	}

	@Test
	void aTargetPassesPlanThresholdsSendLogQuarantineAndRecordInOrder() throws Exception {
		follow(TARGET, Step.PLAN, Step.THRESHOLDS, Step.SEND, Step.LOG, Step.QUARANTINE, Step.RECORD, Step.FINISH);
		this.camel.start();
		Run run = this.runner.runNow(TARGET, Trigger.MANUAL, "tester", false);
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(run.message()).isEqualTo("sent 3");
		assertThat(this.trail).containsExactly("plan", "thresholds", "send", "log", "quarantine", "record", "finish");
	}

	@Test
	void aTargetNotAnsweringAChangeRunGoesUpToTheCallerAndLeavesNoRun() throws Exception {
		AdviceWith.adviceWith(this.camel, SyncRunRoutes.routeId(TARGET),
				(route) -> route.weaveById(SyncRunRoutes.stepId(TARGET, Step.WITHDRAW)).after().to("mock:withdrawn"));
		this.camel.start();
		this.camel.getEndpoint("mock:withdrawn", MockEndpoint.class).expectedMessageCount(1);
		this.target.answers = false;

		assertThatThrownBy(() -> this.runner.change(TARGET)).isInstanceOf(AdapterException.class)
			.hasMessage("the directory did not answer");

		assertThat(this.runs.list(TARGET, null, 0, 10).total()).isZero();
		assertThat(this.runs.runningRun(TARGET)).isEmpty();
		MockEndpoint.assertIsSatisfied(this.camel);
		// a full run of the same failure is recorded
		Run run = this.runner.runNow(TARGET, Trigger.MANUAL, "tester", false);
		assertThat(run.status()).isEqualTo(RunStatus.FAILED);
		assertThat(run.message()).isEqualTo(
				"the adapter 'directory' failed: the directory did not answer (temporary: a later run may succeed)");
	}

	/** Notes each of these steps of the sync's route in the trail, after it ran. */
	private void follow(String sync, Step... steps) throws Exception {
		AdviceWith.adviceWith(this.camel, SyncRunRoutes.routeId(sync), (route) -> {
			for (Step step : steps) {
				route.weaveById(SyncRunRoutes.stepId(sync, step))
					.after()
					.process((exchange) -> this.trail.add(step.id));
			}
		});
	}

	private long units() {
		return this.store.list(Query.of(OrgUnit.class, ReadPoint.now(Clock.systemUTC())).page(0, 1)).total();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(CamelAutoConfiguration.class)
	@Import(OperationsConfiguration.class)
	static class Wiring {

		@Bean
		DataSource dataSource() {
			return OpsDatabase.migrated();
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		OrgStore store(DataSource dataSource, Clock clock) {
			return new JdbcOrgStore(dataSource, clock);
		}

		@Bean
		FieldPolicyHolder fieldPolicy() {
			return new FieldPolicyHolder(Map.of());
		}

		@Bean
		SourceSettings sourceSettings() {
			return new SourceSettings(new SourceProperties(Map.of(SampleMunicipalitySource.NAME,
					new SourceProperties.Source(
							new SourceProperties.Rules(SourceRules.PrimaryEngagement.ENGAGEMENT_TYPE_ORDER,
									SIDE_JOBS_FIRST, null, null, null),
							new SourceProperties.Reconcile(false, false)))));
		}

		@Bean
		ObjectMapper objectMapper() {
			return new ObjectMapper().findAndRegisterModules();
		}

		@Bean
		MeterRegistry meters() {
			return new SimpleMeterRegistry();
		}

		@Bean
		OperationsProperties operationsProperties() {
			return new OperationsProperties(2, Duration.ofMinutes(10), Duration.ofDays(90), Duration.ofDays(1826),
					"0 30 3 * * ?", Duration.ofSeconds(10));
		}

		@Bean
		Target target() {
			return new Target();
		}

		@Bean
		SyncRegistry syncRegistry(Target target) {
			Map<String, Adapter> adapters = Map.of("todaysMunicipality",
					new SampleMunicipalitySource(
							MunicipalityGenerator.generate(1, MunicipalityGenerator.MIN_EMPLOYEES)),
					"anotherMunicipality",
					new SampleMunicipalitySource(
							MunicipalityGenerator.generate(2, MunicipalityGenerator.MIN_EMPLOYEES)),
					"payrollInbox", new RejectingInbox());
			Map<String, SyncProperties.SyncSettings> settings = Map.of(TODAY, settings("todaysMunicipality"), REPLACED,
					settings("anotherMunicipality"), INBOX, settings("payrollInbox"));
			TargetSync sync = new TargetSync(TARGET, target, settings(TARGET), target::plan, target::change,
					() -> true);
			return new SyncRegistry(settings, adapters, List.of(sync));
		}

		private static SyncProperties.SyncSettings settings(String adapter) {
			return new SyncProperties.SyncSettings(adapter, null, null, ZoneId.of("Europe/Copenhagen"), false,
					new SyncProperties.Thresholds(true, 0.05, 20));
		}

	}

	/**
	 * A target that plans sending three objects it holds as they are, or does not answer.
	 */
	static final class Target implements TargetAdapter {

		volatile boolean answers = true;

		@Override
		public String name() {
			return TARGET;
		}

		TargetPlan plan() {
			return new TargetPlan() {

				@Override
				public int read() {
					return 3;
				}

				@Override
				public TargetOutcome send() {
					answer();
					return new TargetOutcome(3, 0, 0, 0, 3, 0, "sent 3");
				}

			};
		}

		TargetOutcome change() {
			answer();
			return null;
		}

		private void answer() {
			if (!this.answers) {
				throw new AdapterException("the directory did not answer", true);
			}
		}

	}

	/** A payroll inbox with one dump waiting that it rejects as a whole. */
	static final class RejectingInbox implements FileSource {

		private static final Path DUMP = Path.of("/inbox/ZLPE20260101000000_delta.xml");

		@Override
		public String name() {
			return INBOX;
		}

		@Override
		public SourceOwnership ownership() {
			return new SourceOwnership(Map.of());
		}

		@Override
		public List<Path> pending() {
			return List.of(DUMP);
		}

		@Override
		public FilePlan plan(Path file) {
			return FilePlan.refused(file.getFileName().toString(), 0, List.of(), List.of(), "no Kommune element");
		}

		@Override
		public String applied(Path file, FilePlan plan, ApplyResult result) {
			throw new AssertionError("a refused file is not applied");
		}

		@Override
		public String rejected(Path file, String reason) {
			return "error/" + file.getFileName();
		}

		@Override
		public String location() {
			return "/inbox";
		}

	}

}
