package dk.orghub.routes.sync;

import java.util.Map;

import dk.orghub.core.spi.Adapter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sync registry from {@code hub.syncs} and the adapter beans. An adapter plugs in by
 * being a bean of type {@link Adapter} (usually from its module's auto-configuration) and
 * being named by a sync's {@code adapter} setting; a target adds its syncs as beans of
 * type {@link TargetSync}.
 */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

	@Bean
	SyncRegistry syncRegistry(SyncProperties properties, Map<String, Adapter> adapters,
			ObjectProvider<TargetSync> targets) {
		return new SyncRegistry(properties.syncs(), adapters, targets.orderedStream().toList());
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
