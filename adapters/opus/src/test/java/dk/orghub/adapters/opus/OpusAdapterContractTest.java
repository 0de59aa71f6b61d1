package dk.orghub.adapters.opus;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.testkit.SnapshotSourceContract;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.opus.OpusDumpWriter;
import dk.orghub.samples.opus.OpusSampleDumps;

/** The OPUS adapter against the test kit's snapshot source contract, on a sample dump. */
class OpusAdapterContractTest extends SnapshotSourceContract {

	@TempDir
	static Path dir;

	private static Path dump;

	@Override
	protected SnapshotSource createAdapter() {
		if (dump == null) {
			Municipality municipality = MunicipalityGenerator.generate(20070101L, 100);
			dump = OpusDumpWriter.write(OpusSampleDumps.first(municipality), dir);
		}
		return new OpusAdapter(OpusConfig.of("29189919", null).withDumpFile(dump));
	}

}
