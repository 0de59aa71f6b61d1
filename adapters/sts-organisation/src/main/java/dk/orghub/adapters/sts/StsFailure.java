package dk.orghub.adapters.sts;

import java.time.Duration;

import dk.orghub.core.spi.AdapterException;
import dk.orghub.kombit.security.KombitSecurityException;

/**
 * A failed call to STS Organisation, with the kind of failure an operator tells apart
 * (e.g. {@code network}, {@code HTTP 503}, {@code status 45}, {@code token refused (no
 * service agreement?)}) and whether the whole run must stop because every further call
 * would fail the same way.
 */
public final class StsFailure extends AdapterException {

	private final String kind;

	private final boolean stopsRun;

	private final Duration retryAfter;

	StsFailure(String kind, String message, boolean temporary, boolean stopsRun, Duration retryAfter, Throwable cause) {
		super(message, temporary, cause);
		this.kind = kind;
		this.stopsRun = stopsRun;
		this.retryAfter = retryAfter;
	}

	/** A failure of the token flow or of a signed call. */
	static StsFailure security(String operation, KombitSecurityException ex) {
		return new StsFailure(ex.reason().label(), operation + ": " + ex.getMessage(), ex.temporary(), !ex.temporary(),
				null, ex);
	}

	/**
	 * What kind of failure, for the run's reason and the count of consecutive failures.
	 */
	public String kind() {
		return this.kind;
	}

	/** Whether no other call can succeed either (the run stops at once). */
	public boolean stopsRun() {
		return this.stopsRun;
	}

	/** How long the service asked to wait (HTTP Retry-After), or null. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** The kind of any failure. */
	static String kindOf(AdapterException ex) {
		return (ex instanceof StsFailure f) ? f.kind : (ex.isTemporary() ? "temporary" : "permanent");
	}

}
