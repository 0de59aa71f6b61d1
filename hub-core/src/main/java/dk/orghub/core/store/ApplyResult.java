package dk.orghub.core.store;

import java.util.List;

import dk.orghub.core.model.Registration;

/**
 * The outcome of applying or previewing a change set.
 *
 * @param registration the registration written, {@code null} for a preview or when
 * nothing changed
 * @param changes the objects that changed
 * @param unchanged how many objects the change set named that were already as asked
 * @param warnings findings that do not reject the change set (e.g. a CPR failing modulus
 * 11)
 * @param applied whether the store was written
 */
public record ApplyResult(Registration registration, List<ObjectChange> changes, int unchanged,
		List<Violation> warnings, boolean applied) {

	public ApplyResult {
		changes = List.copyOf(changes);
		warnings = List.copyOf(warnings);
	}

	public long count(ObjectChange.Kind kind) {
		return this.changes.stream().filter(c -> c.kind() == kind).count();
	}

	public boolean isEmpty() {
		return this.changes.isEmpty();
	}

}
