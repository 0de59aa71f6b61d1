package dk.orghub.routes.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import dk.orghub.adapters.ad.AdAdapter;
import dk.orghub.adapters.ad.AdConfiguration;
import dk.orghub.adapters.ad.StorePersonLookup;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.routes.config.HubProperties;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;
import dk.orghub.samples.municipality.MunicipalityGenerator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code demo}: the sample municipality's Active Directory, served by the
 * in-process LDAP server on a free loopback port, as the adapter {@code ad} the demo's
 * sync {@code ad} runs. Left out when a real directory is configured
 * ({@code hub.sources.ad.url}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(prefix = "hub.sources.ad", name = "url", havingValue = "not-configured", matchIfMissing = true)
class DemoDirectory {

	@Bean(destroyMethod = "close")
	SampleLdapServer demoDirectoryServer(HubProperties properties, Clock clock) {
		HubProperties.Demo demo = properties.demo();
		LocalDate reference = (demo.referenceDate() != null) ? demo.referenceDate() : ReadPoint.today(clock);
		SampleAccounts accounts = SampleAccounts
			.of(MunicipalityGenerator.generate(demo.seed(), demo.employees(), reference));
		return SampleLdapServer.start(SampleDirectory.activeDirectory(), accounts);
	}

	@Bean
	AdAdapter demoDirectoryAdapter(SampleLdapServer demoDirectoryServer, OrgStore store, Clock clock) {
		SampleDirectory directory = demoDirectoryServer.directory();
		return new AdAdapter(
				AdConfiguration.of(AdConfiguration.Mode.AD, demoDirectoryServer.url(), directory.bindDn(),
						SampleDirectory.BIND_PASSWORD, List.of(directory.baseDn())),
				new StorePersonLookup(store, clock));
	}

}
