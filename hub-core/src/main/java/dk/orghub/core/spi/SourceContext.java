package dk.orghub.core.spi;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;

/**
 * What the hub gives a source while it reads: the clock, the identities the hub keeps for
 * the source's external ids, and a place to report progress.
 */
public interface SourceContext {

	Clock clock();

	/**
	 * The UUID bound to an external id, if the hub knows it. Sources whose ids must not
	 * be turned into UUIDs (a CPR number) use this, and {@link UUID#randomUUID()} for a
	 * new one.
	 */
	Optional<UUID> knownIdentity(ObjectType type, String externalId);

	/** Reports progress; {@code total} is -1 when unknown. */
	default void progress(long done, long total) {
	}

}
