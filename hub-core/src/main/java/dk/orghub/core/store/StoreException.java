package dk.orghub.core.store;

/** The database failed; the change set, if any, was rolled back. */
public class StoreException extends RuntimeException {

	public StoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
