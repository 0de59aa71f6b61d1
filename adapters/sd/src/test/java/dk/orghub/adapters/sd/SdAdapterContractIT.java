package dk.orghub.adapters.sd;

import org.junit.jupiter.api.AfterAll;

import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.testkit.SnapshotSourceContract;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sd.SdStub;

/**
 * The SD adapter against the test kit's snapshot source contract, over HTTP to the stub.
 */
class SdAdapterContractIT extends SnapshotSourceContract {

	private static SdStub stub;

	@Override
	protected SnapshotSource createAdapter() {
		if (stub == null) {
			stub = SdStub.start(MunicipalityGenerator.generate(20070101L, 100), "hub", "secret", "XY");
		}
		return new SdAdapter(SdConfig.of(stub.baseUri(), "XY", "hub", "secret"), this.clock);
	}

	@AfterAll
	static void stopStub() {
		if (stub != null) {
			stub.close();
			stub = null;
		}
	}

}
