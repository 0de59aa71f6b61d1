package dk.orghub.adapters.sts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Organisation;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.ldap.SampleAccount;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sts.LocalCertificates;
import dk.orghub.samples.sts.LocalStsService;
import dk.orghub.samples.sts.LocalTokenService;

/** Sample municipalities as canonical state, a local service and settings for tests. */
final class StsSamples {

	static final LocalDate TODAY = LocalDate.of(2025, 1, 1);

	private StsSamples() {
	}

	static MutableClock clock() {
		return new MutableClock(TODAY.atTime(10, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant());
	}

	/**
	 * A generated municipality with an AD account (IT user) per account of the sample
	 * directory that belongs to a person.
	 */
	static CanonicalState state(Municipality m) {
		CanonicalState state = CanonicalState.empty();
		state.units().putAll(m.units());
		state.persons().putAll(m.persons());
		state.engagements().putAll(m.engagements());
		state.managers().putAll(m.managers());
		state.addresses().putAll(m.addresses());
		state.kle().putAll(m.kle());
		UUID ad = DefaultClasses.classUuid(DefaultClasses.IT_SYSTEM, "Active Directory");
		for (SampleAccount account : SampleAccounts.of(m).all()) {
			if (account.person() == null || !m.persons().containsKey(account.person())) {
				continue;
			}
			ItUser user = new ItUser(UUID.nameUUIDFromBytes(("it-user:" + account.id()).getBytes()),
					account.accountName(), account.person(), ad, account.id().toString(), account.enabled());
			LocalDate from = m.persons().get(account.person()).segments().get(0).validity().from();
			state.itUsers()
				.put(user.uuid(),
						Timeline.of(Validity.from(account.created().isAfter(from) ? account.created() : from), user));
		}
		return state;
	}

	static Municipality municipality(int employees) {
		return MunicipalityGenerator.generate(20070101L, employees, TODAY);
	}

	static Organisation organisation(Municipality m) {
		return m.organisation().segments().get(0).value();
	}

	static LocalStsService service(Municipality m, Clock clock) {
		LocalStsService service = LocalStsService.start(clock);
		Organisation organisation = organisation(m);
		service.seedOrganisation(organisation.uuid(), organisation.userKey(), organisation.name());
		return service;
	}

	static StsSettings settings(LocalStsService service, Municipality m) {
		return settings(service.baseUrl(), m);
	}

	static StsSettings settings(String baseUrl, Municipality m) {
		Organisation organisation = organisation(m);
		return StsSettings.defaults(URI.create(baseUrl), organisation.uuid(), organisation.cvr())
			.withRetries(15, Duration.ofMillis(5), Duration.ofMillis(50))
			.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
	}

	/**
	 * A local service that requires signed calls, its local token service agreeing to
	 * tokens for the municipality's CVR number.
	 */
	static LocalStsService secureService(Municipality m, Clock clock, LocalCertificates.Set certificates) {
		LocalStsService service = LocalStsService.startSecure(clock, certificates);
		Organisation organisation = organisation(m);
		service.seedOrganisation(organisation.uuid(), organisation.userKey(), organisation.name());
		service.tokenService().agree(organisation.cvr(), LocalStsService.ENTITY_ID);
		return service;
	}

	/** Certificates valid around {@link #TODAY}. */
	static LocalCertificates.Set certificates(Municipality m) {
		return LocalCertificates.generate(organisation(m).cvr(), clock().instant(), Duration.ofDays(365));
	}

	/**
	 * Settings of a secure service: its files written to {@code dir} with a fresh
	 * password.
	 */
	static StsSettings secureSettings(LocalStsService service, Municipality m, Path dir) {
		char[] password = LocalCertificates.password();
		LocalCertificates.Files files = service.certificates().write(dir, password);
		return secureSettings(service, m, files, new String(password));
	}

	static StsSettings secureSettings(LocalStsService service, Municipality m, LocalCertificates.Files files,
			String password) {
		return secureSettings(service.baseUrl(), service.tokenServiceUrl(), m, files, password);
	}

	/** Settings of a secure service at {@code baseUrl}, given its files and password. */
	static StsSettings secureSettings(String baseUrl, String tokenServiceUrl, Municipality m,
			LocalCertificates.Files files, String password) {
		return settings(baseUrl, m).withSecurity(new StsSecurity(true, files.keystore(), password, "client",
				URI.create(tokenServiceUrl), LocalTokenService.ISSUER, LocalStsService.ENTITY_ID, "token-service",
				"service", true, files.truststore(), password, Duration.ofMinutes(5), Duration.ofMinutes(5)));
	}

	static DataSource database() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:sts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		StsSchema.migrate(dataSource);
		return dataSource;
	}

	/**
	 * What the KY, KSD and SAPA profiles find in the state as the adapter would map it
	 * today.
	 */
	static List<StsProfiles.ProfileReport> expectedProfiles(LocalStsService service, Municipality m,
			CanonicalState state) {
		StsSettings settings = settings(service, m);
		return new StsProfiles(settings).check(new StsMapper(settings).map(state, TODAY), TODAY);
	}

	/**
	 * Holds a sending thread until the test releases it (at most a minute, so that a
	 * failed test does not hang the build).
	 */
	static void holdUntil(CountDownLatch release) {
		try {
			release.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
