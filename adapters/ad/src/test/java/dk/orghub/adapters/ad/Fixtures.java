package dk.orghub.adapters.ad;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.orghub.core.model.Actor;
import dk.orghub.core.store.OrgStore;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;

/** Sample municipalities, their accounts and adapter configurations for the tests. */
final class Fixtures {

	static final long SEED = 20_070_101L;

	private static final Map<Integer, SampleAccounts> ACCOUNTS = new ConcurrentHashMap<>();

	private Fixtures() {
	}

	/** The accounts of the sample municipality of a size, generated once per run. */
	static SampleAccounts accounts(int employees) {
		return ACCOUNTS.computeIfAbsent(employees, n -> SampleAccounts.of(MunicipalityGenerator.generate(SEED, n)));
	}

	/** Loads the municipality (persons, units, engagements ...) as payroll would. */
	static void loadMunicipality(OrgStore store, Municipality municipality) {
		store.apply(municipality.toChangeSet(Actor.source("samples")));
	}

	/**
	 * A configuration for a running sample server: the employees' and the externals' OUs
	 * (not the service accounts' OU).
	 */
	static AdConfiguration config(SampleLdapServer server) {
		SampleDirectory directory = server.directory();
		AdConfiguration.Mode mode = directory.isActiveDirectory() ? AdConfiguration.Mode.AD : AdConfiguration.Mode.LDAP;
		return AdConfiguration
			.of(mode, server.url(), directory.bindDn(), SampleDirectory.BIND_PASSWORD,
					List.of(directory.ouDn(SampleAccounts.EMPLOYEES), directory.ouDn(SampleAccounts.EXTERNALS)))
			.withCpr(directory.cprAttribute(), directory.cprSeparator())
			.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
	}

	/** A loopback port where nothing listens. */
	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
