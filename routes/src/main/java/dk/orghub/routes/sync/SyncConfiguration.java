package dk.orghub.routes.sync;

import java.util.Map;

import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.spi.Adapter;

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
	SyncRegistry syncRegistry(SyncProperties properties, Map<String, Adapter> adapters) {
		return new SyncRegistry(properties.syncs(), adapters);
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
