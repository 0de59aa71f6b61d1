package dk.orghub.routes.run;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.rules.RuleContext;
import dk.orghub.core.rules.RulePipeline;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Violation;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.sync.FieldPolicyHolder;
import dk.orghub.routes.sync.ImportSync;
import dk.orghub.routes.sync.SourceSettings;
import dk.orghub.routes.sync.SyncProperties;
import io.micrometer.core.instrument.Timer;

/**
 * The stages of an import from a snapshot or a change feed, batch by batch: read the
 * source, the hub's business rules on what it delivered, plan with the reconciler, check
 * the plan against the model's rules (objects that break one are set aside), the gate
 * (preview, thresholds, approval), the log, the quarantine, and the run's record. A real
 * run hands the gate to the store as its guard, so the store checks each change set once
 * and writes it in the same transaction when the gate admits it.
 */
public class ImportStages {

	private final OrgStore store;

	private final FieldPolicyHolder policy;

	private final RunRepository runs;

	private final QuarantineRepository quarantine;

	private final ApprovalGate gate;

	private final RunLog log;

	private final Clock clock;

	private final SourceSettings sources;

	ImportStages(OrgStore store, FieldPolicyHolder policy, SourceSettings sources, RunRepository runs,
			QuarantineRepository quarantine, ApprovalGate gate, Clock clock) {
		this.store = store;
		this.policy = policy;
		this.sources = sources;
		this.runs = runs;
		this.quarantine = quarantine;
		this.gate = gate;
		this.log = new RunLog(runs);
		this.clock = clock;
	}

	/** Reads the source: a snapshot, or the next batch of a change feed. */
	public void read(State run) {
		run.progress().phase("reading");
		ImportSync sync = run.sync();
		run.delivery = sync.read(this.store,
				new RunSourceContext(this.store, sync.sourceName(), this.clock, run.progress()));
	}

	/**
	 * The hub's business rules on what the source delivered (the source's {@code rules()}
	 * with {@code hub.sources.<source>.rules.*} over them).
	 */
	public void rules(State run) {
		RulePipeline pipeline = this.sources.pipeline(run.sync().adapter());
		if (!pipeline.isEmpty()) {
			run.progress().phase("rules");
			run.delivery = run.delivery.with(pipeline.apply(run.delivery.objects(), RuleContext.of(this.store)));
		}
	}

	/**
	 * Plans the change set with the reconciler (with the source's
	 * {@code hub.sources.<source>.reconcile.*} options).
	 */
	public void plan(State run) {
		run.progress().phase("planning");
		ImportSync sync = run.sync();
		Set<UUID> only = run.options().only();
		run.plan = sync.plan(this.store, this.policy,
				this.sources.reconcile(sync.sourceName(), LocalDate.now(this.clock)), run.delivery);
		run.delivery = null;
		run.changes = (only != null) ? ChangeSets.only(run.plan.changes(), only) : run.plan.changes();
		run.read += (only != null) ? only.size() : run.plan.read();
	}

	/**
	 * Checks the change set against the model's rules, setting aside the objects that
	 * break one. A real run writes here, in the store's transaction, when the gate's
	 * guard admits the checked result; a preview only computes it.
	 */
	public void check(State run) {
		run.progress().phase("checking");
		SyncProperties.Thresholds thresholds = run.sync().settings().thresholds();
		ApprovalGate.Guard guard = this.gate.guard(thresholds, run.options().approvedFingerprint());
		run.checked = CheckedPlan.check(run.changes,
				run.options().preview() ? this.store::preview : (cs) -> this.store.apply(cs, guard));
		ApplyResult preview = run.checked.preview();
		run.findings = (guard.findings() != null) ? guard.findings() : this.gate.findings(preview, thresholds);
		run.report = SafetyCheck.report(run.findings, thresholds);
		run.admitted = guard.admitted();
		run.failedCount += run.checked.failed().size();
	}

