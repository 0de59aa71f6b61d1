package dk.orghub.samples.municipality;

import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.testkit.SnapshotSourceContract;

/**
 * The sample source keeps the contract of a snapshot source: its snapshot is well-formed,
 * loads into an empty store through the reconciler and is idempotent.
 */
class SampleMunicipalitySourceContractTest extends SnapshotSourceContract {

	@Override
	protected SnapshotSource createAdapter() {
		return new SampleMunicipalitySource(Samples.of(100));
	}

}
