package dk.orghub.core.reconcile;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dk.orghub.core.model.ObjectType;

/**
 * Which source wins a field when more than one delivers it: configuration, not code (for
 * example {@code PERSON.nickname=ad}). A field with no configured winner is taken from
 * every source that declares it owns it.
 */
public final class FieldPolicy {

	private final Map<ObjectType, Map<String, String>> winners;

	private FieldPolicy(Map<ObjectType, Map<String, String>> winners) {
		this.winners = winners;
	}

	public static FieldPolicy none() {
		return new FieldPolicy(Map.of());
	}

	/**
	 * A policy from entries {@code TYPE.field -> source}, e.g.
	 * {@code ORG_UNIT.name -> opus}.
	 * @throws IllegalArgumentException naming an entry that is not {@code TYPE.field}
	 */
	public static FieldPolicy of(Map<String, String> entries) {
		Map<ObjectType, Map<String, String>> winners = new EnumMap<>(ObjectType.class);
		entries.forEach((key, source) -> {
			int dot = key.indexOf('.');
			if (dot < 1 || dot == key.length() - 1) {
				throw new IllegalArgumentException(
						"field policy key '" + key + "' must be TYPE.field, e.g. ORG_UNIT.name");
			}
			ObjectType type;
			try {
				type = ObjectType.valueOf(key.substring(0, dot));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("field policy key '" + key + "' names an unknown object type");
			}
			String field = key.substring(dot + 1);
			if (!RecordFields.of(type).has(field)) {
				throw new IllegalArgumentException("field policy key '" + key + "' names an unknown field; "
						+ type.name() + " has " + RecordFields.of(type).names());
			}
			winners.computeIfAbsent(type, t -> new HashMap<>()).put(field, source);
		});
		return new FieldPolicy(winners);
	}

	public Optional<String> winner(ObjectType type, String field) {
		return Optional.ofNullable(this.winners.getOrDefault(type, Map.of()).get(field));
	}

}
