package dk.orghub.routes.sync;

/** What a sync does. */
public enum SyncKind {

	/**
	 * Reads a source (a full snapshot or a change feed) and reconciles the store with it.
	 */
	IMPORT,

	/** Sends the store's changes to a target. */
	PUBLISH

}
