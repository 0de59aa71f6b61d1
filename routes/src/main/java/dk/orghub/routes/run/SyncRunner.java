package dk.orghub.routes.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.concurrent.Executor;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.FileResult;
import dk.orghub.core.spi.TargetChange;
import dk.orghub.core.spi.TargetFailure;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.spi.TargetPlan;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.InvariantViolationException;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.store.Violation;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.sync.FieldPolicyHolder;
import dk.orghub.routes.sync.ImportSync;
import dk.orghub.routes.sync.InboxSync;
import dk.orghub.routes.sync.Sync;
import dk.orghub.routes.sync.SyncProperties;
import dk.orghub.routes.sync.SyncRegistry;
import dk.orghub.routes.sync.TargetSync;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs syncs: takes the sync's lock (so a sync never runs twice at once, on any
 * instance), reads and plans, checks the change set against the model (objects that break
 * a rule go to the quarantine, the rest goes on), checks the safety thresholds, and then
 * writes, previews, or stops to await approval. Every run is recorded with its counts and
 * a log line per changed object.
 * <p>
 * Approval applies the plan as it is when approved: the sync is read and planned again,
 * and the run is applied only when that plan is the one the operator saw (the same
 * objects changed to the same values, by a digest of the previewed change set); otherwise
 * the run expires and nothing is written. This keeps no change set in the database, and
 * never applies what nobody saw.
 */
public class SyncRunner {

	private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

	private final SyncRegistry registry;

	private final OrgStore store;

	private final FieldPolicyHolder policy;

	private final RunRepository runs;

	private final QuarantineRepository quarantine;

	private final OperationsProperties properties;

	private final Clock clock;

	private final Executor executor;

	private final MeterRegistry meters;

	private final DeadRuns deadRuns;

	public SyncRunner(SyncRegistry registry, OrgStore store, FieldPolicyHolder policy, RunRepository runs,
			QuarantineRepository quarantine, OperationsProperties properties, Clock clock, Executor executor,
			MeterRegistry meters) {
		this.registry = registry;
		this.store = store;
		this.policy = policy;
		this.runs = runs;
		this.quarantine = quarantine;
		this.properties = properties;
		this.clock = clock;
		this.executor = executor;
		this.meters = meters;
		for (Sync sync : registry.all()) {
			runs.ensureSync(sync.name(), sync.settings().paused());
		}
		this.deadRuns = new DeadRuns(runs, registry, store, properties.lockTimeout(), clock);
		runs.registerInstance(clock.instant());
		this.deadRuns.endLeftBehind();
	}

	/**
	 * This instance's sign of life, at each {@code hub.operations.heartbeat}: writes its
	 * heartbeat and ends the runs dead instances left running.
	 */
	public void heartbeat() {
		this.runs.instanceHeartbeat(this.clock.instant());
		this.deadRuns.endLeftBehind();
	}

	public SyncRegistry registry() {
		return this.registry;
	}

	public Sync sync(String name) {
		return this.registry.find(name)
			.orElseThrow(() -> new SyncException(SyncException.Reason.NOT_FOUND, "There is no sync '" + name + "'"));
	}

	/**
	 * Starts a run in the background and returns it, running.
	 * @throws SyncException when the sync is unknown or already running
	 */
	public Run start(String name, Trigger trigger, String user, boolean preview) {
		Sync sync = sync(name);
		long id = begin(sync, trigger, user, preview, null);
		this.executor.execute(() -> execute(sync, id, new Options(preview, null, null)));
		return this.runs.find(id).orElseThrow();
	}

	/**
	 * Runs now, in this thread, and returns the finished run.
	 * @throws SyncException when the sync is unknown or already running
	 */
	public Run runNow(String name, Trigger trigger, String user, boolean preview) {
		Sync sync = sync(name);
		long id = begin(sync, trigger, user, preview, null);
		return execute(sync, id, new Options(preview, null, null));
	}

