package dk.orghub.routes.sd;

import java.time.Clock;

import dk.orghub.adapters.sd.SdAdapter;
import dk.orghub.adapters.sd.SdSync;
import dk.orghub.core.store.OrgStore;
import dk.orghub.routes.sync.FieldPolicyHolder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SD-Løn as a source, on when {@code hub.sources.sd.base-uri} is set: the settings
 * ({@link SdProperties}, the password from {@code HUB_SOURCES_SD_PASSWORD}), the
 * {@link SdAdapter}, its {@link SdSync}, and the sync the operations layer runs
 * ({@link SdRuns}, bean {@value #SYNC_BEAN}). Without a {@code hub.syncs} entry naming it
 * the sync is called after the source ({@code sd}) and runs when triggered; give it a
 * schedule with {@code hub.syncs.sd.adapter: sd} and {@code hub.syncs.sd.cron}. Every
 * bean can be replaced by one of the same type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.sources.sd", name = "base-uri")
class SdSourceConfiguration {

	/** The name of the bean a {@code hub.syncs.<name>.adapter} setting names. */
	static final String SYNC_BEAN = "sd";

	@Bean
	@ConditionalOnMissingBean
	SdAdapter sdAdapter(SdProperties properties, Clock clock) {
		return new SdAdapter(properties.config(), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	SdSync sdSync(SdAdapter adapter, OrgStore store, FieldPolicyHolder policy, Clock clock) {
		return new SdSync(adapter, store, policy.policy(), clock);
	}

	@Bean(SYNC_BEAN)
	@ConditionalOnMissingBean
	SdRuns sdRuns(SdAdapter adapter, SdSync sync, OrgStore store) {
		return new SdRuns(adapter, sync, store);
	}

}
