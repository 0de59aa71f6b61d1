package dk.orghub.adapters.sd;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.spi.DesiredObject;

/**
 * What one read of SD gave: the canonical objects, the records rejected with their
 * reasons, and warnings.
 *
 * @param complete the object types this read is complete for: a type of which a record
 * was rejected is left out, so that a rejected record does not end what the store holds
 * @param rejectedUnits the units (by UUID) whose department was rejected, or that lie
 * below one: the store keeps what it has for them, and only for them
 */
public record SdRead(List<DesiredObject<?>> objects, List<SdProblem> rejected, List<SdProblem> warnings,
		Set<ObjectType> complete, Set<UUID> rejectedUnits) {

	public SdRead {
		objects = List.copyOf(objects);
		rejected = List.copyOf(rejected);
		warnings = List.copyOf(warnings);
		complete = Set.copyOf(complete);
		rejectedUnits = Set.copyOf(rejectedUnits);
	}

}
