package dk.orghub.routes.sync;

import java.util.Objects;
import java.util.function.BooleanSupplier;

import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.TargetAdapter;

/**
 * A sync that sends the store to a target, e.g. a full publish or a reconcile of a
 * {@link dk.orghub.core.spi.ChangePublisher}. Its work is done by the target's own
 * operation; the run machinery takes the lock, records the run with the outcome's counts
 * and keeps the pause. A target sync may also have a change operation (an outbox drain):
 * it runs only when {@link #changesWaiting()} and is recorded as a run with the trigger
 * change. Made by the target's configuration, not from {@code hub.syncs}; it cannot be
 * previewed (computing what would be sent without sending is not cheap).
 */
public final class TargetSync implements Sync {

	private final String name;

	private final TargetAdapter target;

	private final SyncProperties.SyncSettings settings;

	private final Operation full;

	private final Operation change;

	private final BooleanSupplier changesWaiting;

	/**
	 * @param full the operation of a run (scheduled, on start or manual)
	 * @param change the operation of a change run, or {@code null} for none
	 * @param changesWaiting whether the change operation has anything to send
	 */
	public TargetSync(String name, TargetAdapter target, SyncProperties.SyncSettings settings, Operation full,
			Operation change, BooleanSupplier changesWaiting) {
		this.name = Objects.requireNonNull(name, "name");
		this.target = Objects.requireNonNull(target, "target");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.full = Objects.requireNonNull(full, "full");
		this.change = change;
		this.changesWaiting = (change != null) ? Objects.requireNonNull(changesWaiting, "changesWaiting") : () -> false;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SyncKind kind() {
		return SyncKind.PUBLISH;
	}

	@Override
	public Adapter adapter() {
		return this.target;
	}

	@Override
	public SyncProperties.SyncSettings settings() {
		return this.settings;
	}

	/** Runs the full operation. */
	public Outcome run() {
		return this.full.run();
	}

	/** Runs the change operation; {@code null} when there is none or it sent nothing. */
	public Outcome change() {
		return (this.change != null) ? this.change.run() : null;
	}

	/** Whether the change operation has something to send. */
	public boolean changesWaiting() {
		return this.change != null && this.changesWaiting.getAsBoolean();
	}

	/** What a target sync does in a run; may throw an {@code AdapterException}. */
	@FunctionalInterface
	public interface Operation {

		Outcome run();

	}

	/**
	 * What a run of a target sync did.
	 *
	 * @param read the objects mapped for the target
	 * @param created created in the target
	 * @param changed changed in the target
	 * @param ended deactivated in the target
	 * @param unchanged the target already held them as they are
	 * @param failed could not be sent (quarantined by the adapter)
	 * @param message a line for the run, or {@code null}
	 */
	public record Outcome(int read, int created, int changed, int ended, int unchanged, int failed, String message) {

	}

}
