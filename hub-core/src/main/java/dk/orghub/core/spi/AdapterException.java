package dk.orghub.core.spi;

/**
 * An adapter could not do what it was asked. {@link #isTemporary()} tells the hub whether
 * a retry may succeed (a timeout, an unavailable service) or not (bad input, no
 * permission).
 */
public class AdapterException extends RuntimeException {

	private final boolean temporary;

	public AdapterException(String message, boolean temporary, Throwable cause) {
		super(message, cause);
		this.temporary = temporary;
	}

	public AdapterException(String message, boolean temporary) {
		this(message, temporary, null);
	}

	public boolean isTemporary() {
		return this.temporary;
	}

}
