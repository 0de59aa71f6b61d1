package dk.orghub.routes.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.spi.TargetChange;
import dk.orghub.core.spi.TargetFailure;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.spi.TargetPlan;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.sync.SyncProperties;
import dk.orghub.routes.sync.TargetSync;
import io.micrometer.core.instrument.Timer;

/**
 * The stages of a target sync's run: plan (what the target would be sent, computed
 * without sending), the gate, send, the log, following the target's quarantine, and the
 * run's record. A change run (the outbox) neither plans nor stops at the gate: it sends
 * what its change operation finds. The counts are the target's (objects mapped, created,
 * changed, deactivated, unchanged, quarantined) and the log has a line per object sent.
 */
public class TargetStages {

	private final RunRepository runs;

	private final QuarantineRepository quarantine;

	private final ApprovalGate gate;

	private final RunLog log;

	private final Clock clock;

	TargetStages(RunRepository runs, QuarantineRepository quarantine, ApprovalGate gate, Clock clock) {
		this.runs = runs;
		this.quarantine = quarantine;
		this.gate = gate;
		this.log = new RunLog(runs);
		this.clock = clock;
	}

	/** Plans what the run would send (for a retry: only the objects retried). */
	public void plan(State run) {
		if (run.options().change()) {
			return;
		}
		run.progress().phase("planning");
		TargetSync sync = run.sync();
		Set<UUID> only = run.options().only();
		run.plan = (only != null) ? sync.quarantine().retry(only) : sync.plan();
		SyncProperties.Thresholds thresholds = sync.settings().thresholds();
		run.findings = SafetyCheck.check(new ArrayList<>(run.plan.held().keySet()), run.plan.ending(), run.plan.held(),
				thresholds);
		run.report = SafetyCheck.report(run.findings, thresholds);
	}

	/**
	 * The gate: a preview, a plan that would deactivate more of what the target holds
	 * than the thresholds allow, or an approved run whose plan changed stop here.
	 */
	public void thresholds(State run) {
		if (run.options().change()) {
			return;
		}
		List<TargetChange> changes = run.plan.changes();
		Run.Counts planned = new Run.Counts(run.plan.read(), count(changes, ObjectChange.Kind.CREATED),
				count(changes, ObjectChange.Kind.CHANGED), count(changes, ObjectChange.Kind.ENDED),
				run.plan.unchanged(), 0);
		this.gate.pass(run,
				new ApprovalGate.Plan(planned, PlanFingerprint.of(changes), run.findings,
						run.sync().settings().thresholds(), run.plan.note(), ApprovalGate.Wording.SEND, null,
						() -> this.log.write(run, actor(run), changes, RunRepository.ChangeLine::of)));
	}

	/** Sends the plan, or for a change run what the change operation finds. */
	public void send(State run) {
		run.progress().phase("publishing");
		if (run.options().change()) {
			TargetOutcome outcome = run.sync().change();
			run.outcome = (outcome != null) ? outcome : new TargetOutcome(0, 0, 0, 0, 0, 0, "nothing to send");
		}
		else {
			run.outcome = run.plan.send();
		}
	}

	/** The log of what the target took: a line per object. */
	public void log(State run) {
		this.log.write(run, actor(run), run.outcome.changes(), RunRepository.ChangeLine::of);
	}

	/**
	 * Keeps the sync's quarantine in step with the target's, the run's dead letters:
	 * objects the run could not send count one more failed attempt; objects the target
	 * holds that the hub's quarantine lacks (e.g. from a reconcile) join it; those the
	 * target no longer holds leave it.
	 */
	public void quarantine(State run) {
		TargetSync sync = run.sync();
		if (sync.quarantine() == null) {
			return;
		}
		Instant now = this.clock.instant();
		Set<UUID> open = new HashSet<>(this.quarantine.openObjects(sync.name()));
		Set<UUID> tried = new HashSet<>();
		for (TargetFailure failure : run.outcome.failures()) {
			tried.add(failure.uuid());
			this.quarantine.fail(sync.name(), failure.type(), failure.uuid(), failure.userKey(), "target",
					failure.reason(), run.id(), now);
		}
		Set<UUID> held = new HashSet<>();
		for (TargetFailure failure : sync.quarantine().held()) {
			held.add(failure.uuid());
			if (!open.contains(failure.uuid()) && !tried.contains(failure.uuid())) {
				this.quarantine.fail(sync.name(), failure.type(), failure.uuid(), failure.userKey(), "target",
						failure.reason(), run.id(), now);
			}
		}
		open.removeAll(held);
		this.quarantine.resolve(sync.name(), open, run.id(), now);
	}

	/** Records the run with the target's counts. */
	public void record(State run) {
		TargetOutcome outcome = run.outcome;
		RunStatus status = (outcome.failed() > 0) ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
		String message = outcome.message();
		if (outcome.failed() > 0) {
			message = RunLog.join(message,
					outcome.failed() + " object(s) could not be sent and are in the target's quarantine");
		}
		this.runs
			.finish(run.id(), status,
					new Run.Counts(outcome.read(), outcome.created(), outcome.changed(), outcome.ended(),
							outcome.unchanged(), outcome.failed()),
					message, run.report, null, null, this.clock.instant());
		run.stop(status);
	}

	private static String actor(State run) {
		return "target:" + run.sync().adapter().name();
	}

	private static int count(List<TargetChange> changes, ObjectChange.Kind kind) {
		return (int) changes.stream().filter((c) -> c.kind() == kind).count();
	}

	/** A run of a target sync: its plan and what sending did. */
	public static final class State extends RunState<TargetSync> {

		private TargetPlan plan;

		private List<SafetyCheck.Finding> findings;

		private String report;

		private TargetOutcome outcome;

		State(TargetSync sync, long id, Options options, RunProgress progress, Timer.Sample timer) {
			super(sync, id, options, progress, timer);
		}

	}

}
