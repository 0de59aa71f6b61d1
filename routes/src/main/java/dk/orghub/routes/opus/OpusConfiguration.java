package dk.orghub.routes.opus;

import java.time.Clock;

import dk.orghub.adapters.opus.OpusAdapter;
import dk.orghub.adapters.opus.OpusConfig;
import dk.orghub.adapters.opus.OpusImporter;
import dk.orghub.adapters.opus.OpusInbox;
import dk.orghub.core.store.OrgStore;
import dk.orghub.routes.run.RunRepository;
import dk.orghub.routes.run.SyncRunner;
import dk.orghub.routes.sync.FieldPolicyHolder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The KMD OPUS source, on when {@code hub.sources.opus.municipality-key} is set and
 * {@code hub.sources.opus.enabled} is not false. Every bean can be replaced by one of the
 * same type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.sources.opus", name = "municipality-key")
class OpusConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "hub.sources.opus", name = "municipality-key")
	@ConditionalOnProperty(prefix = "hub.sources.opus", name = "enabled", havingValue = "true", matchIfMissing = true)
	static class Enabled {

		@Bean
		@ConditionalOnMissingBean
		OpusConfig opusConfig(OpusProperties properties) {
			return properties.toConfig();
		}

		@Bean
		@ConditionalOnMissingBean
		OpusImporter opusImporter(OpusConfig config, OrgStore store, FieldPolicyHolder policy, Clock clock) {
			return new OpusImporter(config, store, policy.policy(), clock);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty(prefix = "hub.sources.opus", name = "dump-file")
		OpusAdapter opusAdapter(OpusConfig config) {
			return new OpusAdapter(config);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "hub.sources.opus", name = "municipality-key")
	@ConditionalOnProperty(prefix = "hub.sources.opus", name = "enabled", havingValue = "true", matchIfMissing = true)
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
			return new OpusFileInbox(inbox, importer, properties.retention(), clock);
		}

		@Bean
		OpusInboxPoller opusInboxPoller(SyncRunner runner, RunRepository runs, OpusFileInbox inbox) {
			return new OpusInboxPoller(runner, runs, inbox);
		}

		@Bean
		OpusInboxRoute opusInboxRoute(OpusProperties properties, OpusInboxPoller poller) {
			return new OpusInboxRoute(properties, poller);
		}

		@Bean
		@ConditionalOnProperty(prefix = "hub.sources.opus.sftp", name = "host")
		OpusSftpRoute opusSftpRoute(OpusProperties properties) {
			return new OpusSftpRoute(properties);
		}

	}

}
