package dk.orghub.core.reconcile;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.store.OrgStore;

/**
 * The {@link SourceContext} the hub gives a source: identities are read from the store
 * once per type and then served from memory; a new external id gets the store's
 * {@link OrgStore#newIdentity stable UUID} for it.
 */
public class StoreSourceContext implements SourceContext {

	private final OrgStore store;

	private final String source;

	private final Clock clock;

	private final Map<ObjectType, Map<String, UUID>> identities = new EnumMap<>(ObjectType.class);

	public StoreSourceContext(OrgStore store, String source, Clock clock) {
		this.store = store;
		this.source = source;
		this.clock = clock;
	}

	@Override
	public Clock clock() {
		return this.clock;
	}

	@Override
	public synchronized Optional<UUID> knownIdentity(ObjectType type, String externalId) {
		return Optional.ofNullable(
				this.identities.computeIfAbsent(type, t -> this.store.identities(this.source, t)).get(externalId));
	}

	@Override
	public UUID identity(ObjectType type, String externalId) {
		return knownIdentity(type, externalId).orElseGet(() -> this.store.newIdentity(this.source, type, externalId));
	}

}
