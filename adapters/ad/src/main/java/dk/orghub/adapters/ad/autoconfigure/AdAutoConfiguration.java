package dk.orghub.adapters.ad.autoconfigure;

import java.time.Clock;

import dk.orghub.adapters.ad.AdAdapter;
import dk.orghub.adapters.ad.AdConfiguration;
import dk.orghub.adapters.ad.PersonLookup;
import dk.orghub.adapters.ad.StorePersonLookup;
import dk.orghub.core.spi.PlainConnections;
import dk.orghub.core.store.OrgStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Active Directory (or another LDAP directory) as a source, on when
 * {@code hub.sources.ad.url} is set and {@code hub.sources.ad.enabled} is not false. The
 * settings bind into {@link AdConfiguration} (the password from
 * {@code HUB_SOURCES_AD_PASSWORD}); a sync runs the adapter with
 * {@code hub.syncs.<name>.adapter: ad}. Every bean can be replaced by one of the same
 * type. An {@code ldap://} URL to another machine is refused at start unless
 * {@code hub.sources.ad.allow-plain-ldap} is true: use {@code ldaps://}.
 */
@AutoConfiguration
public class AdAutoConfiguration {

	/**
	 * The report of the last read ({@code /api/v1/sources/ad/report}), in a web
	 * application; it answers 404 while no directory is configured.
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	AdReportController adReportController(ObjectProvider<AdAdapter> adapter) {
		return new AdReportController(adapter);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "hub.sources.ad", name = "url")
	@ConditionalOnProperty(prefix = "hub.sources.ad", name = "enabled", havingValue = "true", matchIfMissing = true)
	static class Source {

		/**
		 * Allows an {@code ldap://} URL to another machine: the bind password and the CPR
		 * numbers of the accounts would travel in clear (the adapter does not use
		 * StartTLS).
		 */
		static final String ALLOW_PLAIN_LDAP = AdConfiguration.PREFIX + ".allow-plain-ldap";

		@Bean
		@ConditionalOnMissingBean
		AdConfiguration adConfiguration(Environment environment) {
			AdConfiguration configuration;
			try {
				configuration = AdSettings.bind(environment);
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException(AdConfiguration.PREFIX + ": " + ex.getMessage(), ex);
			}
			boolean allowed = Binder.get(environment).bind(ALLOW_PLAIN_LDAP, Boolean.class).orElse(false);
			PlainConnections.check(AdConfiguration.PREFIX + ".url", configuration.url(), "ldap", "ldaps",
					ALLOW_PLAIN_LDAP, allowed);
			return configuration;
		}

		@Bean
		@ConditionalOnMissingBean
		PersonLookup adPersonLookup(OrgStore store, Clock clock) {
			return new StorePersonLookup(store, clock);
		}

		@Bean
		@ConditionalOnMissingBean
		AdAdapter adAdapter(AdConfiguration configuration, PersonLookup persons) {
			return new AdAdapter(configuration, persons);
		}

	}

}
