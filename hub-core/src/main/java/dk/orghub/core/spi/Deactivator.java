package dk.orghub.core.spi;

import java.time.LocalDate;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;

/** Capability: a target that deactivates objects (never deletes them). */
public interface Deactivator extends TargetAdapter {

	/**
	 * Makes the object inactive from {@code date}. Deactivating twice has the same effect
	 * as once.
	 * @throws AdapterException as for {@link ChangePublisher#publish}
	 */
	void deactivate(ObjectType type, UUID uuid, LocalDate date);

}
