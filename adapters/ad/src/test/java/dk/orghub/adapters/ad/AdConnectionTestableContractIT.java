package dk.orghub.adapters.ad;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dk.orghub.core.spi.ConnectionTestable;
import dk.orghub.testkit.ConnectionTestableContract;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;

/**
 * the test kit's connection-test contract: the in-process AD, and a closed local port.
 */
class AdConnectionTestableContractIT extends ConnectionTestableContract {

	private static SampleLdapServer server;

	@BeforeAll
	static void start() {
		server = SampleLdapServer.start(SampleDirectory.activeDirectory(), Fixtures.accounts(100));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Override
	protected ConnectionTestable reachable() {
		return new AdAdapter(Fixtures.config(server), PersonLookup.of(Map.of()));
	}

	@Override
	protected ConnectionTestable unreachable() {
		return new AdAdapter(
				Fixtures.config(server)
					.withUrl("ldap://127.0.0.1:" + Fixtures.closedPort(), SampleDirectory.BIND_PASSWORD),
				PersonLookup.of(Map.of()));
	}

}
