package dk.orghub.adapters.sd;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dk.orghub.core.spi.ConnectionTestable;
import dk.orghub.testkit.ConnectionTestableContract;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sd.SdStub;

/** The SD adapter's connection test against the stub and against a closed port. */
class SdConnectionContractIT extends ConnectionTestableContract {

	private static SdStub stub;

	@BeforeAll
	static void startStub() {
		stub = SdStub.start(MunicipalityGenerator.generate(20070101L, 100), "hub", "secret", "XY");
	}

	@AfterAll
	static void stopStub() {
		stub.close();
	}

	@Override
	protected ConnectionTestable reachable() {
		return new SdAdapter(SdConfig.of(stub.baseUri(), "XY", "hub", "secret"));
	}

	@Override
	protected ConnectionTestable unreachable() {
		return new SdAdapter(SdConfig.of(closedPort(), "XY", "hub", "secret")
			.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
	}

	static URI closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
