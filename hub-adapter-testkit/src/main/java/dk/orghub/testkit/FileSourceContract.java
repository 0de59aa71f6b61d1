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
import dk.orghub.core.spi.FilePlan;
import dk.orghub.core.spi.FileSource;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.JdbcOrgStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a {@link FileSource}: a delivered file waits until it is taken;
 * planning it writes nothing and leaves it waiting; the hub's writing of the plan
 * followed by {@link FileSource#applied} changes the store and takes the file away; the
 * same content planned again changes nothing; a rejected file no longer waits. The test
 * plays the hub's part: it writes each plan to {@link #store} itself. Skipped when the
 * adapter is no file source.
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
	void planningWritesNothingAndLeavesTheFileWaiting() {
		deliverFile();
		Path file = waiting();
		FilePlan plan = plan(file);
		assertThat(this.store.preview(plan.changes()).changes()).as("what the file would change").isNotEmpty();
		assertThat(this.source.pending()).containsExactly(file);
		FilePlan again = plan(file);
		assertThat(this.store.preview(again.changes()).changes())
			.as("the file planned again (the first plan wrote nothing)")
			.hasSameSizeAs(this.store.preview(plan.changes()).changes());
	}

	@Test
	void writingThePlanAppliesTheFileAndTakesItAway() {
		deliverFile();
		Path file = waiting();
		FilePlan plan = plan(file);
		assertThat(plan.delivered()).isPositive();
		ApplyResult written = this.store.apply(plan.changes());
		assertThat(written.changes()).isNotEmpty();
		this.source.applied(file, plan, written);
		assertThat(this.source.pending()).as("waiting after the import").doesNotContain(file);
	}

	@Test
	void theSameContentPlannedAgainChangesNothing() {
		deliverFile();
		Path first = waiting();
		FilePlan plan = plan(first);
		this.source.applied(first, plan, this.store.apply(plan.changes()));
		deliverFile();
		FilePlan again = plan(waiting());
		assertThat(this.store.preview(again.changes()).changes()).as("the same content again").isEmpty();
	}

	@Test
	void aRejectedFileNoLongerWaits() {
		deliverFile();
		Path file = waiting();
		this.source.rejected(file, "rejected by the contract test");
		assertThat(this.source.pending()).doesNotContain(file);
	}

	private FilePlan plan(Path file) {
		FilePlan plan = this.source.plan(file);
		assertThat(plan.isRefused()).as("%s refused: %s", file, plan.refusal()).isFalse();
		return plan;
	}

	private Path waiting() {
		List<Path> pending = this.source.pending();
		assertThat(pending).as("files waiting in %s", this.source.location()).isNotEmpty();
		return pending.get(0);
	}

}
