package dk.orghub.testkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.FileResult;
import dk.orghub.core.spi.FileSource;
import dk.orghub.core.store.JdbcOrgStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a {@link FileSource}: a delivered file waits until it is taken; a
 * preview writes nothing and leaves the file waiting; importing applies it and takes it
 * away; the same content imported again changes nothing; a rejected file no longer waits.
 * Skipped when the adapter is no file source.
 */
public abstract class FileSourceContract {

	/** The store of the running test: the one the source imports into. */
	protected JdbcOrgStore store;

	/** The source of the running test. */
	protected FileSource source;

	/**
	 * A file source with no file waiting, importing into {@link #store}. Called once per
	 * test, after the store is made.
	 */
	protected abstract Adapter createAdapter();

	/**
	 * Makes one file wait in the source: the fake system's current export, under a new
	 * name at each call (so two calls with no change between them deliver the same
	 * content twice).
	 */
	protected abstract void deliverFile();

	/** The clock of the store; by default fixed. */
	protected Clock clock() {
		return Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
	}

	@BeforeEach
	void createSourceAndStore() {
		this.store = ContractStores.h2(clock());
		this.source = Capability.require(createAdapter(), FileSource.class);
	}

	@AfterEach
	void closeSource() {
		if (this.source != null) {
			this.source.close();
		}
	}

	@Test
	void aDeliveredFileWaitsUntilItIsTaken() {
		assertThat(this.source.location()).isNotBlank();
		assertThat(this.source.pending()).as("waiting before a delivery").isEmpty();
		deliverFile();
		assertThat(this.source.pending()).as("waiting after one delivery").hasSize(1);
	}

	@Test
	void aPreviewWritesNothingAndLeavesTheFileWaiting() {
		deliverFile();
		Path file = waiting();
		FileResult preview = this.source.process(file, true);
		assertThat(preview.status()).isEqualTo(FileResult.Status.PREVIEW);
		assertThat(preview.movedTo()).isNull();
		assertThat(preview.result()).as("what the import would change").isNotNull();
		assertThat(preview.result().changes()).as("what the import would change").isNotEmpty();
		assertThat(this.source.pending()).containsExactly(file);
		FileResult imported = this.source.process(file, false);
		assertThat(imported.result().changes()).as("the import after the preview (which wrote nothing)")
			.hasSameSizeAs(preview.result().changes());
	}

	@Test
	void importingAppliesTheFileAndTakesItAway() {
		deliverFile();
		Path file = waiting();
		FileResult imported = this.source.process(file, false);
		assertThat(imported.status()).isEqualTo(FileResult.Status.APPLIED);
		assertThat(imported.delivered()).isPositive();
		assertThat(imported.result().changes()).isNotEmpty();
		assertThat(this.source.pending()).as("waiting after the import").doesNotContain(file);
	}

	@Test
	void theSameContentImportedAgainChangesNothing() {
		deliverFile();
		this.source.process(waiting(), false);
		deliverFile();
		FileResult again = this.source.process(waiting(), false);
		assertThat(again.status()).as("the same content again: %s", again).isEqualTo(FileResult.Status.UNCHANGED);
		assertThat(again.result().changes()).isEmpty();
	}

	@Test
	void aRejectedFileNoLongerWaits() {
		deliverFile();
		Path file = waiting();
		this.source.reject(file, "rejected by the contract test");
		assertThat(this.source.pending()).doesNotContain(file);
	}

	private Path waiting() {
		List<Path> pending = this.source.pending();
		assertThat(pending).as("files waiting in %s", this.source.location()).isNotEmpty();
		return pending.get(0);
	}

}
