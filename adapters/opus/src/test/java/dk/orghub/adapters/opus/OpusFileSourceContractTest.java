package dk.orghub.adapters.opus;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.io.TempDir;

import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.spi.Adapter;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.opus.OpusDump;
import dk.orghub.samples.opus.OpusDumpWriter;
import dk.orghub.samples.opus.OpusSampleDumps;
import dk.orghub.testkit.FileSourceContract;

/**
 * The OPUS inbox against the test kit's file-source contract: each delivery is the sample
 * municipality's first dump, exported an hour after the one before.
 */
class OpusFileSourceContractTest extends FileSourceContract {

	private static final Municipality MUNICIPALITY = MunicipalityGenerator.generate(20070101L, 100);

	@TempDir
	Path folder;

	private int delivered;

	@Override
	protected Adapter createAdapter() {
		OpusConfig config = OpusConfig.of(MUNICIPALITY.organisation().latest().orElseThrow().cvr(),
				this.folder.resolve("opus"));
		OpusImporter importer = new OpusImporter(config, this.store, FieldPolicy.none(), clock());
		return new OpusFileInbox(new OpusInbox(importer), importer, Duration.ofDays(90), clock());
	}

	@Override
	protected void deliverFile() {
		OpusDump first = OpusSampleDumps.first(MUNICIPALITY);
		OpusDumpWriter.write(new OpusDump(first.exportedAt().plusHours(this.delivered++), first.client(), first.units(),
				first.employees()), this.folder.resolve("opus"));
	}

}
