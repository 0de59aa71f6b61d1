package dk.orghub.adapters.opus.autoconfigure;

import java.time.Clock;

import dk.orghub.adapters.opus.OpusAdapter;
import dk.orghub.adapters.opus.OpusConfig;
import dk.orghub.adapters.opus.OpusFileInbox;
import dk.orghub.adapters.opus.OpusImporter;
import dk.orghub.adapters.opus.OpusInbox;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.spi.FileSource;
import dk.orghub.core.store.OrgStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The KMD OPUS source, on when {@code hub.sources.opus.municipality-key} is set and
 * {@code hub.sources.opus.enabled} is not false: with an {@code inbox}, the
 * {@link OpusFileInbox} (a {@link FileSource} the hub polls on {@code poll-cron}, each
 * dump a run of the sync {@code opus}) and, with {@code sftp.host}, the route
 * {@code opus-sftp} fetching dumps into the inbox; with a {@code dump-file}, the snapshot
 * source {@code opusAdapter}. Every bean can be replaced by one of the same type.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "hub.sources.opus", name = "municipality-key")
@ConditionalOnProperty(prefix = "hub.sources.opus", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(OpusProperties.class)
public class OpusAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OpusConfig opusConfig(OpusProperties properties) {
		return properties.toConfig();
	}

	@Bean
	@ConditionalOnMissingBean
	OpusImporter opusImporter(OpusConfig config, OrgStore store, FieldPolicy policy, Clock clock) {
		return new OpusImporter(config, store, policy, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "hub.sources.opus", name = "dump-file")
	OpusAdapter opusAdapter(OpusConfig config) {
		return new OpusAdapter(config);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "hub.sources.opus", name = "inbox")
	static class Inbox {

		@Bean
		@ConditionalOnMissingBean
		OpusInbox opusInbox(OpusImporter importer) {
			return new OpusInbox(importer);
		}

		@Bean
		@ConditionalOnMissingBean
		OpusFileInbox opusFileInbox(OpusInbox inbox, OpusImporter importer, OpusProperties properties, Clock clock) {
			return new OpusFileInbox(inbox, importer, properties.retention(), clock, new FileSource.Poll(
					"hub.sources.opus.poll-cron", properties.pollCron(), properties.pollTimeZone()));
		}

		@Bean
		@ConditionalOnProperty(prefix = "hub.sources.opus.sftp", name = "host")
		OpusSftpRoute opusSftpRoute(OpusProperties properties) {
			return new OpusSftpRoute(properties);
		}

	}

}
