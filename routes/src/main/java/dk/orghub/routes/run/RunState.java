package dk.orghub.routes.run;

import java.util.Set;
import java.util.UUID;

import dk.orghub.routes.sync.Sync;
import io.micrometer.core.instrument.Timer;

/**
 * A run on its way through its sync's route ({@code sync-<name>}): the exchange's body.
 * Each stage reads what the stages before it left here and adds its own; a stage that
 * records how the run ended (a preview, a run awaiting approval, a finished run) stops
 * it, and the route skips the stages after it up to the end of the run.
 */
public class RunState<S extends Sync> {

	private final S sync;

	private final long id;

	private final Options options;

	private final RunProgress progress;

	private final Timer.Sample timer;

	private RunStatus status;

	private boolean ended;

	private boolean withdrawn;

	RunState(S sync, long id, Options options, RunProgress progress, Timer.Sample timer) {
		this.sync = sync;
		this.id = id;
		this.options = options;
		this.progress = progress;
		this.timer = timer;
	}

	public S sync() {
		return this.sync;
	}

	public long id() {
		return this.id;
	}

	Options options() {
		return this.options;
	}

	RunProgress progress() {
		return this.progress;
	}

	Timer.Sample timer() {
		return this.timer;
	}

	/** Whether the run goes on to its next stage: no stage has recorded its end yet. */
	public boolean goesOn() {
		return this.status == null;
	}

	/** The status a stage recorded the run with, or {@code null} while it goes on. */
	public RunStatus status() {
		return this.status;
	}

	/**
	 * A stage has recorded the run as finished with this status: the route skips to its
	 * end.
	 */
	void stop(RunStatus status) {
		this.status = status;
	}

	/** The run's lock is released and its metrics counted. */
	boolean ended() {
		return this.ended;
	}

	void end() {
		this.ended = true;
	}

	/**
	 * The run was taken back (a change run the target did not answer): no record of it is
	 * left.
	 */
	boolean withdrawn() {
		return this.withdrawn;
	}

	void withdraw() {
		this.withdrawn = true;
	}

	/**
	 * How to run.
	 *
	 * @param preview compute and record the plan, write nothing
	 * @param only for a retry: the objects to write, no others
	 * @param approvedFingerprint for an approval: the digest of the plan that was
	 * approved
	 * @param change for a target sync: run its change operation
	 */
	record Options(boolean preview, Set<UUID> only, String approvedFingerprint, boolean change) {

		static final Options RUN = new Options(false, null, null, false);

		static Options preview(boolean preview) {
			return new Options(preview, null, null, false);
		}

	}

}
