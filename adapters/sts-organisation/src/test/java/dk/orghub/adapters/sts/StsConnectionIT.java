package dk.orghub.adapters.sts;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dk.orghub.core.spi.ConnectionTestable;
import dk.orghub.testkit.ConnectionTestableContract;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalStsService;

/** The connection test against the local service and against a closed port. */
class StsConnectionIT extends ConnectionTestableContract {

	private static final MutableClock clock = StsSamples.clock();

	private static final Municipality municipality = StsSamples.municipality(100);

	private static LocalStsService service;

	@BeforeAll
	static void start() {
		service = StsSamples.service(municipality, clock);
	}

	@AfterAll
	static void stop() {
		service.close();
	}

	@Override
	protected ConnectionTestable reachable() {
		return new StsOrganisationAdapter(StsSamples.settings(service, municipality),
				new SentLedger(StsSamples.database(), clock), clock, CanonicalState::empty);
	}

	@Override
	protected ConnectionTestable unreachable() {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		StsSettings settings = StsSamples.settings(service, municipality);
		settings = StsSettings
			.defaults(URI.create("http://127.0.0.1:" + port + "/"), settings.organisationUuid(), settings.cvr())
			.withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1))
			.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
		return new StsOrganisationAdapter(settings, new SentLedger(StsSamples.database(), clock), clock,
				CanonicalState::empty);
	}

}