	/**
	 * The gate: a preview, a run over the thresholds or an approved run whose plan
	 * changed stop here.
	 */
	public void thresholds(State run) {
		ApplyResult preview = run.checked.preview();
		boolean previewing = run.options().preview();
		// a real run the store's guard admitted goes on: it needs no digest
		String fingerprint = (previewing || !run.admitted) ? PlanFingerprint.of(preview) : null;
		String actor = run.changes.actor().toString();
		String note = RunLog.join(failures(run.checked.failed()),
				run.plan.more() ? "the source has more batches; the preview shows the first" : null);
		this.gate.pass(run,
				new ApprovalGate.Plan(RunLog.counts(run.read, preview, run.checked.failed().size()), fingerprint,
						run.findings, run.sync().settings().thresholds(), note, ApprovalGate.Wording.WRITE,
						previewing ? null : run.admitted, () -> this.log.write(run, actor, preview)));
	}

	/** The log of what the batch wrote: a line per object. */
	public void log(State run) {
		run.progress().phase("writing");
		ApplyResult result = run.checked.preview();
		if (result.registration() != null) {
			run.registration = result.registration().id();
		}
		this.log.write(run, run.changes.actor().toString(), result);
		run.created += (int) result.count(ObjectChange.Kind.CREATED);
		run.changed += (int) result.count(ObjectChange.Kind.CHANGED);
		run.ended += (int) result.count(ObjectChange.Kind.ENDED);
		run.notes = RunLog.join(run.notes, failures(run.checked.failed()));
	}

	/**
	 * The run's dead letters: the objects that broke a rule go to the quarantine; those
	 * written (or, after a full read, no longer planned) leave it.
	 */
	public void quarantine(State run) {
		String sync = run.sync().name();
		Instant now = this.clock.instant();
		run.checked.failed()
			.forEach((uuid, violation) -> this.quarantine.fail(sync, violation.type(), uuid, violation.userKey(),
					violation.rule(), violation.message(), run.id(), now));
		Set<UUID> cleared = new HashSet<>(ChangeSets.objects(run.checked.accepted()));
		if (run.options().only() != null) {
			cleared.addAll(run.options().only());
		}
		else if (!run.plan.more() && run.plan.changes().tokens().isEmpty()) {
			cleared.addAll(this.quarantine.openObjects(sync));
		}
		cleared.removeAll(run.checked.failed().keySet());
		this.quarantine.resolve(sync, cleared, run.id(), now);
	}

	/** Records the finished run with the counts of all its batches. */
	public void record(State run) {
		int unchanged = Math.max(0, run.read - run.created - run.changed - run.ended - run.failedCount);
		RunStatus status = (run.failedCount > 0) ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
		this.runs.finish(run.id(), status,
				new Run.Counts(run.read, run.created, run.changed, run.ended, unchanged, run.failedCount), run.notes,
				run.report, run.registration, null, this.clock.instant());
		run.stop(status);
	}

	private static String failures(Map<UUID, Violation> failed) {
		if (failed.isEmpty()) {
			return null;
		}
		return failed.size() + " object(s) broke a rule of the model and went to the quarantine";
	}

	/** An import run: the batch at hand and the counts of the batches before it. */
	public static final class State extends RunState<ImportSync> {

		private ImportSync.Delivery delivery;

		private ImportSync.Plan plan;

		private ChangeSet changes;

		private CheckedPlan checked;

		private List<SafetyCheck.Finding> findings;

		private String report;

		private boolean admitted;

		private int read;

		private int created;

		private int changed;

		private int ended;

		private int failedCount;

		private Long registration;

		private String notes;

		State(ImportSync sync, long id, Options options, RunProgress progress, Timer.Sample timer) {
			super(sync, id, options, progress, timer);
		}

		/**
		 * Whether the route reads another batch: before the first, and while the source
		 * has more.
		 */
		public boolean batchesLeft() {
			return goesOn() && (this.plan == null || this.plan.more());
		}

	}

}
