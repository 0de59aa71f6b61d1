package dk.orghub.kombit.security;

/**
 * A failure of the token flow or of a signed call, with the reason an operator acts on.
 * Its message never holds a token, a key or a password.
 */
public class KombitSecurityException extends RuntimeException {

	/** Why; each says whether a later attempt may succeed. */
	public enum Reason {

		/** The keystore or truststore cannot be read, or a named entry is missing. */
		CONFIGURATION("configuration", false),
		/** The client (FOCES/OCES3) certificate has expired. */
		CERTIFICATE_EXPIRED("client certificate expired", false),
		/** The client certificate is not valid yet. */
		CERTIFICATE_NOT_YET_VALID("client certificate not yet valid", false),
		/**
		 * The token service refused to issue a token: typically no service agreement for
		 * the CVR number, or the certificate is not registered with KOMBIT.
		 */
		TOKEN_REFUSED("token refused (no service agreement?)", false),
		/**
		 * A signature of KOMBIT's (token service or service) is missing, broken or made
		 * by an untrusted key.
		 */
		UNTRUSTED_SIGNATURE("KOMBIT's signature not trusted", false),
		/**
		 * The token is for another CVR number or audience, not holder-of-key for our
		 * certificate, or expired.
		 */
		INVALID_TOKEN("token not usable", false),
		/** The service refused our signature or token. */
		SIGNATURE_REFUSED("signed call refused", false),
		/** A timestamp was stale or ahead: the clocks differ. */
		CLOCK_SKEW("clock skew", true),
		/** The token service did not answer. */
		NETWORK("network", true);

		private final String label;

		private final boolean temporary;

		Reason(String label, boolean temporary) {
			this.label = label;
			this.temporary = temporary;
		}

		public String label() {
			return this.label;
		}

		public boolean temporary() {
			return this.temporary;
		}

	}

	private final Reason reason;

	public KombitSecurityException(Reason reason, String message) {
		super(reason.label() + ": " + message);
		this.reason = reason;
	}

	public KombitSecurityException(Reason reason, String message, Throwable cause) {
		super(reason.label() + ": " + message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	public boolean temporary() {
		return this.reason.temporary();
	}

	/** The first {@link KombitSecurityException} in a cause chain, or null. */
	public static KombitSecurityException find(Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause()) {
			if (c instanceof KombitSecurityException k) {
				return k;
			}
			if (c.getCause() == c) {
				break;
			}
		}
		return null;
	}

}
