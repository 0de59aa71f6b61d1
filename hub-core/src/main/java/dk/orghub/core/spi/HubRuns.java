package dk.orghub.core.spi;

/**
 * The hub's runs, as an adapter's own endpoints or start-up steps ask for one (e.g. a
 * publish on demand that answers with the target's report). A run started here is
 * recorded, locked, previewed and checked against the thresholds like every run. The
 * application provides the one implementation; calls may come from any thread.
 */
public interface HubRuns {

	/** Whether a sync of this name is configured. */
	boolean exists(String sync);

	/**
	 * Runs a sync now and waits until it ends (or stops for approval).
	 * @param sync the sync's name
	 * @param trigger why it runs
	 * @param user who asked, or {@code system}
	 * @throws IllegalArgumentException when there is no such sync
	 * @throws RuntimeException when the sync is running (its lock is held)
	 */
	Result run(String sync, Trigger trigger, String user);

	/** Why a run is started. */
	enum Trigger {

		/** Someone asked for it. */
		MANUAL,
		/** The hub started. */
		STARTUP

	}

	/**
	 * How a run went.
	 *
	 * @param id the run's id (as in {@code /api/v1/runs/<id>})
	 * @param status its status, e.g. {@code SUCCEEDED}, {@code FAILED},
	 * {@code AWAITING_APPROVAL}
	 * @param message its message, or {@code null}
	 * @param created how many objects it created
	 */
	record Result(long id, String status, String message, int created) {

	}

}
