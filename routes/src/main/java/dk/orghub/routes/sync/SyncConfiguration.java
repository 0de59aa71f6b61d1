package dk.orghub.routes.sync;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import dk.orghub.core.outbox.OutboxDrain;
import dk.orghub.core.outbox.TargetOutbox;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.spi.SourceAdapter;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.store.OrgStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sync registry from {@code hub.syncs} and the adapter beans. An adapter plugs in by
 * being a bean of type {@link Adapter} (from its module's auto-configuration): a source
 * named by a sync's {@code adapter} setting, a {@link dk.orghub.core.spi.FileSource}
 * under its own name, a {@link dk.orghub.core.spi.PlanningTarget} with the syncs it
 * offers.
 */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

	@Bean
	SyncRegistry syncRegistry(SyncProperties properties, Map<String, Adapter> adapters, TargetOutbox outbox,
			OrgStore store, Clock clock) {
		return new SyncRegistry(properties.syncs(), adapters,
				(target, keepRefused) -> new OutboxDrain(outbox, store, target, clock, keepRefused));
	}

	/**
	 * The hub's outbox for every {@link ChangePublisher} bean, written in each change
	 * set's transaction (its writer is a write listener of the store).
	 */
	@Bean
	TargetOutbox targetOutbox(DataSource dataSource, Clock clock, ObjectProvider<ChangePublisher> targets) {
		return new TargetOutbox(dataSource, clock, () -> targets.orderedStream().distinct().toList());
	}

	@Bean
	JdbcOrgStore.WriteListener targetOutboxWriter(TargetOutbox outbox) {
		return outbox.writer();
	}

	@Bean
	SourceSettings sourceSettings(SourceProperties properties) {
		return new SourceSettings(properties);
	}

	/**
	 * The field policy for adapters that reconcile themselves (an OPUS dump, an SD run).
	 */
	@Bean
	FieldPolicy hubFieldPolicy(FieldPolicyHolder holder) {
		return holder.policy();
	}

	/** Which source holds each field of an object, for the local edits. */
	@Bean
	FieldOwners fieldOwners(OrgStore store, FieldPolicyHolder policy, Map<String, Adapter> adapters) {
		Map<String, SourceOwnership> ownerships = new HashMap<>();
		adapters.values().forEach((adapter) -> {
			if (adapter instanceof SourceAdapter source) {
				ownerships.put(source.name(), source.ownership());
			}
		});
		return new FieldOwners(store, policy.policy(), ownerships);
	}

	@Bean
	FieldPolicyHolder fieldPolicy(SyncProperties properties) {
		try {
			return new FieldPolicyHolder(properties.fieldPolicy());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("hub.field-policy: " + ex.getMessage(), ex);
		}
	}

}
