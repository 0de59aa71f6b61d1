package dk.orghub.adapters.exports.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import dk.orghub.adapters.exports.SampleEstate;
import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.CprAccess;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.testkit.PlanningTargetContract;

/**
 * The scheduled export against the test kit's planning-target contract: a survey of the
 * sample municipality; planning prepares the export and writes no file.
 */
class ScheduledExportPlanningContractTest extends PlanningTargetContract {

	private static MutableClock clock;

	private static SampleEstate estate;

	@TempDir
	Path temp;

	@BeforeAll
	static void load() {
		clock = new MutableClock(ScheduledExportTest.NEW_YEAR);
		estate = SampleEstate.load(MunicipalityGenerator.generate(SampleEstate.SEED, 100), TestStores.h2(clock));
	}

	@Override
	protected Adapter createTarget() {
		ScheduledExport export = new ScheduledExport(ScheduledExportSettings.survey(this.temp.resolve("out")),
				estate.store(), clock);
		return new ScheduledExportTarget(export, "0 0 5 * * ?", ZoneId.of("Europe/Copenhagen"), new CprAccess() {

			@Override
			public void check(String parameter, boolean wanted) {
			}

			@Override
			public void record(String what, long count) {
			}

		});
	}

	@Override
	protected Object targetState() {
		Path out = this.temp.resolve("out");
		if (!Files.exists(out)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(out)) {
			return files.map(Path::toString).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
