package dk.orghub.adapters.sd.autoconfigure;

import java.time.Clock;

import dk.orghub.adapters.sd.SdAdapter;
import dk.orghub.adapters.sd.SdRuns;
import dk.orghub.adapters.sd.SdSync;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.store.OrgStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * SD-Løn as a source, on when {@code hub.sources.sd.base-uri} is set: the settings
 * ({@link SdProperties}, the password from {@code HUB_SOURCES_SD_PASSWORD}), the
 * {@link SdAdapter}, its {@link SdSync}, and the file source the hub runs
 * ({@link SdRuns}, bean {@value #SYNC_BEAN}). Without a {@code hub.syncs} entry naming it
 * the sync is called after the source ({@code sd}) and runs when triggered; give it a
 * schedule with {@code hub.syncs.sd.adapter: sd} and {@code hub.syncs.sd.cron}. Every
 * bean can be replaced by one of the same type.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "hub.sources.sd", name = "base-uri")
@EnableConfigurationProperties(SdProperties.class)
public class SdAutoConfiguration {

	/** The name of the bean a {@code hub.syncs.<name>.adapter} setting names. */
	static final String SYNC_BEAN = "sd";

	@Bean
	@ConditionalOnMissingBean
	SdAdapter sdAdapter(SdProperties properties, Clock clock) {
		return new SdAdapter(properties.config(), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	SdSync sdSync(SdAdapter adapter, OrgStore store, FieldPolicy policy, Clock clock) {
		return new SdSync(adapter, store, policy, clock);
	}

	@Bean(SYNC_BEAN)
	@ConditionalOnMissingBean
	SdRuns sdRuns(SdAdapter adapter, SdSync sync, OrgStore store) {
		return new SdRuns(adapter, sync, store);
	}

}
