package dk.orghub.adapters.opus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import dk.orghub.adapters.opus.OpusConfig;
import dk.orghub.adapters.opus.OpusImporter;
import dk.orghub.adapters.opus.OpusInbox;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.spi.FilePlan;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.opus.OpusDump;
import dk.orghub.samples.opus.OpusDumpWriter;
import dk.orghub.samples.opus.OpusSampleDumps;
import dk.orghub.samples.opus.OpusScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OPUS inbox keeps payroll dumps (full CPR numbers) from others and not forever:
 * {@code done/} and {@code error/} for the owner only, and processed dumps purged after
 * the retention, except the last imported one the next import compares with.
 */
class OpusFileInboxTest {

	private static final Municipality MUNICIPALITY = MunicipalityGenerator.generate(20240301L, 100);

	/** Now: the adapter writes its reports with the file system's time. */
	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@TempDir
	Path folder;

	@Test
	void processedDumpsAreTheOwnersOnlyAndPurgedAfterTheRetention() throws Exception {
		Path inbox = this.folder.resolve("opus");
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		OpusConfig config = new OpusConfig("opus", MUNICIPALITY.organisation().latest().orElseThrow().cvr(), inbox,
				null, null, null, null, null, null, null, null, null);
		OrgStore store = TestStores.h2(clock);
		OpusImporter importer = new OpusImporter(config, store, FieldPolicy.none(), clock);
		OpusFileInbox files = new OpusFileInbox(new OpusInbox(importer), importer, Duration.ofDays(90), clock);

		for (String sub : new String[] { "done", "error" }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(inbox.resolve(sub))))
				.isEqualTo("rwx------");
		}

		// a dump written long ago is processed today: its time is the day it was
		// processed
		OpusDump first = OpusSampleDumps.first(MUNICIPALITY);
		Path firstFile = OpusDumpWriter.write(first, inbox);
		Files.setLastModifiedTime(firstFile, FileTime.from(NOW.minus(Duration.ofDays(400))));
		assertThat(importFile(files, store, firstFile)).isEqualTo("done/" + first.fileName());
		Path firstDone = inbox.resolve("done").resolve(first.fileName());
		assertThat(Files.getLastModifiedTime(firstDone).toInstant()).isEqualTo(NOW);
		assertThat(files.purgeProcessed(NOW.plus(Duration.ofDays(89)))).isZero();

		OpusDump second = new OpusScenario(7L).next(first, LocalDateTime.of(2025, 5, 1, 2, 0), 10).dump();
		Path secondFile = OpusDumpWriter.write(second, inbox);
		assertThat(importFile(files, store, secondFile)).isEqualTo("done/" + second.fileName());
		Path rejected = Files.writeString(inbox.resolve("ZLPE20250501030000_delta.xml"), "<kmd>cut");
		assertThat(importFile(files, store, rejected)).isEqualTo("error/" + rejected.getFileName());
		assertThat(inbox.resolve("error").resolve(rejected.getFileName())).exists();

		// 91 days on: all past the retention, but the last imported dump stays
		int purged = files.purgeProcessed(NOW.plus(Duration.ofDays(91)));

		assertThat(firstDone).doesNotExist();
		assertThat(inbox.resolve("error").resolve(rejected.getFileName())).doesNotExist();
		assertThat(inbox.resolve("error").resolve(rejected.getFileName() + ".error.txt")).doesNotExist();
		assertThat(inbox.resolve("done").resolve(second.fileName())).exists();
		assertThat(purged).isGreaterThanOrEqualTo(3);
	}

	/**
	 * What the hub does with a waiting file: plans it, writes the plan, tells the inbox.
	 */
	private static String importFile(OpusFileInbox files, OrgStore store, Path file) {
		FilePlan plan = files.plan(file);
		return plan.isRefused() ? files.rejected(file, plan.refusal())
				: files.applied(file, plan, store.apply(plan.changes()));
	}

}
