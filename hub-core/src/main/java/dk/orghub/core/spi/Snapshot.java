package dk.orghub.core.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dk.orghub.core.model.ObjectType;

/**
 * A source's full state of the object types in {@code scope}.
 *
 * @param scope the types the snapshot is complete for: a managed object of these types
 * that is missing is ended
 * @param effectiveFrom the first date the snapshot speaks for; what the store holds
 * before it is left alone; {@code null} when the snapshot holds the whole history
 * @param token a change-feed token to resume from after this snapshot, or {@code null}
 */
public record Snapshot(Set<ObjectType> scope, LocalDate effectiveFrom, List<DesiredObject<?>> objects, String token) {

	public Snapshot {
		scope = Set.copyOf(scope);
		objects = List.copyOf(objects);
	}

}
