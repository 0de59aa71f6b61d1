package dk.orghub.routes.run;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.reconcile.StoreSourceContext;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.store.OrgStore;

/**
 * What a source gets while a run reads it: the store's identities and the run's progress.
 */
final class RunSourceContext implements SourceContext {

	private final StoreSourceContext identities;

	private final RunProgress progress;

	RunSourceContext(OrgStore store, String source, Clock clock, RunProgress progress) {
		this.identities = new StoreSourceContext(store, source, clock);
		this.progress = progress;
	}

	@Override
	public Clock clock() {
		return this.identities.clock();
	}

	@Override
	public Optional<UUID> knownIdentity(ObjectType type, String externalId) {
		return this.identities.knownIdentity(type, externalId);
	}

	@Override
	public UUID identity(ObjectType type, String externalId) {
		return this.identities.identity(type, externalId);
	}

	@Override
	public void progress(long done, long total) {
		this.progress.update("reading", done, total);
	}

}
