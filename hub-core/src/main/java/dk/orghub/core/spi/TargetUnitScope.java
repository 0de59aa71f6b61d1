package dk.orghub.core.spi;

import java.util.Objects;

import dk.orghub.core.rules.UnitScope;

/**
 * Capability of a target's wiring: which units the target receives (its
 * {@link UnitScope}, configured per target), so that the organisation pages can mark the
 * units it leaves out. A target without one is read as receiving the line organisation,
 * whole.
 */
public interface TargetUnitScope {

	/**
	 * The target (or the flow of a target, e.g. one export) the scope is for, as shown to
	 * users, e.g. {@code sts-organisation} or {@code export:organisation}.
	 */
	String target();

	/** The units it receives. */
	UnitScope scope();

	/** A target's scope. */
	static TargetUnitScope of(String target, UnitScope scope) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(scope, "scope");
		return new TargetUnitScope() {

			@Override
			public String target() {
				return target;
			}

			@Override
			public UnitScope scope() {
				return scope;
			}

		};
	}

}
