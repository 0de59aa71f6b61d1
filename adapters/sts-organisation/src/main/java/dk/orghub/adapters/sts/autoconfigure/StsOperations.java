package dk.orghub.adapters.sts.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dk.orghub.adapters.sts.SentLedger;
import dk.orghub.adapters.sts.StsFailure;
import dk.orghub.adapters.sts.StsOrganisationAdapter;
import dk.orghub.adapters.sts.StsPlan;
import dk.orghub.adapters.sts.StsPublisher;
import dk.orghub.adapters.sts.StsReconciler;
import dk.orghub.core.outbox.TargetOutbox;
import dk.orghub.core.spi.OutboxBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the STS syncs and endpoints call: publish in full, reconcile; each remembers its
 * last result for {@link #status()}, as do the drains of the hub's outbox the adapter
 * tells it of. Plain Java: the routes only trigger it, and an
 * {@link dk.orghub.core.spi.AdapterException} goes up to the route's error handling.
 */
public class StsOperations implements StsOrganisationAdapter.DrainObserver {

	private static final Logger log = LoggerFactory.getLogger(StsOperations.class);

	private final StsOrganisationAdapter adapter;

	private final TargetOutbox outbox;

	private final Clock clock;

	private volatile Last<Drained> lastDrain;

	private volatile Last<StsPublisher.Report> lastPublish;

	private volatile Last<StsReconciler.Result> lastReconcile;

	private volatile Failure lastFailure;

	private final Supplier<List<StsCertificates.Certificate>> certificates;

	/**
	 * @param outbox the hub's outbox, for the backlog; the adapter tells this of its
	 * drains
	 */
	public StsOperations(StsOrganisationAdapter adapter, TargetOutbox outbox, Clock clock) {
		this(adapter, outbox, clock, List::of);
	}

	/** As above, with the certificates of signed calls for the status. */
	StsOperations(StsOrganisationAdapter adapter, TargetOutbox outbox, Clock clock,
			Supplier<List<StsCertificates.Certificate>> certificates) {
		this.certificates = certificates;
		this.adapter = Objects.requireNonNull(adapter, "adapter");
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.clock = Objects.requireNonNull(clock, "clock");
		adapter.observingDrains(this);
	}

	@Override
	public void drained(Instant started, Instant finished, OutboxBatch batch, StsPublisher.Report report) {
		this.lastDrain = new Last<>(started, finished, new Drained(batch.rows(), batch.size(), report));
		if (report.written() > 0 || report.quarantined() > 0) {
			log.info("STS outbox: {} row(s), {} object(s), {} written, {} quarantined", batch.rows(), batch.size(),
					report.written(), report.quarantined());
		}
	}

	@Override
	public void failed(RuntimeException failure) {
		record("drain", failure);
	}

	/** Publishes everything that differs from what was last sent. */
	public StsPublisher.Report publishAll() {
		return publish(planPublish());
	}

	/** What a full publish would send now; sends nothing. */
	public StsPlan planPublish() {
		return guarded("publish", this.adapter::planAll);
	}

	/** What sending these objects again would send (e.g. from the quarantine). */
	public StsPlan planRetry(Set<UUID> objects) {
		return guarded("publish", () -> this.adapter.planRetry(objects));
	}

	/** Sends a plan of {@link #planPublish()} or {@link #planRetry}. */
	public StsPublisher.Report publish(StsPlan plan) {
		Instant start = this.clock.instant();
		StsPublisher.Report report = guarded("publish", () -> this.adapter.publish(plan));
		this.lastPublish = new Last<>(start, this.clock.instant(), report);
		log.info("STS full publish: {} mapped, {} created, {} changed, {} deactivated, {} unchanged, {} quarantined",
				report.mapped(), report.created(), report.changed(), report.deactivated(), report.unchanged(),
				report.quarantined());
		return report;
	}

	/** Reads what STS holds and corrects drift. */
	public StsReconciler.Result reconcile() {
		return reconcile(findDrift());
	}

	/** Reads what STS holds and plans the correction of the drift; writes nothing. */
	public StsReconciler.Drift findDrift() {
		return guarded("reconcile", this.adapter::findDrift);
	}

	/** Corrects the drift {@link #findDrift()} found. */
	public StsReconciler.Result reconcile(StsReconciler.Drift drift) {
		Instant start = this.clock.instant();
		StsReconciler.Result result = guarded("reconcile", () -> this.adapter.reconcile(drift));
		this.lastReconcile = new Last<>(start, this.clock.instant(), result);
		log.info("STS reconcile: {} held, {} missing, {} differing, {} foreign", result.held(), result.missing(),
				result.differing(), result.foreign());
		return result;
	}

	/** The last failure of an operation, or null. */
	public Failure lastFailure() {
		return this.lastFailure;
	}

	/** The last results, the outbox backlog and the quarantine. */
	public Status status() {
		return new Status(this.adapter.settings().baseUrl().toString(), this.adapter.settings().security().enabled(),
				this.outbox.pending(this.adapter.name()), this.lastDrain, this.lastPublish, this.lastReconcile,
				this.lastFailure, this.adapter.ledger().quarantined(), this.certificates.get());
	}

	private <T> T guarded(String operation, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			record(operation, ex);
			throw ex;
		}
	}

	private void record(String operation, RuntimeException ex) {
		this.lastFailure = new Failure(operation, this.clock.instant(),
				(ex instanceof StsFailure f) ? f.kind() : ex.getClass().getSimpleName(), ex.getMessage());
	}

	/**
	 * What one drain of the hub's outbox sent.
	 *
	 * @param rows the outbox rows it took
	 * @param objects the objects they name
	 */
	public record Drained(int rows, int objects, StsPublisher.Report report) {

	}

	/**
	 * When an operation last finished and what it did.
	 *
	 * @param <T> the operation's result
	 */
	public record Last<T>(Instant started, Instant finished, T result) {

	}

	/**
	 * The last failure of an operation (e.g. STS not answering).
	 *
	 * @param kind what kind of failure (e.g. {@code network}, {@code token refused (no
	 * service agreement?)}, {@code client certificate expired})
	 */
	public record Failure(String operation, Instant at, String kind, String message) {

	}

	/**
	 * The target's state.
	 *
	 * @param baseUrl where it publishes
	 * @param signedCalls whether calls are signed (security on)
	 * @param outboxBacklog rows waiting in the hub's outbox for the adapter
	 * @param quarantine objects that could not be sent (the next full publish tries them
	 * again)
	 * @param certificates the certificates of signed calls and their expiry
	 */
	public record Status(String baseUrl, boolean signedCalls, int outboxBacklog, Last<Drained> lastDrain,
			Last<StsPublisher.Report> lastPublish, Last<StsReconciler.Result> lastReconcile, Failure lastFailure,
			List<SentLedger.Quarantined> quarantine, List<StsCertificates.Certificate> certificates) {

	}

}
