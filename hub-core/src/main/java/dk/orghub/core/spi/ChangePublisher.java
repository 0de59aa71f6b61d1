package dk.orghub.core.spi;

/** Capability: a target that creates or updates objects. */
public interface ChangePublisher extends TargetAdapter {

	/**
	 * Makes the target hold {@code object}. Publishing the same object twice has the same
	 * effect as once.
	 * @throws AdapterException when the target refuses
	 * ({@link AdapterException#isTemporary()} false) or cannot be reached (true)
	 */
	void publish(TargetObject<?> object);

}
