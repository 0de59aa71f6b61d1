package dk.orghub.testkit;

import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.core.spi.TargetObject;

/**
 * What the target contracts ({@link ChangePublisherContract},
 * {@link DeactivatorContract}, {@link ReadBackContract}) need from a target module.
 *
 * @param <A> the adapter's type
 */
public abstract class TargetContractSupport<A extends TargetAdapter> {

	/** A target adapter configured against its fake system. Called once per test. */
	protected abstract A createTarget();

	/**
	 * A new object (with everything it refers to already in the fake system) that the
	 * target accepts. Each call returns an object the target does not hold yet.
	 */
	protected abstract TargetObject<?> sampleObject(A target);

}
