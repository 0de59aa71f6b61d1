package dk.orghub.core.spi;

import java.util.List;

/**
 * What a run of a {@link TargetJob} did.
 *
 * @param read the objects mapped for the target
 * @param created created in the target
 * @param changed changed in the target
 * @param ended deactivated in the target
 * @param unchanged the target already held them as they are
 * @param failed could not be sent (quarantined by the adapter)
 * @param message a line for the run, or {@code null}
 * @param changes what the target accepted, for the run's log
 * @param failures the objects the run tried and could not send
 */
public record TargetOutcome(int read, int created, int changed, int ended, int unchanged, int failed, String message,
		List<TargetChange> changes, List<TargetFailure> failures) {

	public TargetOutcome {
		changes = List.copyOf(changes);
		failures = List.copyOf(failures);
	}

	public TargetOutcome(int read, int created, int changed, int ended, int unchanged, int failed, String message) {
		this(read, created, changed, ended, unchanged, failed, message, List.of(), List.of());
	}

}
