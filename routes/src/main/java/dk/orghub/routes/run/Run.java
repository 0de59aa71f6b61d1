package dk.orghub.routes.run;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import dk.orghub.routes.sync.SyncKind;

/**
 * One run of a sync: who or what started it, when, how it went, and its counts.
 *
 * @param fireTime for a scheduled run, the fire time of the schedule it ran for
 * @param phase what a running run is doing: reading, planning, checking, writing, logging
 * @param thresholdReport for a run that tripped a threshold, what it would end
 * @param registration the store registration the run wrote, if any
 * @param decidedBy who approved or rejected a run that awaited approval
 */
public record Run(long id, String sync, SyncKind kind, Trigger trigger, String startedBy, boolean preview,
		Instant fireTime, Instant startedAt, Instant endedAt, RunStatus status, String phase, Progress progress,
		Counts counts, String message, String thresholdReport, Long registration, String decidedBy, Instant decidedAt) {

	/** How long it ran (so far, for a running run), in milliseconds. */
	@JsonProperty("durationMillis")
	public Long durationMillis() {
		if (this.endedAt == null) {
			return (this.status == RunStatus.RUNNING) ? Duration.between(this.startedAt, Instant.now()).toMillis()
					: null;
		}
		return Duration.between(this.startedAt, this.endedAt).toMillis();
	}

	/**
	 * Records processed of total; {@code total} is -1 when unknown.
	 */
	public record Progress(long done, long total) {

	}

	/** What the run read and did (or, as a preview, would do). */
	public record Counts(int read, int created, int changed, int ended, int unchanged, int failed) {

		public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

	}

}
