package dk.orghub.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import dk.orghub.adapters.ad.AdAdapter;
import dk.orghub.adapters.ad.AdConfiguration;
import dk.orghub.adapters.ad.StorePersonLookup;
import dk.orghub.core.spi.HubRuns;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sts.LocalStsService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo, with the profile {@code demo}: the sample municipality as three source
 * adapters for the syncs of {@code application-demo.yml} ({@code samples-import},
 * {@code samples-next-month}, {@code samples-payroll-mistake}), loaded at the first start
 * ({@link DemoMunicipality}), and its Active Directory, served by the in-process LDAP
 * server on a free loopback port as the adapter {@code ad} the demo's sync {@code ad}
 * runs (left out when a real directory is configured: {@code hub.sources.ad.url}), its
 * accounts generated and loaded in the background. The local STS Organisation service is
 * started before the context by {@link DemoLocalSts} (publishing its services in the
 * background: {@link DemoServicesReady} waits for them, and for the directory's accounts,
 * before the first import).
 */
@AutoConfiguration
@Profile("demo")
@EnableConfigurationProperties(DemoProperties.class)
public class DemoAutoConfiguration {

	@Bean
	SnapshotSource samples(DemoProperties properties, Clock clock) {
		return new GeneratedMunicipalitySource(properties, GeneratedMunicipalitySource.Variant.TODAY, clock);
	}

	@Bean
	SnapshotSource samplesNextMonth(DemoProperties properties, Clock clock) {
		return new GeneratedMunicipalitySource(properties, GeneratedMunicipalitySource.Variant.NEXT_MONTH, clock);
	}

	@Bean
	SnapshotSource samplesPayrollMistake(DemoProperties properties, Clock clock) {
		return new GeneratedMunicipalitySource(properties, GeneratedMunicipalitySource.Variant.PAYROLL_MISTAKE, clock);
	}

	@Bean
	DemoServicesReady demoServicesReady(ObjectProvider<LocalStsService> localSts,
			ObjectProvider<SampleLdapServer> directory) {
		return new DemoServicesReady(localSts, directory);
	}

	@Bean
	DemoMunicipality demoMunicipality(OrgStore store, HubRuns runs, Clock clock) {
		return new DemoMunicipality(store, runs, clock);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "hub.sources.ad", name = "url", havingValue = "not-configured",
			matchIfMissing = true)
	static class Directory {

		@Bean(destroyMethod = "close")
		SampleLdapServer demoDirectoryServer(DemoProperties demo, Clock clock) {
			LocalDate reference = (demo.referenceDate() != null) ? demo.referenceDate() : ReadPoint.today(clock);
			return SampleLdapServer.startInBackground(SampleDirectory.activeDirectory(),
					() -> SampleAccounts.of(MunicipalityGenerator.generate(demo.seed(), demo.employees(), reference)));
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

}
