package dk.orghub.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Segment;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.reconcile.StoreSourceContext;
import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.JdbcOrgStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The contract of a {@link SnapshotSource}: the snapshot is well-formed, loads into an
 * empty store without breaking a rule of the model, and loading it again changes nothing.
 * Extend it in the adapter's tests and return the adapter, configured against its fake
 * system, from {@link #createAdapter()}; the tests are skipped when the adapter is no
 * snapshot source.
 */
public abstract class SnapshotSourceContract {

	protected final Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);

	/** The store of the running test, after {@link #prepareStore}. */
	protected JdbcOrgStore store;

	/** The adapter of the running test. */
	protected SnapshotSource source;

	/**
	 * A configured adapter whose data fits in the store {@link #prepareStore} leaves.
	 * Called once per test, after the store is made; {@link #store} and {@link #clock}
	 * can be used.
	 */
	protected abstract Adapter createAdapter();

	/**
	 * Prepares the store before the source's data is loaded, for sources whose objects
	 * refer to objects another source delivers (persons for an AD source). Does nothing
	 * by default.
	 */
	protected void prepareStore(JdbcOrgStore store) {
	}

	@BeforeEach
	void createSourceAndStore() {
		this.store = ContractStores.h2(this.clock);
		prepareStore(this.store);
		this.source = Capability.require(createAdapter(), SnapshotSource.class);
	}

	@AfterEach
	void closeSource() {
		if (this.source != null) {
			this.source.close();
		}
	}

	@Test
	void hasAStableNameAndAValidConfiguration() {
		assertThat(this.source.name()).isNotBlank().matches("[a-z0-9-]+");
		assertThatCode(this.source::validate).doesNotThrowAnyException();
	}

	@Test
	void snapshotIsWellFormed() {
		Snapshot snapshot = snapshot();
		assertThat(snapshot.objects()).as("a snapshot of the fake system has objects").isNotEmpty();
		assertThat(this.source.ownership().types()).containsAll(snapshot.scope());
		Set<String> ids = new HashSet<>();
		for (DesiredObject<?> object : snapshot.objects()) {
			assertThat(this.source.ownership().types()).as("declared types").contains(object.type());
			assertThat(ids.add(object.type() + "/" + object.externalId()))
				.as("external id %s of %s is unique", object.externalId(), object.type())
				.isTrue();
			for (Segment<?> segment : object.timeline().segments()) {
				OrgObject value = segment.value();
				assertThat(value.type()).isEqualTo(object.type());
				assertThat(value.uuid()).isEqualTo(object.uuid());
			}
		}
	}

	@Test
	void snapshotLoadsIntoAnEmptyStoreAndLoadingItAgainChangesNothing() {
		Reconciler reconciler = new Reconciler(this.store, FieldPolicy.none());
		ApplyResult first = reconciler.reconcile(this.source.name(), this.source.ownership(), snapshot(), false);
		assertThat(first.applied()).isTrue();
		assertThat(first.changes()).isNotEmpty();

		ChangeSet second = reconciler.plan(this.source.name(), this.source.ownership(), snapshot());
		assertThat(second.operations()).as("a second identical snapshot changes nothing").isEmpty();
		assertThat(second.bindings()).isEmpty();
	}

	@Test
	void externalIdsKeepTheirUuidsAcrossSnapshots() {
		new Reconciler(this.store, FieldPolicy.none()).reconcile(this.source.name(), this.source.ownership(),
				snapshot(), false);
		for (DesiredObject<?> object : snapshot().objects()) {
			assertThat(this.store.identity(this.source.name(), object.type(), object.externalId()))
				.contains(object.uuid());
		}
	}

	/** Types whose objects the snapshot holds, for subclasses' own checks. */
	protected Set<ObjectType> deliveredTypes() {
		Set<ObjectType> types = new HashSet<>();
		snapshot().objects().forEach(o -> types.add(o.type()));
		return types;
	}

	/** A snapshot read as the hub reads it, with the store's identities. */
	protected Snapshot snapshot() {
		return this.source.snapshot(new StoreSourceContext(this.store, this.source.name(), this.clock));
	}

}