	/**
	 * A fire of the sync's schedule: runs in this thread, unless the sync is paused
	 * (nothing is recorded) or running (the fire is recorded as skipped).
	 */
	public Run fire(String name, Instant fireTime) {
		Sync sync = sync(name);
		if (this.runs.paused(name)) {
			log.info("Sync {}: paused, the scheduled run of {} is left out", name, fireTime);
			return null;
		}
		Instant now = this.clock.instant();
		long id = this.runs.insert(name, sync.kind(), Trigger.SCHEDULE, "schedule", false, fireTime, now,
				RunStatus.RUNNING);
		if (!this.runs.tryLock(sync.lock(), id, now, now.minus(this.properties.lockTimeout()))) {
			String holder = this.runs.runningRun(sync.lock()).map(String::valueOf).orElse("?");
			this.runs.finish(id, RunStatus.SKIPPED, Run.Counts.NONE, "already running (run " + holder + ")", null, null,
					null, now);
			count(sync, RunStatus.SKIPPED);
			return this.runs.find(id).orElseThrow();
		}
		return execute(sync, id, new Options(false, null, null));
	}

	/**
	 * Retries quarantined objects of a sync in the background: reads and plans the sync,
	 * and writes only the changes to these objects. Those written, or with nothing left
	 * to write, leave the quarantine. For a target sync the target plans sending these
	 * objects again; they leave the quarantine when the target no longer holds them in
	 * its own.
	 */
	public Run retry(String name, Set<UUID> objects, String user) {
		Sync sync = sync(name);
		if (sync instanceof InboxSync inbox) {
			throw new SyncException(SyncException.Reason.CONFLICT, "Sync '" + name + "' imports files from "
					+ inbox.inbox().location() + ": a rejected record is applied when a later file has it right");
		}
		if (sync instanceof TargetSync target && target.quarantine() == null) {
			throw new SyncException(SyncException.Reason.CONFLICT, "Sync '" + name + "' publishes to a target: "
					+ "objects the target refused are tried again by its next full run");
		}
		if (objects.isEmpty()) {
			throw new SyncException(SyncException.Reason.CONFLICT, "Sync '" + name + "' has nothing in quarantine");
		}
		long id = begin(sync, Trigger.RETRY, user, false, null);
		Set<UUID> only = Set.copyOf(objects);
		this.executor.execute(() -> execute(sync, id, new Options(false, only, null)));
		return this.runs.find(id).orElseThrow();
	}

	/**
	 * Approves a run that awaits approval and applies it in the background (see the class
	 * comment for what is applied).
	 */
	public Run approve(long runId, String user) {
		Run run = awaiting(runId);
		Sync sync = sync(run.sync());
		String fingerprint = this.runs.fingerprint(runId);
		Instant now = this.clock.instant();
		if (!this.runs.tryLock(sync.lock(), runId, now, now.minus(this.properties.lockTimeout()))) {
			throw new SyncException(SyncException.Reason.CONFLICT,
					"Sync '" + sync.name() + "' is running; approve again when it has finished");
		}
		if (!this.runs.transition(runId, RunStatus.AWAITING_APPROVAL, RunStatus.RUNNING, user, now, null)) {
			this.runs.unlock(sync.lock(), runId);
			throw new SyncException(SyncException.Reason.CONFLICT, "Run " + runId + " no longer awaits approval");
		}
		this.runs.claim(runId);
		log.info("Sync {}: run {} approved by {}", sync.name(), runId, user);
		this.executor.execute(() -> execute(sync, runId, new Options(false, null, fingerprint)));
		return this.runs.find(runId).orElseThrow();
	}

	/** Rejects a run that awaits approval: nothing is written. */
	public Run reject(long runId, String user) {
		Run run = awaiting(runId);
		if (!this.runs.transition(runId, RunStatus.AWAITING_APPROVAL, RunStatus.REJECTED, user, this.clock.instant(),
				"rejected by " + user + "; nothing was written")) {
			throw new SyncException(SyncException.Reason.CONFLICT, "Run " + runId + " no longer awaits approval");
		}
		if (sync(run.sync()) instanceof InboxSync inbox) {
			String reason = "rejected by " + user + " (run " + runId + "): " + run.thresholdReport();
			inbox.inbox()
				.pending()
				.stream()
				.findFirst()
				.filter((file) -> run.message() != null && run.message().contains(file.getFileName().toString()))
				.ifPresent((file) -> inbox.inbox().reject(file, reason));
		}
		count(sync(run.sync()), RunStatus.REJECTED);
		return this.runs.find(runId).orElseThrow();
	}

