package dk.orghub.routes.run;

/** What started a run. */
public enum Trigger {

	/** The sync's schedule. */
	SCHEDULE,
	/** An operator, through the API or the dashboard. */
	MANUAL,
	/** A change in the store (publish syncs). */
	CHANGE,
	/** The application's start (the demo's first import). */
	STARTUP,
	/** An operator retrying quarantined objects. */
	RETRY

}
