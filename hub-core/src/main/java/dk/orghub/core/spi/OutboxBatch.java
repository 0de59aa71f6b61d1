package dk.orghub.core.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ObjectChange;

/**
 * One drain of the hub's outbox for a {@link ChangePublisher}: the objects committed
 * changes touched since the last drain, each once, in the order they changed. The hub
 * loads their timelines only when {@link #objects()} is first called, so a target that
 * answers a {@link #whole() whole backlog} by comparing all of its state with what it
 * sent never pays for them. Used from the thread that drains, once.
 */
public final class OutboxBatch {

	private final int rows;

	private final Map<UUID, ObjectChange.Kind> kinds;

	private final Supplier<List<TargetObject<?>>> loader;

	private final boolean continuous;

	private final boolean whole;

	private final LocalDate today;

	private List<TargetObject<?>> objects;

	/**
	 * @param rows the outbox rows the drain took
	 * @param kinds how each object changed over those rows, by UUID: created when one of
	 * them created it, else changed or ended as the last one says
	 * @param loader the objects with their current full timelines
	 * @param continuous whether the previous drain of this target's outbox, on any hub
	 * instance, was this instance's
	 * @param whole whether the drain took the whole backlog, because it was at least the
	 * target's batch size
	 * @param today the day "current" means
	 */
	public OutboxBatch(int rows, Map<UUID, ObjectChange.Kind> kinds, Supplier<List<TargetObject<?>>> loader,
			boolean continuous, boolean whole, LocalDate today) {
		this.rows = rows;
		this.kinds = Map.copyOf(kinds);
		this.loader = Objects.requireNonNull(loader, "loader");
		this.continuous = continuous;
		this.whole = whole;
		this.today = Objects.requireNonNull(today, "today");
	}

	/** The outbox rows the drain took (an object changed twice has two). */
	public int rows() {
		return this.rows;
	}

	/** How many objects the rows name. */
	public int size() {
		return this.kinds.size();
	}

	/**
	 * The objects, each with its current full timeline: empty when the hub no longer
	 * holds the object, ended when it has ended. Loaded on the first call.
	 */
	public List<TargetObject<?>> objects() {
		if (this.objects == null) {
			this.objects = List.copyOf(this.loader.get());
		}
		return this.objects;
	}

	/**
	 * How the object changed since the last drain: {@code CREATED} when the hub created
	 * it in that time, otherwise {@code CHANGED} or {@code ENDED}.
	 */
	public ObjectChange.Kind kind(UUID uuid) {
		return this.kinds.getOrDefault(uuid, ObjectChange.Kind.CHANGED);
	}

	/**
	 * Whether this hub instance drained this target's outbox the last time, on any
	 * instance. False on the first drain after a start and when another instance drained
	 * in between: a target that keeps state from earlier drains must not trust it then.
	 */
	public boolean continuous() {
		return this.continuous;
	}

	/**
	 * Whether the drain took the whole backlog because it was at least the target's batch
	 * size (e.g. after a first load): a target may then compare everything rather than
	 * object by object.
	 */
	public boolean whole() {
		return this.whole;
	}

	/** The day the drain reads "current" on. */
	public LocalDate today() {
		return this.today;
	}

	/**
	 * The day from which the object no longer holds: {@link #today()} when the hub holds
	 * nothing of it, the end of its last validity when that is not after today, and
	 * {@code null} while it holds today or later.
	 */
	public LocalDate endedOn(TargetObject<?> object) {
		List<Validity> coverage = object.timeline().coverage();
		if (coverage.isEmpty()) {
			return this.today;
		}
		LocalDate to = coverage.get(coverage.size() - 1).to();
		return (to != null && !to.isAfter(this.today)) ? to : null;
	}

}
