package dk.orghub.core.spi;

import java.util.List;
import java.util.Map;

/**
 * What a run of a {@link TargetJob} would send, computed without sending. The hub shows
 * it as a preview, holds it for approval when it would deactivate more than the safety
 * threshold allows, and otherwise calls {@link #send()}. A plan is used once, from the
 * thread that planned it.
 */
public interface TargetPlan {

	/** The objects mapped for the target and considered. */
	int read();

	/** Of those, the ones the target already holds as they are. */
	default int unchanged() {
		return 0;
	}

	/**
	 * Every object the run would create, change or deactivate, with its diff; none for a
	 * target without objects of its own (e.g. a file).
	 */
	default List<TargetChange> changes() {
		return List.of();
	}

	/**
	 * What the target holds from the hub, by the type names of {@link #ending()}: the
	 * base of the safety thresholds; none when they do not apply.
	 */
	default Map<String, Long> held() {
		return Map.of();
	}

	/**
	 * How many objects the run would deactivate, by type name, for the types the safety
	 * thresholds guard (e.g. units, accounts, functions).
	 */
	default Map<String, Long> ending() {
		return Map.of();
	}

	/** A line about the plan for the run, or {@code null}. */
	default String note() {
		return null;
	}

	/**
	 * Sends the plan.
	 * @throws AdapterException when the target refuses or cannot be reached
	 */
	TargetOutcome send();

}
