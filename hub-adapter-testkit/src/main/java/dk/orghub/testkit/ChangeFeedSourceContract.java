package dk.orghub.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.reconcile.StoreSourceContext;
import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.ChangeBatch;
import dk.orghub.core.spi.ChangeFeedSource;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.JdbcOrgStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The contract of a {@link ChangeFeedSource}: a change made after a token is reported
 * from that token; reading again from the same token reports the same changes (a run that
 * stopped before the hub stored the new token resumes where it left off); nothing is
 * reported after the newest token; and the same batch applied twice changes nothing the
 * second time. Skipped when the adapter has no change feed.
 * <p>
 * Each test first loads the source's current state: its snapshot, whose token is the
 * start, when the adapter is also a {@link SnapshotSource}, otherwise the changes from
 * {@code null} (now). Then {@link #changeTheSource()} changes the fake system.
 */
public abstract class ChangeFeedSourceContract {

	private static final int MAX_BATCHES = 10_000;

	/** The store of the running test, after {@link #prepareStore}. */
	protected JdbcOrgStore store;

	/** The adapter of the running test. */
	protected ChangeFeedSource feed;

	private Clock clock;

	private Reconciler reconciler;

	/**
	 * A configured adapter. Called once per test, after the store is made; {@link #store}
	 * can be used.
	 */
	protected abstract Adapter createAdapter();

	/**
	 * Makes a change in the fake system that the feed must report after its newest token
	 * (renames a unit, ends an account, moves an engagement). Each call makes a new
	 * change; move the clock here when the feed's tokens are dates.
	 */
	protected abstract void changeTheSource();

	/**
	 * The clock the store and the source read; by default fixed. Return the clock that
	 * {@link #changeTheSource()} moves when tokens are dates.
	 */
	protected Clock clock() {
		return Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
	}

	/**
	 * Prepares the store before the source's data is loaded, for sources whose objects
	 * refer to objects another source delivers. Does nothing by default.
	 */
	protected void prepareStore(JdbcOrgStore store) {
	}

	@BeforeEach
	void createFeedAndStore() {
		this.clock = clock();
		this.store = ContractStores.h2(this.clock);
		this.reconciler = new Reconciler(this.store, FieldPolicy.none());
		prepareStore(this.store);
		this.feed = Capability.require(createAdapter(), ChangeFeedSource.class);
	}

	@AfterEach
	void closeFeed() {
		if (this.feed != null) {
			this.feed.close();
		}
	}

	@Test
	void reportsAChangeMadeAfterItsToken() {
		String start = loadCurrentState();
		changeTheSource();
		List<ChangeBatch> batches = readFrom(start);
		assertThat(batches).flatExtracting(ChangeBatch::changed, ChangeBatch::ended)
			.as("the change made after token '%s'", start)
			.isNotEmpty();
		int operations = 0;
		for (ChangeBatch batch : batches) {
			operations += apply(batch).operations().size();
		}
		assertThat(operations).as("applying the reported changes changes the store").isPositive();
	}

	@Test
	void resumesFromItsToken() {
		String start = loadCurrentState();
		changeTheSource();
		Set<String> first = keys(readFrom(start));
		Set<String> again = keys(readFrom(start));
		assertThat(again).as("changes read again from token '%s'", start).isEqualTo(first).isNotEmpty();
	}

	@Test
	void reportsNothingAfterItsNewestToken() {
		String start = loadCurrentState();
		changeTheSource();
		String newest = start;
		for (ChangeBatch batch : readFrom(start)) {
			apply(batch);
			newest = batch.nextToken();
		}
		for (ChangeBatch batch : readFrom(newest)) {
			assertThat(plan(batch).operations()).as("changes after the newest token '%s'", newest).isEmpty();
		}
	}

	@Test
	void theSameBatchAppliedTwiceChangesNothing() {
		String start = loadCurrentState();
		changeTheSource();
		ChangeBatch batch = this.feed.changesSince(context(), start);
		apply(batch);
		assertThat(plan(batch).operations()).as("the same batch planned again").isEmpty();
	}

	/** Loads the source's current state into the store and returns the token after it. */
	protected String loadCurrentState() {
		if (this.feed instanceof SnapshotSource source) {
			Snapshot snapshot = source.snapshot(context());
			ApplyResult loaded = this.reconciler.reconcile(this.feed.name(), this.feed.ownership(), snapshot, false);
			assertThat(loaded.applied()).as("the snapshot loads").isTrue();
			if (snapshot.token() != null) {
				return snapshot.token();
			}
		}
		String token = null;
		for (ChangeBatch batch : readFrom(null)) {
			apply(batch);
			token = batch.nextToken();
		}
		return token;
	}

	/** Every batch from {@code token} until the source has no more. */
	protected List<ChangeBatch> readFrom(String token) {
		List<ChangeBatch> batches = new ArrayList<>();
		String next = token;
		do {
			if (batches.size() == MAX_BATCHES) {
				fail("'%s' still reports more after %d batches from token '%s'", this.feed.name(), MAX_BATCHES, token);
			}
			ChangeBatch batch = this.feed.changesSince(context(), next);
			assertThat(batch.nextToken()).as("next token").isNotBlank();
			batches.add(batch);
			next = batch.nextToken();
		}
		while (batches.get(batches.size() - 1).more());
		return batches;
	}

	private ChangeSet plan(ChangeBatch batch) {
		return this.reconciler.plan(this.feed.name(), this.feed.ownership(), batch);
	}

	private ChangeSet apply(ChangeBatch batch) {
		ChangeSet changes = plan(batch);
		assertThat(this.store.apply(changes).applied()).as("the batch applies").isTrue();
		return changes;
	}

	/** A fresh context per read: it caches the identities the store held then. */
	private StoreSourceContext context() {
		return new StoreSourceContext(this.store, this.feed.name(), this.clock);
	}

	private static Set<String> keys(List<ChangeBatch> batches) {
		Set<String> keys = new TreeSet<>();
		for (ChangeBatch batch : batches) {
			batch.changed().forEach(o -> keys.add("changed " + o.type() + "/" + o.externalId()));
			batch.ended().forEach(o -> keys.add("ended " + o.type() + "/" + o.externalId()));
		}
		return keys;
	}

}
