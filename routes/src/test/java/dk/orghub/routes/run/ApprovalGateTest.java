package dk.orghub.routes.run;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.routes.sync.SyncKind;
import dk.orghub.routes.sync.SyncProperties;
import dk.orghub.routes.sync.TargetSync;
import dk.orghub.routes.testing.OpsDatabase;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one preview / threshold / approval gate, as every kind of run meets it: what it
 * records and whether the run goes on.
 */
class ApprovalGateTest {

	private static final SyncProperties.Thresholds THRESHOLDS = new SyncProperties.Thresholds(true, 0.05, 20);

	/** Ends 10 of 100 units: over the 5% limit. */
	private static final List<SafetyCheck.Finding> OVER = SafetyCheck.check(List.of("org-units"),
			Map.of("org-units", 10L), Map.of("org-units", 100L), THRESHOLDS);

	/** Ends 2 of 100 units: within the limit. */
	private static final List<SafetyCheck.Finding> WITHIN = SafetyCheck.check(List.of("org-units"),
			Map.of("org-units", 2L), Map.of("org-units", 100L), THRESHOLDS);

	private static final Run.Counts COUNTS = new Run.Counts(100, 0, 0, 10, 90, 0);

	private final Clock clock = Clock.systemUTC();

	private final TargetSync sync = new TargetSync("publish", () -> "target",
			new SyncProperties.SyncSettings("target", null, null, ZoneId.of("Europe/Copenhagen"), false, THRESHOLDS),
			() -> null, null, null);

	private RunRepository runs;

	private ApprovalGate gate;

	private int logsWritten;

	@BeforeEach
	void createDatabase() {
		DataSource dataSource = OpsDatabase.migrated();
		this.runs = new RunRepository(dataSource, new ObjectMapper().findAndRegisterModules(), new HubInstance());
		this.runs.ensureSync(this.sync.name(), false);
		this.gate = new ApprovalGate(this.runs, new JdbcOrgStore(dataSource, this.clock), this.clock);
	}

