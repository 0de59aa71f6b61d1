package dk.orghub.routes.run;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.routes.sync.SyncProperties;

/**
 * The one gate every kind of run passes between planning and writing (or sending): a
 * preview records its plan and stops; a run whose plan trips the safety thresholds stops
 * awaiting approval (or is skipped when a run awaits approval of this same plan); an
 * approved run goes on only when its new plan is the one the operator saw (by
 * {@link PlanFingerprint}), and otherwise expires. Every other run goes on.
 * <p>
 * Approval applies the plan as it is when approved: the sync is read and planned again,
 * and the run is applied only when that plan is the one the operator saw. This keeps no
 * change set in the database, and never applies what nobody saw.
 */
final class ApprovalGate {

	private final RunRepository runs;

	private final OrgStore store;

	private final Clock clock;

	ApprovalGate(RunRepository runs, OrgStore store, Clock clock) {
		this.runs = runs;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Whether a real run may write its plan: when it was approved, only the plan that was
	 * approved; otherwise only one that does not trip the thresholds.
	 */
	static boolean admits(String approvedFingerprint, String fingerprint, List<SafetyCheck.Finding> findings) {
		if (approvedFingerprint != null) {
			return approvedFingerprint.equals(fingerprint);
		}
		return findings == null || !SafetyCheck.tripped(findings);
	}

	/**
	 * The thresholds on a change set of the store, against what the store holds today.
	 */
	List<SafetyCheck.Finding> findings(ApplyResult preview, SyncProperties.Thresholds thresholds) {
		// a change set that ends nothing trips no threshold and reports no share: the
		// store's counts (three counts of what is current) are read only for one that
		// ends
		boolean ends = preview.changes().stream().anyMatch((c) -> c.kind() == ObjectChange.Kind.ENDED);
		return SafetyCheck.check(preview, ends ? storedCounts() : Map.of(), thresholds);
	}

	/**
	 * A guard for {@link OrgStore#apply(dk.orghub.core.store.ChangeSet, Predicate)}: the
	 * gate's verdict taken inside the store's transaction, on the result it computed, so
	 * that a change set is checked once.
	 */
	Guard guard(SyncProperties.Thresholds thresholds, String approvedFingerprint) {
		return new Guard(thresholds, approvedFingerprint);
	}

	/**
	 * Lets the run through, or records how it ends here.
	 * @return whether the run goes on to write (or send)
	 */
	boolean pass(RunState<?> run, Plan plan) {
		String report = (plan.findings() != null) ? SafetyCheck.report(plan.findings(), plan.thresholds()) : null;
		RunState.Options options = run.options();
		if (options.preview()) {
			plan.writeLog().run();
			boolean wouldStop = plan.findings() != null && SafetyCheck.tripped(plan.findings());
			String message = RunLog.join(wouldStop ? "A real run would stop and wait for approval: " + report : null,
					plan.note());
			finish(run, RunStatus.PREVIEW, plan.counts(), message, report, plan.fingerprint());
			return false;
		}
		boolean admitted = (plan.admitted() != null) ? plan.admitted()
				: admits(options.approvedFingerprint(), plan.fingerprint(), plan.findings());
		if (options.approvedFingerprint() != null) {
			this.runs.deleteChanges(run.id());
			if (admitted) {
				return true;
			}
			plan.writeLog().run();
			finish(run, RunStatus.EXPIRED, plan.counts(), plan.wording().expired(), report, plan.fingerprint());
			return false;
		}
		if (admitted) {
			return true;
		}
		awaitApproval(run, plan, report);
		return false;
	}

	/**
	 * Stops a run over the thresholds to await approval, superseding (expiring) an older
	 * run of the sync that awaits approval of another plan. When one awaits approval of
	 * this same plan (the same file or source, unchanged, against an unchanged store), it
	 * stays as it is, so the operator does not lose the run they are reading, and this
	 * run is skipped, naming it.
	 */
	private void awaitApproval(RunState<?> run, Plan plan, String report) {
		Instant now = this.clock.instant();
		String sync = run.sync().name();
		Optional<Long> same = this.runs.awaitingWithPlan(sync, run.id(), plan.fingerprint());
		if (same.isPresent()) {
			this.runs.finish(run.id(), RunStatus.SKIPPED, Run.Counts.NONE,
					"Run " + same.get()
							+ " awaits approval of this same plan; approve or reject it there. Nothing was written.",
					report, null, null, now);
			run.stop(RunStatus.SKIPPED);
			return;
		}
		plan.writeLog().run();
		this.runs.expireAwaiting(sync, run.id(), "superseded by run " + run.id() + ", whose plan differs", now);
		finish(run, RunStatus.AWAITING_APPROVAL, plan.counts(), plan.wording().stopped().apply(report), report,
				plan.fingerprint());
	}

	private void finish(RunState<?> run, RunStatus status, Run.Counts counts, String message, String report,
			String fingerprint) {
		this.runs.finish(run.id(), status, counts, message, report, null, fingerprint, this.clock.instant());
		run.stop(status);
	}

	private Map<ObjectType, Long> storedCounts() {
		ReadPoint now = ReadPoint.now(this.clock);
		Map<ObjectType, Long> counts = new EnumMap<>(ObjectType.class);
		for (ObjectType type : SafetyCheck.GUARDED) {
			@SuppressWarnings("unchecked")
			Class<OrgObject> javaType = (Class<OrgObject>) type.javaType();
			counts.put(type, this.store.list(Query.of(javaType, now).page(0, 1)).total());
		}
		return counts;
	}

	/**
	 * A plan at the gate.
	 *
	 * @param counts the run's counts if it stops here
	 * @param fingerprint the plan's digest; {@code null} only for a real run that
	 * {@code admitted} lets through (it goes on, and the digest is not needed)
	 * @param findings the thresholds on the plan, or {@code null} when they were not
	 * checked
	 * @param note a line about the plan for a preview, or {@code null}
	 * @param wording what a run that stops here says
	 * @param admitted the verdict already taken inside the store's transaction (see
	 * {@link #guard}), or {@code null} to take it here
	 * @param writeLog writes the plan's lines to the run's log
	 */
	record Plan(Run.Counts counts, String fingerprint, List<SafetyCheck.Finding> findings,
			SyncProperties.Thresholds thresholds, String note, Wording wording, Boolean admitted, Runnable writeLog) {

	}

	/**
	 * What a run that stops at the gate says.
	 *
	 * @param stopped the message of a run awaiting approval, from the threshold report
	 * @param expired the message of an approved run whose plan changed
	 */
	record Wording(UnaryOperator<String> stopped, String expired) {

		static final Wording WRITE = new Wording(
				(report) -> "Stopped before writing: the run " + report
						+ ". Check the changes, then approve or reject the run.",
				"The plan changed since the preview that was approved; nothing was written. The log shows the new "
						+ "plan: run the sync again to see whether it still needs approval.");

		static final Wording SEND = new Wording(
				(report) -> "Stopped before sending: the run " + report
						+ ". Check the changes, then approve or reject the run.",
				"The plan changed since the preview that was approved; nothing was sent. The log shows the new "
						+ "plan: run the sync again to see whether it still needs approval.");

	}

	/**
	 * The gate's verdict inside the store's transaction, with the checked result in hand
	 * and before the store writes it.
	 */
	final class Guard implements Predicate<ApplyResult> {

		private final SyncProperties.Thresholds thresholds;

		private final String approvedFingerprint;

		private List<SafetyCheck.Finding> findings;

		private Boolean admitted;

		private Guard(SyncProperties.Thresholds thresholds, String approvedFingerprint) {
			this.thresholds = thresholds;
			this.approvedFingerprint = approvedFingerprint;
		}

		@Override
		public boolean test(ApplyResult computed) {
			this.findings = ApprovalGate.this.findings(computed, this.thresholds);
			// as admits(), with the digest computed only when there is one to compare
			this.admitted = (this.approvedFingerprint != null)
					? this.approvedFingerprint.equals(PlanFingerprint.of(computed))
					: !SafetyCheck.tripped(this.findings);
			return this.admitted;
		}

		/**
		 * The findings on the result the store computed, or {@code null} when it asked
		 * nothing.
		 */
		List<SafetyCheck.Finding> findings() {
			return this.findings;
		}

		/**
		 * The verdict; a store with nothing to write asks nothing, and the run goes on
		 * with nothing written.
		 */
		boolean admitted() {
			return this.admitted == null || this.admitted;
		}

	}

}