	/**
	 * A change of a target sync (its outbox): runs its change operation in this thread
	 * and records a run with the trigger change, but only when it has something to send,
	 * the sync is not paused and not running (the next call tries again); whether there
	 * is something is asked again once the lock is taken, so an instance that finds the
	 * changes sent by another in the meantime records nothing. STS not answering is not
	 * recorded as a run (the changes stay waiting and the next call tries again); it goes
	 * up to the caller.
	 * @return the run, or {@code null} when none was made
	 */
	public Run change(String name) {
		Sync sync = sync(name);
		if (!(sync instanceof TargetSync target) || !target.changesWaiting() || this.runs.paused(name)) {
			return null;
		}
		long id;
		try {
			id = begin(sync, Trigger.CHANGE, "change", false, null);
		}
		catch (SyncException ex) {
			return null;
		}
		if (!target.changesWaiting()) {
			// another instance sent them while this one waited for the lock
			this.runs.unlock(sync.lock(), id);
			this.runs.delete(id);
			return null;
		}
		try {
			return execute(sync, id, new Options(false, null, null, true));
		}
		catch (AdapterException ex) {
			this.runs.unlock(sync.lock(), id);
			this.runs.delete(id);
			throw ex;
		}
	}

	public boolean paused(String name) {
		sync(name);
		return this.runs.paused(name);
	}

	public void pause(String name, String user) {
		sync(name);
		this.runs.setPaused(name, true, user, this.clock.instant());
	}

	public void resume(String name, String user) {
		sync(name);
		this.runs.setPaused(name, false, user, this.clock.instant());
	}

	private Run awaiting(long runId) {
		Run run = this.runs.find(runId)
			.orElseThrow(() -> new SyncException(SyncException.Reason.NOT_FOUND, "There is no run " + runId));
		if (run.status() != RunStatus.AWAITING_APPROVAL) {
			throw new SyncException(SyncException.Reason.CONFLICT,
					"Run " + runId + " does not await approval (it is " + run.status() + ")");
		}
		return run;
	}

	private long begin(Sync sync, Trigger trigger, String user, boolean preview, Instant fireTime) {
		Instant now = this.clock.instant();
		long id = this.runs.insert(sync.name(), sync.kind(), trigger, user, preview, fireTime, now, RunStatus.RUNNING);
		if (!this.runs.tryLock(sync.lock(), id, now, now.minus(this.properties.lockTimeout()))) {
			this.runs.delete(id);
			Run holder = this.runs.runningRun(sync.lock()).flatMap(this.runs::find).orElse(null);
			if (holder != null && !holder.sync().equals(sync.name())) {
				throw new SyncException(SyncException.Reason.CONFLICT,
						"Sync '" + sync.name() + "' and '" + holder.sync() + "' share a lock and never run at once: '"
								+ holder.sync() + "' is running (run " + holder.id() + ")");
			}
			throw new SyncException(SyncException.Reason.CONFLICT, "Sync '" + sync.name() + "' is running"
					+ ((holder != null) ? " (run " + holder.id() + ")" : "") + "; a sync never runs twice at once");
		}
		this.runs.started(id, this.clock.instant());
		return id;
	}

