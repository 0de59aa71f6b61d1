package dk.orghub.core.spi;

/**
 * Capability: a source that reports changes since an opaque token. The hub stores the
 * token with the changes it applied, so a stopped run resumes where it left off.
 */
public interface ChangeFeedSource extends SourceAdapter {

	/**
	 * Reads the changes after {@code token}.
	 * @param token the token of the last applied batch, or {@code null} to start from now
	 * @throws AdapterException when the source cannot be read
	 */
	ChangeBatch changesSince(SourceContext context, String token);

}
