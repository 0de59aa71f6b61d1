package dk.orghub.routes.demo;

import java.time.Clock;

import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.routes.config.HubProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code demo}: the sample municipality as three source adapters, for the syncs
 * of {@code application-demo.yml} ({@code samples-import}, {@code samples-next-month},
 * {@code samples-payroll-mistake}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoSources {

	@Bean
	SnapshotSource samples(HubProperties properties, Clock clock) {
		return new GeneratedMunicipalitySource(properties.demo(), GeneratedMunicipalitySource.Variant.TODAY, clock);
	}

	@Bean
	SnapshotSource samplesNextMonth(HubProperties properties, Clock clock) {
		return new GeneratedMunicipalitySource(properties.demo(), GeneratedMunicipalitySource.Variant.NEXT_MONTH,
				clock);
	}

	@Bean
	SnapshotSource samplesPayrollMistake(HubProperties properties, Clock clock) {
		return new GeneratedMunicipalitySource(properties.demo(), GeneratedMunicipalitySource.Variant.PAYROLL_MISTAKE,
				clock);
	}

}
