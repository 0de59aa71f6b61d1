package dk.orghub.routes.sync;

import java.util.List;
import java.util.Objects;

import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.ChangeBatch;
import dk.orghub.core.spi.ChangeFeedSource;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.spi.SourceAdapter;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.OrgStore;

/**
 * A sync that imports from a source: a {@link SnapshotSource} is read in full and
 * reconciled (objects it no longer delivers end); a {@link ChangeFeedSource} is read
 * batch by batch from the token stored with the last applied batch. Either way the run
 * passes what the source delivered ({@link Delivery}) through the hub's rules, and the
 * result is a change set planned by the {@link Reconciler}; checking, previewing and
 * applying it is the run's job.
 */
public final class ImportSync implements Sync {

	private final String name;

	private final SourceAdapter source;

	private final SyncProperties.SyncSettings settings;

	ImportSync(String name, SourceAdapter source, SyncProperties.SyncSettings settings) {
		this.name = Objects.requireNonNull(name, "name");
		this.source = Objects.requireNonNull(source, "source");
		this.settings = Objects.requireNonNull(settings, "settings");
		if (!(source instanceof SnapshotSource) && !(source instanceof ChangeFeedSource)) {
			throw new IllegalArgumentException("source '" + source.name()
					+ "' offers neither a snapshot nor a change feed, so it cannot be imported");
		}
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SyncKind kind() {
		return SyncKind.IMPORT;
	}

	@Override
	public Adapter adapter() {
		return this.source;
	}

	@Override
	public SyncProperties.SyncSettings settings() {
		return this.settings;
	}

	/** The name registrations and identities are kept under: the adapter's name. */
	public String sourceName() {
		return this.source.name();
	}

	/**
	 * Reads the source: a change feed's next batch from the stored token, or a full
	 * snapshot. A snapshot source is preferred when the adapter has both capabilities and
	 * the store has no token for it yet.
	 */
	public Delivery read(OrgStore store, SourceContext context) {
		String token = store.token(sourceName()).orElse(null);
		if (this.source instanceof ChangeFeedSource feed
				&& (token != null || !(this.source instanceof SnapshotSource))) {
			return new Delivery(null, feed.changesSince(context, token));
		}
		return new Delivery(((SnapshotSource) this.source).snapshot(context), null);
	}

	/** Plans the change set of a delivery (the hub's rules applied to it). */
	public Plan plan(OrgStore store, FieldPolicyHolder policy, Reconciler.Options options, Delivery delivery) {
		Reconciler reconciler = new Reconciler(store, policy.policy(), options);
		if (delivery.batch() != null) {
			ChangeBatch batch = delivery.batch();
			ChangeSet changes = reconciler.plan(sourceName(), this.source.ownership(), batch);
			return new Plan(batch.changed().size() + batch.ended().size(), changes, batch.more());
		}
		Snapshot snapshot = delivery.snapshot();
		ChangeSet changes = reconciler.plan(sourceName(), this.source.ownership(), snapshot);
		return new Plan(snapshot.objects().size(), changes, false);
	}

	/**
	 * What one read of the source delivered: a snapshot or a change feed's batch.
	 *
	 * @param snapshot the snapshot, or {@code null}
	 * @param batch the batch, or {@code null}
	 */
	public record Delivery(Snapshot snapshot, ChangeBatch batch) {

		/** The objects delivered. */
		public List<DesiredObject<?>> objects() {
			return (this.snapshot != null) ? this.snapshot.objects() : this.batch.changed();
		}

		/** The same delivery with other objects (the hub's rules applied). */
		public Delivery with(List<DesiredObject<?>> objects) {
			return (this.snapshot != null)
					? new Delivery(new Snapshot(this.snapshot.scope(), this.snapshot.effectiveFrom(), objects,
							this.snapshot.token()), null)
					: new Delivery(null, new ChangeBatch(objects, this.batch.ended(), this.batch.nextToken(),
							this.batch.more(), this.batch.effectiveFrom()));
		}

	}

	/**
	 * A planned change set.
	 *
	 * @param read how many objects the source delivered
	 * @param changes what reconciling them would change
	 * @param more whether a change feed has more batches waiting
	 */
	public record Plan(int read, ChangeSet changes, boolean more) {

	}

}
