package dk.orghub.testkit;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.core.spi.TargetObject;

/**
 * What the target contracts ({@link ChangePublisherContract},
 * {@link DeactivatorContract}, {@link ReadBackContract}) need from a target module: a
 * target and a sample object, either overriding {@link #createTarget()} and
 * {@link #sampleObject} or handing both to the constructor (handy for several contracts
 * as {@code @Nested} classes of one test class).
 *
 * @param <A> the adapter's type
 */
public abstract class TargetContractSupport<A extends TargetAdapter> {

	private final Supplier<A> targets;

	private final Function<A, TargetObject<?>> samples;

	/**
	 * For a subclass that overrides {@link #createTarget()} and {@link #sampleObject}.
	 */
	protected TargetContractSupport() {
		this.targets = null;
		this.samples = null;
	}

	/**
	 * @param targets makes a target as {@link #createTarget()} does
	 * @param samples gives a sample object as {@link #sampleObject} does
	 */
	protected TargetContractSupport(Supplier<A> targets, Function<A, TargetObject<?>> samples) {
		this.targets = Objects.requireNonNull(targets, "targets");
		this.samples = Objects.requireNonNull(samples, "samples");
	}

	/** A target adapter configured against its fake system. Called once per test. */
	protected A createTarget() {
		return given(this.targets, "createTarget()").get();
	}

	/**
	 * A new object (with everything it refers to already in the fake system) that the
	 * target accepts. Each call returns an object the target does not hold yet.
	 */
	protected TargetObject<?> sampleObject(A target) {
		return given(this.samples, "sampleObject(target)").apply(target);
	}

	private <T> T given(T function, String method) {
		if (function == null) {
			throw new IllegalStateException(getClass().getName() + " must override " + method
					+ " or pass it to the constructor of " + TargetContractSupport.class.getSimpleName());
		}
		return function;
	}

}
