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

	/**
	 * The UUID for an external id that must not be turned into a UUID by itself (a CPR
	 * number): the bound one, else one for a new object. The hub's context gives a new id
	 * the same UUID on every read until it is bound (a keyed digest under a secret of the
	 * store), so reading an unchanged source twice gives the same plan and a run approved
	 * after its preview applies what was previewed. This default draws a random UUID for
	 * a new id.
	 */
	default UUID identity(ObjectType type, String externalId) {
		return knownIdentity(type, externalId).orElseGet(UUID::randomUUID);
	}

	/** Reports progress; {@code total} is -1 when unknown. */
	default void progress(long done, long total) {
	}

}