	@Test
	void aPlanWithinTheThresholdsGoesOnAndNothingIsRecorded() {
		RunState<?> run = run(RunState.Options.RUN);
		assertThat(this.gate.pass(run, plan("a", WITHIN))).isTrue();
		assertThat(run.goesOn()).isTrue();
		assertThat(this.runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
		assertThat(this.logsWritten).isZero();
	}

	@Test
	void aPreviewIsRecordedWithWhatARealRunWouldDo() {
		RunState<?> run = run(RunState.Options.preview(true));
		assertThat(this.gate.pass(run, plan("a", OVER))).isFalse();
		Run recorded = this.runs.find(run.id()).orElseThrow();
		assertThat(recorded.status()).isEqualTo(RunStatus.PREVIEW);
		assertThat(run.status()).isEqualTo(RunStatus.PREVIEW);
		assertThat(recorded.message()).isEqualTo(
				"A real run would stop and wait for approval: ends 10 of 100 org-units (10.0%, over the limit of 5.0%); "
						+ "the note");
		assertThat(recorded.counts()).isEqualTo(COUNTS);
		assertThat(this.runs.fingerprint(run.id())).isEqualTo("a");
		assertThat(this.logsWritten).isEqualTo(1);
	}

	@Test
	void aPreviewWithoutThresholdsChecked() {
		RunState<?> run = run(RunState.Options.preview(true));
		this.gate.pass(run, plan("a", null));
		Run recorded = this.runs.find(run.id()).orElseThrow();
		assertThat(recorded.message()).isEqualTo("the note");
		assertThat(recorded.thresholdReport()).isNull();
	}

	@Test
	void aPlanOverTheThresholdsAwaitsApprovalAndSupersedesAWaitingRunOfAnotherPlan() {
		RunState<?> older = run(RunState.Options.RUN);
		this.gate.pass(older, plan("a", OVER));
		RunState<?> newer = run(RunState.Options.RUN);

		assertThat(this.gate.pass(newer, plan("b", OVER))).isFalse();

		Run waiting = this.runs.find(newer.id()).orElseThrow();
		assertThat(waiting.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
		assertThat(waiting.message()).isEqualTo("Stopped before sending: the run ends 10 of 100 org-units "
				+ "(10.0%, over the limit of 5.0%). Check the changes, then approve or reject the run.");
		Run superseded = this.runs.find(older.id()).orElseThrow();
		assertThat(superseded.status()).isEqualTo(RunStatus.EXPIRED);
		assertThat(superseded.message()).isEqualTo("superseded by run " + newer.id() + ", whose plan differs");
		assertThat(this.logsWritten).isEqualTo(2);
	}

	@Test
	void theSamePlanAgainIsSkippedAndTheWaitingRunStays() {
		RunState<?> waiting = run(RunState.Options.RUN);
		this.gate.pass(waiting, plan("a", OVER));
		RunState<?> again = run(RunState.Options.RUN);

		assertThat(this.gate.pass(again, plan("a", OVER))).isFalse();

		assertThat(again.status()).isEqualTo(RunStatus.SKIPPED);
		assertThat(this.runs.find(again.id()).orElseThrow().message()).isEqualTo("Run " + waiting.id()
				+ " awaits approval of this same plan; approve or reject it there. Nothing was written.");
		assertThat(this.runs.find(waiting.id()).orElseThrow().status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
		assertThat(this.logsWritten).isEqualTo(1);
	}

	@Test
	void anApprovedRunGoesOnOverTheThresholdsWhenItsPlanIsTheOneApproved() {
		RunState<?> approved = run(new RunState.Options(false, null, "a", false));
		assertThat(this.gate.pass(approved, plan("a", OVER))).isTrue();
		assertThat(approved.goesOn()).isTrue();
	}

	@Test
	void anApprovedRunWhosePlanChangedExpires() {
		RunState<?> approved = run(new RunState.Options(false, null, "a", false));
		assertThat(this.gate.pass(approved, plan("b", WITHIN))).isFalse();
		Run expired = this.runs.find(approved.id()).orElseThrow();
		assertThat(expired.status()).isEqualTo(RunStatus.EXPIRED);
		assertThat(expired.message())
			.startsWith("The plan changed since the preview that was approved; nothing was sent.");
		assertThat(this.logsWritten).isEqualTo(1);
	}

	@Test
	void aVerdictTakenInTheStoresTransactionStands() {
		RunState<?> run = run(new RunState.Options(false, null, "a", false));
		ApprovalGate.Plan plan = new ApprovalGate.Plan(COUNTS, "b", OVER, THRESHOLDS, null, ApprovalGate.Wording.WRITE,
				true, () -> this.logsWritten++);
		assertThat(this.gate.pass(run, plan)).isTrue();
	}

	@Test
	void theStoreMayWriteOnlyWhatTheGateAdmits() {
		assertThat(ApprovalGate.admits(null, "a", WITHIN)).isTrue();
		assertThat(ApprovalGate.admits(null, "a", OVER)).isFalse();
		assertThat(ApprovalGate.admits("a", "a", OVER)).isTrue();
		assertThat(ApprovalGate.admits("a", "b", WITHIN)).isFalse();
		ApprovalGate.Guard unasked = this.gate.guard(THRESHOLDS, "a");
		assertThat(unasked.admitted()).isTrue();
		assertThat(unasked.findings()).isNull();
	}

	private ApprovalGate.Plan plan(String fingerprint, List<SafetyCheck.Finding> findings) {
		return new ApprovalGate.Plan(COUNTS, fingerprint, findings, THRESHOLDS, "the note", ApprovalGate.Wording.SEND,
				null, () -> this.logsWritten++);
	}

	private RunState<?> run(RunState.Options options) {
		Instant now = this.clock.instant();
		long id = this.runs.insert(this.sync.name(), SyncKind.PUBLISH, Trigger.MANUAL, "tester", options.preview(),
				null, now, RunStatus.RUNNING);
		return new RunState<>(this.sync, id, options, new RunProgress(this.runs, this.sync.lock(), id, this.clock),
				Timer.start(new SimpleMeterRegistry()));
	}

}