	private Run execute(Sync sync, long id, Options options) {
		Timer.Sample timer = Timer.start(this.meters);
		RunProgress progress = new RunProgress(this.runs, sync.lock(), id, this.clock);
		RunStatus status;
		try {
			if (sync instanceof InboxSync inboxSync) {
				status = runInbox(inboxSync, id, options, progress);
			}
			else if (sync instanceof ImportSync importSync) {
				status = runImport(importSync, id, options, progress);
			}
			else if (sync instanceof TargetSync target) {
				status = runTarget(target, id, options, progress);
			}
			else {
				throw new IllegalStateException("sync '" + sync.name() + "' is of a kind that cannot run yet");
			}
		}
		catch (AdapterException ex) {
			if (options.change() && ex.isTemporary()) {
				throw ex;
			}
			status = fail(id, "the adapter '" + sync.adapter().name() + "' failed: " + ex.getMessage()
					+ (ex.isTemporary() ? " (temporary: a later run may succeed)" : ""));
		}
		catch (InvariantViolationException ex) {
			status = fail(id, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Sync {}: run {} failed", sync.name(), id, ex);
			status = fail(id, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		finally {
			this.runs.unlock(sync.lock(), id);
		}
		timer.stop(Timer.builder("orghub.sync.run.duration")
			.description("How long sync runs take")
			.tag("sync", sync.name())
			.tag("status", status.name())
			.register(this.meters));
		count(sync, status);
		Run run = this.runs.find(id).orElseThrow();
		log.info("Sync {}: run {} {} ({} read, {} created, {} changed, {} ended, {} failed) in {} ms", sync.name(), id,
				run.status(), run.counts().read(), run.counts().created(), run.counts().changed(), run.counts().ended(),
				run.counts().failed(), run.durationMillis());
		return run;
	}

	private RunStatus runImport(ImportSync sync, long id, Options options, RunProgress progress) {
		int read = 0;
		int created = 0;
		int changed = 0;
		int ended = 0;
		int failedCount = 0;
		Long registration = null;
		String report = null;
		String notes = null;
		ImportSync.Plan plan;
		do {
			progress.phase("reading");
			plan = sync.plan(this.store, this.policy,
					new RunSourceContext(this.store, sync.sourceName(), this.clock, progress));
			ChangeSet changes = (options.only() != null) ? ChangeSets.only(plan.changes(), options.only())
					: plan.changes();
			read += (options.only() != null) ? options.only().size() : plan.read();
			progress.phase("checking");
			// A real run checks each change set once: the store asks the guard with the
			// checked result before it writes, and the guard stops a run over the safety
			// threshold (or one whose plan differs from the approved one) there.
			Guard guard = new Guard(sync, options.approvedFingerprint());
			CheckedPlan checked = CheckedPlan.check(changes,
					options.preview() ? this.store::preview : (cs) -> this.store.apply(cs, guard));
			ApplyResult preview = checked.preview();
			List<SafetyCheck.Finding> findings = (guard.findings != null) ? guard.findings
					: SafetyCheck.check(preview, storedCounts(), sync.settings().thresholds());
			report = SafetyCheck.report(findings, sync.settings().thresholds());
			failedCount += checked.failed().size();
			String fingerprint = PlanFingerprint.of(preview);
			if (options.preview()) {
				writeLog(id, changes.actor().toString(), preview, progress);
				Run.Counts counts = counts(read, preview, checked.failed().size());
				String message = SafetyCheck.tripped(findings)
						? "A real run would stop and wait for approval: " + report : null;
				message = join(message, failures(checked.failed()));
				this.runs.finish(id, RunStatus.PREVIEW, counts,
						join(message, plan.more() ? "the source has more batches; the preview shows the first" : null),
						report, null, fingerprint, this.clock.instant());
				return RunStatus.PREVIEW;
			}
			if (options.approvedFingerprint() != null) {
				if (guard.refused) {
					this.runs.deleteChanges(id);
					writeLog(id, changes.actor().toString(), preview, progress);
					this.runs.finish(id, RunStatus.EXPIRED, counts(read, preview, checked.failed().size()),
							"The plan changed since the preview that was approved; nothing was written. The log "
									+ "shows the new plan: run the sync again to see whether it still needs "
									+ "approval.",
							report, null, fingerprint, this.clock.instant());
					return RunStatus.EXPIRED;
				}
				this.runs.deleteChanges(id);
			}
			else if (guard.refused) {
				String actor = changes.actor().toString();
				return awaitApproval(sync, id, counts(read, preview, checked.failed().size()),
						"Stopped before writing: the run " + report
								+ ". Check the changes, then approve or reject the run.",
						report, fingerprint, () -> writeLog(id, actor, preview, progress));
			}
			progress.phase("writing");
			ApplyResult result = preview;
			if (result.registration() != null) {
				registration = result.registration().id();
			}
			Instant now = this.clock.instant();
			checked.failed()
				.forEach((uuid, violation) -> this.quarantine.fail(sync.name(), violation.type(), uuid,
						violation.userKey(), violation.rule(), violation.message(), id, now));
			Set<UUID> cleared = new HashSet<>(ChangeSets.objects(checked.accepted()));
			if (options.only() != null) {
				cleared.addAll(options.only());
			}
			else if (!plan.more() && plan.changes().tokens().isEmpty()) {
				cleared.addAll(this.quarantine.openObjects(sync.name()));
			}
			cleared.removeAll(checked.failed().keySet());
			this.quarantine.resolve(sync.name(), cleared, id, now);
			writeLog(id, changes.actor().toString(), result, progress);
			created += (int) result.count(ObjectChange.Kind.CREATED);
			changed += (int) result.count(ObjectChange.Kind.CHANGED);
			ended += (int) result.count(ObjectChange.Kind.ENDED);
			notes = join(notes, failures(checked.failed()));
		}
		while (plan.more());
		int unchanged = Math.max(0, read - created - changed - ended - failedCount);
		RunStatus status = (failedCount > 0) ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
		this.runs.finish(id, status, new Run.Counts(read, created, changed, ended, unchanged, failedCount), notes,
				report, registration, null, this.clock.instant());
		return status;
	}

	/**
	 * Decides, with the checked result of a change set in hand and before the store
	 * writes it, whether a real run may write: not when it trips the safety threshold,
	 * and on approval only when the plan is the one the operator saw.
	 */
	private final class Guard implements Predicate<ApplyResult> {

		private final Sync sync;

		private final String approvedFingerprint;

		List<SafetyCheck.Finding> findings;

		boolean refused;

		Guard(Sync sync, String approvedFingerprint) {
			this.sync = sync;
			this.approvedFingerprint = approvedFingerprint;
		}

		@Override
		public boolean test(ApplyResult computed) {
			this.findings = SafetyCheck.check(computed, storedCounts(), this.sync.settings().thresholds());
			this.refused = (this.approvedFingerprint != null)
					? !this.approvedFingerprint.equals(PlanFingerprint.of(computed))
					: SafetyCheck.tripped(this.findings);
			return !this.refused;
		}

	}

	/**
	 * A target sync. A change run sends what its change operation finds (the outbox). Any
	 * other run plans first, without sending: a preview records the plan; a plan that
	 * would deactivate more of what the target holds than the thresholds allow stops,
	 * awaiting approval; an approved run sends only when the new plan is the one the
	 * operator saw. The counts are the target's (objects mapped, created, changed,
	 * deactivated, unchanged, quarantined) and the log has a line per object sent.
	 */
	private RunStatus runTarget(TargetSync sync, long id, Options options, RunProgress progress) {
		if (options.change()) {
			progress.phase("publishing");
			TargetOutcome outcome = sync.change();
			if (outcome == null) {
				outcome = new TargetOutcome(0, 0, 0, 0, 0, 0, "nothing to send");
			}
			return finishTarget(sync, id, outcome, null, progress);
		}
		progress.phase("planning");
		TargetPlan plan = (options.only() != null) ? sync.quarantine().retry(options.only()) : sync.plan();
		List<TargetChange> changes = plan.changes();
		SyncProperties.Thresholds thresholds = sync.settings().thresholds();
		List<SafetyCheck.Finding> findings = SafetyCheck.check(new ArrayList<>(plan.held().keySet()), plan.ending(),
				plan.held(), thresholds);
		String report = SafetyCheck.report(findings, thresholds);
		String fingerprint = PlanFingerprint.of(changes);
		Run.Counts planned = new Run.Counts(plan.read(), count(changes, ObjectChange.Kind.CREATED),
				count(changes, ObjectChange.Kind.CHANGED), count(changes, ObjectChange.Kind.ENDED), plan.unchanged(),
				0);
		String actor = "target:" + sync.adapter().name();
		if (options.preview()) {
			writeLines(id, actor, changes, RunRepository.ChangeLine::of, progress);
			String message = SafetyCheck.tripped(findings) ? "A real run would stop and wait for approval: " + report
					: null;
			this.runs.finish(id, RunStatus.PREVIEW, planned, join(message, plan.note()), report, null, fingerprint,
					this.clock.instant());
			return RunStatus.PREVIEW;
		}
		if (options.approvedFingerprint() != null) {
			this.runs.deleteChanges(id);
			if (!options.approvedFingerprint().equals(fingerprint)) {
				writeLines(id, actor, changes, RunRepository.ChangeLine::of, progress);
				this.runs.finish(id, RunStatus.EXPIRED, planned,
						"The plan changed since the preview that was approved; nothing was sent. The log shows the "
								+ "new plan: run the sync again to see whether it still needs approval.",
						report, null, fingerprint, this.clock.instant());
				return RunStatus.EXPIRED;
			}
		}
		else if (SafetyCheck.tripped(findings)) {
			return awaitApproval(sync, id, planned,
					"Stopped before sending: the run " + report
							+ ". Check the changes, then approve or reject the run.",
					report, fingerprint, () -> writeLines(id, actor, changes, RunRepository.ChangeLine::of, progress));
		}
		progress.phase("publishing");
		return finishTarget(sync, id, plan.send(), report, progress);
	}

	/**
	 * Keeps the sync's quarantine in step with the target's: objects the run could not
	 * send count one more failed attempt; objects the target holds that the hub's
	 * quarantine lacks (e.g. from a reconcile) join it; those the target no longer holds
	 * leave it.
	 */
	private void followQuarantine(TargetSync sync, long id, TargetOutcome outcome) {
		if (sync.quarantine() == null) {
			return;
		}
		Instant now = this.clock.instant();
		Set<UUID> open = new HashSet<>(this.quarantine.openObjects(sync.name()));
		Set<UUID> tried = new HashSet<>();
		for (TargetFailure failure : outcome.failures()) {
			tried.add(failure.uuid());
			this.quarantine.fail(sync.name(), failure.type(), failure.uuid(), failure.userKey(), "target",
					failure.reason(), id, now);
		}
		Set<UUID> held = new HashSet<>();
		for (TargetFailure failure : sync.quarantine().held()) {
			held.add(failure.uuid());
			if (!open.contains(failure.uuid()) && !tried.contains(failure.uuid())) {
				this.quarantine.fail(sync.name(), failure.type(), failure.uuid(), failure.userKey(), "target",
						failure.reason(), id, now);
			}
		}
		open.removeAll(held);
		this.quarantine.resolve(sync.name(), open, id, now);
	}

	private RunStatus finishTarget(TargetSync sync, long id, TargetOutcome outcome, String report,
			RunProgress progress) {
		writeLines(id, "target:" + sync.adapter().name(), outcome.changes(), RunRepository.ChangeLine::of, progress);
		followQuarantine(sync, id, outcome);
		RunStatus status = (outcome.failed() > 0) ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
		String message = outcome.message();
		if (outcome.failed() > 0) {
			message = join(message,
					outcome.failed() + " object(s) could not be sent and are in the target's quarantine");
		}
		this.runs.finish(id, status, new Run.Counts(outcome.read(), outcome.created(), outcome.changed(),
				outcome.ended(), outcome.unchanged(), outcome.failed()), message, report, null, null,
				this.clock.instant());
		return status;
	}

	private static int count(List<TargetChange> changes, ObjectChange.Kind kind) {
		return (int) changes.stream().filter((c) -> c.kind() == kind).count();
	}

	/**
	 * One file of an inbox: the oldest waiting is imported (or previewed) by the inbox
	 * itself, which moves it to its done or error folder; the run records the counts, the
	 * log, and the rejected records in the quarantine. Records of earlier files that the
	 * file applied leave the quarantine.
	 */
	private RunStatus runInbox(InboxSync sync, long id, Options options, RunProgress progress) {
		List<java.nio.file.Path> pending = sync.inbox().pending();
		if (pending.isEmpty()) {
			this.runs.finish(id, options.preview() ? RunStatus.PREVIEW : RunStatus.SUCCEEDED, Run.Counts.NONE,
					"No file waiting in " + sync.inbox().location(), null, null, null, this.clock.instant());
			return options.preview() ? RunStatus.PREVIEW : RunStatus.SUCCEEDED;
		}
		progress.phase("reading");
		String waiting = (pending.size() > 1) ? "; " + (pending.size() - 1) + " more file(s) waiting" : "";
		SyncProperties.Thresholds thresholds = sync.settings().thresholds();
		if (!options.preview() && (thresholds.enabled() || options.approvedFingerprint() != null)) {
			// the inbox writes as it imports: check the thresholds on a preview first
			FileResult planned = sync.inbox().process(pending.get(0), true);
			if (planned.status() != FileResult.Status.REJECTED) {
				RunStatus stopped = checkInbox(sync, id, options, planned, waiting, progress);
				if (stopped != null) {
					return stopped;
				}
			}
		}
		FileResult result = sync.inbox().process(pending.get(0), options.preview());
		Instant now = this.clock.instant();
		if (result.status() == FileResult.Status.REJECTED) {
			this.runs.finish(id, RunStatus.FAILED, new Run.Counts(result.delivered(), 0, 0, 0, 0, 0),
					result.file() + " was rejected and nothing of it was applied"
							+ ((result.movedTo() != null) ? " (moved to " + result.movedTo() + ")" : "") + ": "
							+ result.error() + waiting,
					null, null, null, now);
			return RunStatus.FAILED;
		}
		ApplyResult applied = result.result();
		writeLog(id, "source:" + sync.adapter().name(), applied, progress);
		int failed = result.rejected().size();
		Run.Counts counts = counts(result.delivered(), applied, failed);
		String message = result.file() + ((result.movedTo() != null) ? " (moved to " + result.movedTo() + ")" : "");
		if (failed > 0) {
			message += "; " + failed + " record(s) rejected and quarantined";
		}
		message += listed(result.warnings(), "warning(s)");
		message += listed(result.notes(), "note(s)") + waiting;
		if (options.preview()) {
			this.runs.finish(id, RunStatus.PREVIEW, counts, message, null, null, PlanFingerprint.of(applied), now);
			return RunStatus.PREVIEW;
		}
		Set<UUID> rejected = new HashSet<>();
		for (FileResult.RejectedRecord record : result.rejected()) {
			rejected.add(record.uuid());
			this.quarantine.fail(sync.name(), record.type(), record.uuid(), record.userKey(), "rejected-record",
					record.reason(), id, now);
		}
		Set<UUID> cleared = new HashSet<>(this.quarantine.openObjects(sync.name()));
		cleared.removeAll(rejected);
		this.quarantine.resolve(sync.name(), cleared, id, now);
		RunStatus status = (failed > 0) ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
		this.runs.finish(id, status, counts, message, null,
				(applied.registration() != null) ? applied.registration().id() : null, null, now);
		return status;
	}

	/**
	 * The thresholds for a file of an inbox, on its preview: a run that trips them stops
	 * with the file left in the inbox, awaiting approval; an approved run goes on only
	 * when the file still makes the changes that were approved. Returns the status a
	 * stopped run finished with, or {@code null} to go on.
	 */
	private RunStatus checkInbox(InboxSync sync, long id, Options options, FileResult planned, String waiting,
			RunProgress progress) {
		progress.phase("checking");
		ApplyResult preview = planned.result();
		String fingerprint = PlanFingerprint.of(preview);
		Run.Counts counts = counts(planned.delivered(), preview, planned.rejected().size());
		Instant now = this.clock.instant();
		if (options.approvedFingerprint() != null) {
			if (options.approvedFingerprint().equals(fingerprint)) {
				this.runs.deleteChanges(id);
				return null;
			}
			this.runs.deleteChanges(id);
			writeLog(id, "source:" + sync.adapter().name(), preview, progress);
			this.runs.finish(id, RunStatus.EXPIRED, counts, "The plan for " + planned.file()
					+ " changed since the preview that was approved; nothing was written and the file is still waiting.",
					null, null, fingerprint, now);
			return RunStatus.EXPIRED;
		}
		List<SafetyCheck.Finding> findings = SafetyCheck.check(preview, storedCounts(), sync.settings().thresholds());
		if (!SafetyCheck.tripped(findings)) {
			return null;
		}
		String report = SafetyCheck.report(findings, sync.settings().thresholds());
		return awaitApproval(sync, id, counts,
				"Stopped before writing " + planned.file() + ": the run " + report
						+ ". The file stays in the inbox; approve to import it, reject to move it to the error folder"
						+ waiting,
				report, fingerprint, () -> writeLog(id, "source:" + sync.adapter().name(), preview, progress));
	}

	/**
	 * Stops a run over the thresholds to await approval, superseding (expiring) an older
	 * run of the sync that awaits approval of another plan. When one awaits approval of
	 * this same plan (the same file or source, unchanged, against an unchanged store), it
	 * stays as it is, so the operator does not lose the run they are reading, and this
	 * run is skipped, naming it.
	 */
	private RunStatus awaitApproval(Sync sync, long id, Run.Counts counts, String message, String report,
			String fingerprint, Runnable writeLog) {
		Instant now = this.clock.instant();
		Optional<Long> same = this.runs.awaitingWithPlan(sync.name(), id, fingerprint);
		if (same.isPresent()) {
			this.runs.finish(id, RunStatus.SKIPPED, Run.Counts.NONE,
					"Run " + same.get()
							+ " awaits approval of this same plan; approve or reject it there. Nothing was written.",
					report, null, null, now);
			return RunStatus.SKIPPED;
		}
		writeLog.run();
		this.runs.expireAwaiting(sync.name(), id, "superseded by run " + id + ", whose plan differs", now);
		this.runs.finish(id, RunStatus.AWAITING_APPROVAL, counts, message, report, null, fingerprint, now);
		return RunStatus.AWAITING_APPROVAL;
	}

	/** The first three of a list for a run's message, or nothing when it is empty. */
	private static String listed(List<String> lines, String what) {
		if (lines.isEmpty()) {
			return "";
		}
		return "; " + lines.size() + " " + what + ": " + String.join("; ", lines.subList(0, Math.min(3, lines.size())))
				+ ((lines.size() > 3) ? "; ..." : "");
	}

	private Run.Counts counts(int read, ApplyResult result, int failed) {
		int created = (int) result.count(ObjectChange.Kind.CREATED);
		int changed = (int) result.count(ObjectChange.Kind.CHANGED);
		int ended = (int) result.count(ObjectChange.Kind.ENDED);
		return new Run.Counts(read, created, changed, ended, Math.max(0, read - created - changed - ended - failed),
				failed);
	}

	private void writeLog(long id, String actor, ApplyResult result, RunProgress progress) {
		writeLines(id, actor, result.changes(), RunRepository.ChangeLine::of, progress);
	}

	private <T> void writeLines(long id, String actor, List<T> changes, Function<T, RunRepository.ChangeLine> line,
			RunProgress progress) {
		int total = changes.size();
		List<RunRepository.ChangeLine> chunk = new ArrayList<>();
		int done = 0;
		for (T change : changes) {
			chunk.add(line.apply(change));
			if (chunk.size() == 1000) {
				this.runs.insertChanges(id, actor, chunk);
				done += chunk.size();
				chunk.clear();
				progress.update("logging", done, total);
			}
		}
		this.runs.insertChanges(id, actor, chunk);
		progress.update("logging", total, total);
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

	private RunStatus fail(long id, String message) {
		this.runs.finish(id, RunStatus.FAILED, Run.Counts.NONE, message, null, null, null, this.clock.instant());
		return RunStatus.FAILED;
	}

	private void count(Sync sync, RunStatus status) {
		this.meters.counter("orghub.sync.runs", "sync", sync.name(), "status", status.name()).increment();
	}

	private static String failures(Map<UUID, Violation> failed) {
		if (failed.isEmpty()) {
			return null;
		}
		return failed.size() + " object(s) broke a rule of the model and went to the quarantine";
	}

	private static String join(String a, String b) {
		if (a == null) {
			return b;
		}
		return (b == null) ? a : a + "; " + b;
	}

	/**
	 * How to run.
	 *
	 * @param only for a retry: the objects to write, no others
	 * @param approvedFingerprint for an approval: the digest of the plan that was
	 * approved
	 * @param change for a target sync: run its change operation
	 */
	private record Options(boolean preview, Set<UUID> only, String approvedFingerprint, boolean change) {

		Options(boolean preview, Set<UUID> only, String approvedFingerprint) {
			this(preview, only, approvedFingerprint, false);
		}

	}

}
