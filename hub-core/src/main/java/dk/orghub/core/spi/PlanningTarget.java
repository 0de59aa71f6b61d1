package dk.orghub.core.spi;

import java.util.List;

/**
 * Capability: a target that plans its own runs (what it would send, computed without
 * sending) and offers them to the hub as syncs, e.g. a full publish, a reconcile, a file
 * written on a schedule. The hub makes one sync of each {@link TargetJob}; an entry of
 * the same name in {@code hub.syncs} sets its schedule, pause and thresholds. The hub
 * records every run, previews a plan, holds one that trips the safety thresholds for
 * approval, and takes the job's lock, so a job's planner and operations are called from
 * one thread at a time (on any instance).
 */
public interface PlanningTarget extends TargetAdapter {

	/**
	 * The syncs this target offers; asked once, at start. Names must be unique across the
	 * hub.
	 */
	List<TargetJob> jobs();

}
