package dk.orghub.routes.run;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import dk.orghub.routes.sync.InboxSync;
import dk.orghub.routes.sync.Sync;
import dk.orghub.routes.sync.SyncRegistry;
import dk.orghub.routes.sync.TargetSync;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts runs of syncs: what the API, the schedules and the targets' triggers call. Each
 * run is recorded and takes its sync's lock here, and then goes through its sync's Camel
 * route ({@code direct:sync-<name>}, see {@link SyncRunRoutes}), in the caller's thread
 * or on the run threads ({@code hub.operations.threads}); the route's stages are the
 * kind's ({@link ImportStages}, {@link InboxStages}, {@link TargetStages}) with the
 * {@link ApprovalGate} between planning and writing, and {@link RunSkeleton} ends it.
 */
public class SyncRunner {

	private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

	private final SyncRegistry registry;

	private final RunRepository runs;

	private final RunSkeleton skeleton;

	private final ProducerTemplate routes;

	private final OperationsProperties properties;

	private final Clock clock;

	private final Executor executor;

	private final DeadRuns deadRuns;

	SyncRunner(SyncRegistry registry, RunRepository runs, RunSkeleton skeleton, ProducerTemplate routes,
			DeadRuns deadRuns, OperationsProperties properties, Clock clock, Executor executor) {
		this.registry = registry;
		this.runs = runs;
		this.skeleton = skeleton;
		this.routes = routes;
		this.properties = properties;
		this.clock = clock;
		this.executor = executor;
		for (Sync sync : registry.all()) {
			runs.ensureSync(sync.name(), sync.settings().paused());
		}
		this.deadRuns = deadRuns;
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

	/** The endpoint of the sync's route, where its runs go. */
	public static String endpoint(String sync) {
		return SyncRunRoutes.uri(sync);
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
		routesRunning();
		RunState<?> run = this.skeleton.begin(sync(name), trigger, user, RunState.Options.preview(preview));
		this.executor.execute(() -> send(run));
		return this.runs.find(run.id()).orElseThrow();
	}

	/**
	 * Runs now, in this thread, and returns the finished run.
	 * @throws SyncException when the sync is unknown or already running
	 */
	public Run runNow(String name, Trigger trigger, String user, boolean preview) {
		routesRunning();
		RunState<?> run = this.skeleton.begin(sync(name), trigger, user, RunState.Options.preview(preview));
		send(run);
		return this.runs.find(run.id()).orElseThrow();
	}

	/**
	 * A fire of the sync's schedule: runs in this thread, unless the sync is paused
	 * (nothing is recorded) or running (the fire is recorded as skipped).
	 */
	public Run fire(String name, Instant fireTime) {
		RunState<?> run = scheduled(name, fireTime);
		if (run == null) {
			return null;
		}
		if (run.goesOn()) {
			send(run);
		}
		return this.runs.find(run.id()).orElseThrow();
	}

	/**
	 * The start of a fire of the sync's schedule, for its schedule's route to send to the
	 * sync's route: {@code null} when the sync is paused (nothing is recorded); a run
	 * that has stopped when the sync is running (the fire is recorded as skipped).
	 */
	public RunState<?> scheduled(String name, Instant fireTime) {
		Sync sync = sync(name);
		if (this.runs.paused(name)) {
			log.info("Sync {}: paused, the scheduled run of {} is left out", name, fireTime);
			return null;
		}
		return this.skeleton.fire(sync, fireTime);
	}

	/**
	 * Retries quarantined objects of a sync in the background: reads and plans the sync,
	 * and writes only the changes to these objects. Those written, or with nothing left
	 * to write, leave the quarantine. For a target sync the target plans sending these
	 * objects again; they leave the quarantine when the target no longer holds them in
	 * its own.
	 */
	public Run retry(String name, Set<UUID> objects, String user) {
		routesRunning();
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
		RunState<?> run = this.skeleton.begin(sync, Trigger.RETRY, user,
				new RunState.Options(false, Set.copyOf(objects), null, false));
		this.executor.execute(() -> send(run));
		return this.runs.find(run.id()).orElseThrow();
	}

	/**
	 * Approves a run that awaits approval and applies it in the background: the sync is
	 * read and planned again, and applied only when that plan is the one the operator saw
	 * (see {@link ApprovalGate}).
	 */
	public Run approve(long runId, String user) {
		routesRunning();
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
		RunState<?> approved = this.skeleton.resume(sync, runId, new RunState.Options(false, null, fingerprint, false));
		this.executor.execute(() -> send(approved));
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
				.ifPresent((file) -> inbox.inbox().rejected(file, reason));
		}
		this.skeleton.count(sync(run.sync()), RunStatus.REJECTED);
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
		RunState<?> run;
		try {
			run = this.skeleton.begin(sync, Trigger.CHANGE, "change", new RunState.Options(false, null, null, true));
		}
		catch (SyncException ex) {
			return null;
		}
		if (!target.changesWaiting()) {
			// another instance sent them while this one waited for the lock
			this.skeleton.withdraw(run);
			return null;
		}
		send(run);
		return this.runs.find(run.id()).orElseThrow();
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

	/**
	 * Refuses a run asked for while the routes do not run (the web server answers a
	 * moment before Camel has started, and after it has stopped), before anything is
	 * recorded.
	 */
	private void routesRunning() {
		if (!this.routes.getCamelContext().isStarted()) {
			throw new SyncException(SyncException.Reason.UNAVAILABLE,
					"The hub's routes are not running (it is starting or stopping); ask again in a moment");
		}
	}

	/**
	 * Sends a run through its sync's route. A failure the route passes on (see
	 * {@link RunSkeleton#passesOn}) goes up to the caller as it was thrown; one the route
	 * could not handle (its route is gone, as when the application stops) is recorded.
	 */
	private void send(RunState<?> run) {
		try {
			this.routes.requestBody(SyncRunRoutes.uri(run.sync().name()), run);
		}
		catch (CamelExecutionException ex) {
			Throwable cause = RunSkeleton.cause(ex);
			if (run.withdrawn() && cause instanceof RuntimeException passed) {
				throw passed;
			}
			if (!run.ended()) {
				this.skeleton.failed(run, (cause instanceof Exception failure) ? failure : ex);
				return;
			}
			throw ex;
		}
	}

}
