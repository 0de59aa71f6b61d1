package dk.orghub.routes.run;

/** A sync or run cannot do what was asked; the message says why. */
public class SyncException extends RuntimeException {

	private final Reason reason;

	public SyncException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why. */
	public enum Reason {

		/** No such sync, run or quarantine entry. */
		NOT_FOUND,
		/** Not in a state that allows it: running already, not awaiting approval. */
		CONFLICT,
		/** The hub's routes are not running: it is starting or stopping. */
		UNAVAILABLE

	}

}
