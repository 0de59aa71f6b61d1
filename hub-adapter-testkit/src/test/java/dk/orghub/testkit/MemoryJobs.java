package dk.orghub.testkit;

import java.util.ArrayList;
import java.util.List;

import dk.orghub.core.spi.PlanningTarget;
import dk.orghub.core.spi.TargetJob;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.spi.TargetPlan;

/**
 * A planning target that "writes" a list of the system's unit ids into a folder held in
 * memory, one line per run, with two jobs sharing a lock.
 */
final class MemoryJobs implements PlanningTarget {

	enum Flaw {

		/** None: the target keeps the contract. */
		NONE,
		/** Its planner writes. */
		SENDING_PLANNER,
		/** Both jobs have one name. */
		SAME_NAMES

	}

	private final MemorySystem system;

	private final Flaw flaw;

	private final List<String> written = new ArrayList<>();

	MemoryJobs(MemorySystem system, Flaw flaw) {
		this.system = system;
		this.flaw = flaw;
	}

	/** What the folder holds. */
	List<String> written() {
		return List.copyOf(this.written);
	}

	@Override
	public String name() {
		return "memory-jobs";
	}

	@Override
	public List<TargetJob> jobs() {
		String second = (this.flaw == Flaw.SAME_NAMES) ? "memory-list" : "memory-list-weekly";
		return List.of(TargetJob.of("memory-list", "Writes the unit ids", "0 0 5 * * ?", this::plan),
				TargetJob.of(second, "Writes the unit ids weekly", "0 0 6 ? * MON", this::plan)
					.sharingLockOf("memory-list"));
	}

	private TargetPlan plan() {
		List<String> ids = this.system.ids();
		if (this.flaw == Flaw.SENDING_PLANNER) {
			this.written.add(String.join(",", ids));
		}
		return new TargetPlan() {

			@Override
			public int read() {
				return ids.size();
			}

			@Override
			public TargetOutcome send() {
				MemoryJobs.this.written.add(String.join(",", ids));
				return new TargetOutcome(ids.size(), 1, 0, 0, 0, 0, null);
			}

		};
	}

}
