package dk.orghub.routes.run;

/** Where a run stands or how it ended. */
public enum RunStatus {

	/** Reading, planning or writing now. */
	RUNNING,
	/** Every change was written. */
	SUCCEEDED,
	/** Written, but some objects failed and went to the quarantine. */
	PARTIAL,
	/**
	 * Nothing was written: the source could not be read or the change set was refused.
	 */
	FAILED,
	/** A preview: the change set was computed and shown, nothing was written. */
	PREVIEW,
	/**
	 * It would end more than the sync's threshold allows; stopped before writing, with
	 * its preview attached, until an operator approves or rejects it.
	 */
	AWAITING_APPROVAL,
	/** An operator rejected it; nothing was written. */
	REJECTED,
	/**
	 * It was awaiting approval, but a later run superseded it, or the plan changed
	 * materially before approval; nothing was written.
	 */
	EXPIRED,
	/** A scheduled fire found the sync already running. */
	SKIPPED;

	public boolean finished() {
		return this != RUNNING && this != AWAITING_APPROVAL;
	}

}
