package dk.orghub.routes.run;

import java.time.Clock;
import java.time.Instant;

import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.store.InvariantViolationException;
import dk.orghub.routes.sync.ImportSync;
import dk.orghub.routes.sync.InboxSync;
import dk.orghub.routes.sync.Sync;
import dk.orghub.routes.sync.TargetSync;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RuntimeCamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every run does whatever its kind: it takes the sync's lock (so a sync never runs
 * twice at once, on any instance) and is recorded; at its end the lock is released, its
 * duration and status counted and a line logged; a failure of any stage records it as
 * failed (the route's error handler calls {@link #failed}). The stages in between are the
 * kind's ({@link ImportStages}, {@link InboxStages}, {@link TargetStages}).
 */
public class RunSkeleton {

	private static final Logger log = LoggerFactory.getLogger(RunSkeleton.class);

	private final RunRepository runs;

	private final OperationsProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	RunSkeleton(RunRepository runs, OperationsProperties properties, Clock clock, MeterRegistry meters) {
		this.runs = runs;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Records a run and takes the sync's lock.
	 * @throws SyncException when the sync (or one sharing its lock) is running
	 */
	RunState<?> begin(Sync sync, Trigger trigger, String user, RunState.Options options) {
		Instant now = this.clock.instant();
		long id = this.runs.insert(sync.name(), sync.kind(), trigger, user, options.preview(), null, now,
				RunStatus.RUNNING);
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
		return state(sync, id, options);
	}

	/**
	 * Records a fire of the sync's schedule and takes the lock; when the sync is running
	 * the fire is recorded as skipped, and the state returned has stopped.
	 */
	RunState<?> fire(Sync sync, Instant fireTime) {
		Instant now = this.clock.instant();
		long id = this.runs.insert(sync.name(), sync.kind(), Trigger.SCHEDULE, "schedule", false, fireTime, now,
				RunStatus.RUNNING);
		RunState<?> state = state(sync, id, RunState.Options.RUN);
		if (!this.runs.tryLock(sync.lock(), id, now, now.minus(this.properties.lockTimeout()))) {
			String holder = this.runs.runningRun(sync.lock()).map(String::valueOf).orElse("?");
			this.runs.finish(id, RunStatus.SKIPPED, Run.Counts.NONE, "already running (run " + holder + ")", null, null,
					null, now);
			state.stop(RunStatus.SKIPPED);
			state.end();
			count(sync, RunStatus.SKIPPED);
		}
		return state;
	}

	/**
	 * A run taking the lock a run awaiting approval held: approval goes on with the same
	 * run.
	 */
	RunState<?> resume(Sync sync, long id, RunState.Options options) {
		return state(sync, id, options);
	}

	/** The last step of every run: releases the lock, counts the run and logs a line. */
	public void finish(RunState<?> run) {
		Sync sync = run.sync();
		this.runs.unlock(sync.lock(), run.id());
		run.end();
		RunStatus status = (run.status() != null) ? run.status() : RunStatus.FAILED;
		run.timer()
			.stop(Timer.builder("orghub.sync.run.duration")
				.description("How long sync runs take")
				.tag("sync", sync.name())
				.tag("status", status.name())
				.register(this.meters));
		count(sync, status);
		Run recorded = this.runs.find(run.id()).orElseThrow();
		log.info("Sync {}: run {} {} ({} read, {} created, {} changed, {} ended, {} failed) in {} ms", sync.name(),
				run.id(), recorded.status(), recorded.counts().read(), recorded.counts().created(),
				recorded.counts().changed(), recorded.counts().ended(), recorded.counts().failed(),
				recorded.durationMillis());
	}

	/**
	 * The error handler of every run's route: records the run as failed with what went
	 * wrong, and ends it.
	 */
	public void failed(RunState<?> run, Exception exception) {
		Throwable ex = cause(exception);
		String message;
		if (ex instanceof AdapterException adapter) {
			message = "the adapter '" + run.sync().adapter().name() + "' failed: " + adapter.getMessage()
					+ (adapter.isTemporary() ? " (temporary: a later run may succeed)" : "");
		}
		else if (ex instanceof InvariantViolationException) {
			message = ex.getMessage();
		}
		else {
			log.error("Sync {}: run {} failed", run.sync().name(), run.id(), ex);
			message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		try {
			this.runs.finish(run.id(), RunStatus.FAILED, Run.Counts.NONE, message, null, null, null,
					this.clock.instant());
			run.stop(RunStatus.FAILED);
		}
		finally {
			finish(run);
		}
	}

	/**
	 * Whether a failure goes up to the caller instead of being recorded: the target not
	 * answering a change run (the changes stay waiting and the next call tries again).
	 */
	public boolean passesOn(RunState<?> run, Exception exception) {
		return run.options().change() && cause(exception) instanceof AdapterException adapter && adapter.isTemporary();
	}

	/** Takes back a run whose failure goes up to the caller: no record of it is left. */
	public void withdraw(RunState<?> run) {
		this.runs.unlock(run.sync().lock(), run.id());
		this.runs.delete(run.id());
		run.end();
		run.withdraw();
	}

	void count(Sync sync, RunStatus status) {
		this.meters.counter("orghub.sync.runs", "sync", sync.name(), "status", status.name()).increment();
	}

	static Throwable cause(Throwable exception) {
		Throwable ex = exception;
		while ((ex instanceof CamelExecutionException || ex instanceof RuntimeCamelException)
				&& ex.getCause() != null) {
			ex = ex.getCause();
		}
		return ex;
	}

	private RunState<?> state(Sync sync, long id, RunState.Options options) {
		RunProgress progress = new RunProgress(this.runs, sync.lock(), id, this.clock);
		Timer.Sample timer = Timer.start(this.meters);
		if (sync instanceof InboxSync inbox) {
			return new InboxStages.State(inbox, id, options, progress, timer);
		}
		if (sync instanceof ImportSync importSync) {
			return new ImportStages.State(importSync, id, options, progress, timer);
		}
		if (sync instanceof TargetSync target) {
			return new TargetStages.State(target, id, options, progress, timer);
		}
		throw new IllegalStateException("sync '" + sync.name() + "' is of a kind that cannot run yet");
	}

}
