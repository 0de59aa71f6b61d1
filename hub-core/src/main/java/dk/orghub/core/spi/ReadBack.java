package dk.orghub.core.spi;

import java.util.Optional;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;

/**
 * Capability: a target that can say what it holds for an object, for reconciling drift.
 */
public interface ReadBack extends TargetAdapter {

	/**
	 * What the target holds for the object, translated back to the canonical model, or
	 * empty if it holds nothing.
	 */
	Optional<TargetObject<?>> read(ObjectType type, UUID uuid);

}
