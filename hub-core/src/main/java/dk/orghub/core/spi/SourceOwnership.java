package dk.orghub.core.spi;

import java.util.Map;
import java.util.Set;

import dk.orghub.core.model.ObjectType;

/**
 * The object types a source delivers and, for each, the fields (record component names,
 * e.g. {@code name}, {@code parent}) it owns. A source is responsible for the existence
 * of the objects it delivers: one that is missing from its full snapshot is ended.
 */
public record SourceOwnership(Map<ObjectType, Set<String>> fields) {

	public SourceOwnership {
		fields = Map.copyOf(fields);
	}

	public Set<ObjectType> types() {
		return this.fields.keySet();
	}

	public boolean owns(ObjectType type, String field) {
		return this.fields.getOrDefault(type, Set.of()).contains(field);
	}

}
