package dk.orghub.routes.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes a run's phase and progress, at most twice a second unless the phase changes, and
 * keeps the sync's lock alive while it does.
 */
final class RunProgress {

	private static final Duration INTERVAL = Duration.ofMillis(500);

	private final RunRepository runs;

	private final String sync;

	private final long run;

	private final Clock clock;

	private String phase;

	private Instant last = Instant.MIN;

	RunProgress(RunRepository runs, String sync, long run, Clock clock) {
		this.runs = runs;
		this.sync = sync;
		this.run = run;
		this.clock = clock;
	}

	void phase(String phase) {
		update(phase, 0, -1);
	}

	synchronized void update(String phase, long done, long total) {
		Instant now = this.clock.instant();
		boolean changed = !Objects.equals(phase, this.phase);
		if (!changed && now.isBefore(this.last.plus(INTERVAL)) && done != total) {
			return;
		}
		this.phase = phase;
		this.last = now;
		this.runs.progress(this.run, phase, done, total);
		this.runs.heartbeat(this.sync, this.run, now);
	}

	String currentPhase() {
		return this.phase;
	}

}
