package dk.orghub.routes.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Registration;
import dk.orghub.core.store.OrgStore;
import dk.orghub.routes.sync.ImportSync;
import dk.orghub.routes.sync.InboxSync;
import dk.orghub.routes.sync.Sync;
import dk.orghub.routes.sync.SyncRegistry;
import dk.orghub.routes.sync.TargetSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the runs that dead instances left running (the process was killed, the machine
 * stopped): each becomes {@code FAILED} with a message that says which instance stopped
 * and whether the run's changes reached the store, and its lock is released, so its sync
 * can run again at once. An instance does this when it starts and at each heartbeat.
 */
final class DeadRuns {

	private static final Logger log = LoggerFactory.getLogger(DeadRuns.class);

	private final RunRepository runs;

	private final SyncRegistry registry;

	private final OrgStore store;

	private final Duration lockTimeout;

	private final Clock clock;

	DeadRuns(RunRepository runs, SyncRegistry registry, OrgStore store, Duration lockTimeout, Clock clock) {
		this.runs = runs;
		this.registry = registry;
		this.store = store;
		this.lockTimeout = lockTimeout;
		this.clock = clock;
	}

	/** Ends the runs of dead instances; returns how many. */
	int endLeftBehind() {
		Instant now = this.clock.instant();
		Instant staleBefore = now.minus(this.lockTimeout);
		HubInstance self = this.runs.instance();
		Map<String, HubInstance.Row> instances = this.runs.instances()
			.stream()
			.collect(Collectors.toMap(HubInstance.Row::id, Function.identity()));
		Set<String> busy = new HashSet<>();
		int ended = 0;
		for (RunRepository.RunningRun run : this.runs.runningRuns()) {
			if (run.instance() == null) {
				// recorded before runs named their instance: the lock timeout takes it
				// over
				continue;
			}
			HubInstance.Row instance = instances.get(run.instance());
			if (instance != null && !self.isDead(instance, staleBefore)) {
				busy.add(run.instance());
				continue;
			}
			String who = (instance != null) ? HubInstance.describe(instance) : "no longer recorded";
			List<Registration> committed = committed(run);
			String message = "Interrupted: the hub instance running it (" + who
					+ ") stopped before the run finished, so its counts and log are incomplete. "
					+ outcome(run, committed);
			Long registration = committed.isEmpty() ? null : committed.get(committed.size() - 1).id();
			if (this.runs.interrupt(run.id(), message, registration, now)) {
				ended++;
				log.warn("Sync {}: run {} was left running by a dead instance ({}); ended it: {}", run.sync(), run.id(),
						who, message);
			}
		}
		for (HubInstance.Row instance : instances.values()) {
			if (!busy.contains(instance.id()) && self.isDead(instance, staleBefore)) {
				this.runs.deleteInstance(instance.id());
			}
		}
		return ended;
	}

	/** The store's registrations by the run's source since the run started. */
	private List<Registration> committed(RunRepository.RunningRun run) {
		String source = this.registry.find(run.sync()).map(DeadRuns::sourceOf).orElse(null);
		return (source != null) ? this.store.registrations(Actor.source(source), run.startedAt()) : List.of();
	}

	private String outcome(RunRepository.RunningRun run, List<Registration> committed) {
		Sync sync = this.registry.find(run.sync()).orElse(null);
		if (sync instanceof TargetSync) {
			return "Nothing of the store changed; part of its changes may have reached the target, and the next full "
					+ "run sends what is missing.";
		}
		if (sync == null || sourceOf(sync) == null) {
			return "Whether it wrote to the store is not known.";
		}
		if (committed.isEmpty()) {
			return "None of its changes were committed: the store is as it was before the run.";
		}
		Registration last = committed.get(committed.size() - 1);
		return "Its changes were committed to the store (registration " + last.id() + " at " + last.time()
				+ ((committed.size() > 1) ? ", and " + (committed.size() - 1) + " before it" : "") + ").";
	}

	private static String sourceOf(Sync sync) {
		if (sync instanceof ImportSync importSync) {
			return importSync.sourceName();
		}
		if (sync instanceof InboxSync inbox) {
			return inbox.adapter().name();
		}
		return null;
	}

}
