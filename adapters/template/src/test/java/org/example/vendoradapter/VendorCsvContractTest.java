package org.example.vendoradapter;

import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import dk.orghub.core.spi.Adapter;
import dk.orghub.testkit.AdapterBoundaryContract;
import dk.orghub.testkit.ConnectionTestableContract;
import dk.orghub.testkit.SnapshotSourceContract;

/**
 * The hub's contracts for the vendor-csv source, on the sample export in
 * {@code src/test/resources/sample}: replace it with a small, realistic export of your
 * system (or start a fake of it here) and keep these passing.
 */
class VendorCsvContractTest {

	static final Path SAMPLE = Path.of("src", "test", "resources", "sample");

	@Nested
	class Snapshots extends SnapshotSourceContract {

		@Override
		protected Adapter createAdapter() {
			return new VendorCsvSource(SAMPLE);
		}

	}

	@Nested
	class Connection extends ConnectionTestableContract {

		@TempDir
		Path empty;

		@Override
		protected Adapter reachable() {
			return new VendorCsvSource(SAMPLE);
		}

		@Override
		protected Adapter unreachable() {
			return new VendorCsvSource(this.empty.resolve("not-mounted"));
		}

	}

	@Nested
	class Boundary extends AdapterBoundaryContract {

		@Override
		protected String adapterPackage() {
			return VendorCsvSource.class.getPackageName();
		}

	}

}
