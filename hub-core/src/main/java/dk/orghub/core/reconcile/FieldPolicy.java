package dk.orghub.core.reconcile;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;

/**
 * Which source wins a field when more than one delivers it: configuration, not code (for
 * example {@code PERSON.nickname=ad}). A field of an address may be given per address
 * type ({@code ADDRESS[EMAIL].value=ad}), which comes before an entry for every address
 * ({@code ADDRESS.value}). A field with no configured winner is taken from every source
 * that declares it owns it.
 * <p>
 * Keys are also read in the form an environment variable gives them (lower case, dots for
 * underscores, no brackets): {@code org.unit.name} is {@code ORG_UNIT.name} and
 * {@code address.email.value} is {@code ADDRESS[EMAIL].value} (the address type then in
 * upper case).
 */
public final class FieldPolicy {

	private final Map<ObjectType, Map<String, String>> winners;

	private final Map<UUID, Map<String, String>> byAddressType;

	private FieldPolicy(Map<ObjectType, Map<String, String>> winners, Map<UUID, Map<String, String>> byAddressType) {
		this.winners = winners;
		this.byAddressType = byAddressType;
	}

	public static FieldPolicy none() {
		return new FieldPolicy(Map.of(), Map.of());
	}

	/**
	 * A policy from entries {@code TYPE.field -> source} or
	 * {@code ADDRESS[address type].field -> source}, e.g. {@code ORG_UNIT.name -> opus},
	 * {@code ADDRESS[PHONE].value -> opus}.
	 * @throws IllegalArgumentException naming an entry that is neither
	 */
	public static FieldPolicy of(Map<String, String> entries) {
		Map<ObjectType, Map<String, String>> winners = new EnumMap<>(ObjectType.class);
		Map<UUID, Map<String, String>> byAddressType = new HashMap<>();
		entries.forEach((key, source) -> {
			Key parsed = Key.parse(key);
			if (parsed.addressType() != null) {
				byAddressType
					.computeIfAbsent(DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, parsed.addressType()),
							t -> new HashMap<>())
					.put(parsed.field(), source);
			}
			else {
				winners.computeIfAbsent(parsed.type(), t -> new HashMap<>()).put(parsed.field(), source);
			}
		});
		return new FieldPolicy(winners, byAddressType);
	}

	public Optional<String> winner(ObjectType type, String field) {
		return Optional.ofNullable(this.winners.getOrDefault(type, Map.of()).get(field));
	}

	/** The winner of a field of the value: by its address type first, for an address. */
	public Optional<String> winner(OrgObject value, String field) {
		if (value instanceof Address address && address.addressType() != null) {
			String winner = this.byAddressType.getOrDefault(address.addressType(), Map.of()).get(field);
			if (winner != null) {
				return Optional.of(winner);
			}
		}
		return winner(value.type(), field);
	}

	/** A parsed key; {@code addressType} is the user key of a class, or {@code null}. */
	record Key(ObjectType type, String addressType, String field) {

		static Key parse(String key) {
			int open = key.indexOf('[');
			if (open >= 0) {
				int close = key.indexOf("].", open);
				if (close < 0 || close == open + 1 || close + 2 == key.length()) {
					throw invalid(key, "must be ADDRESS[address type].field, e.g. ADDRESS[EMAIL].value");
				}
				ObjectType type = type(key, key.substring(0, open));
				if (type != ObjectType.ADDRESS) {
					throw invalid(key, "names an address type, but only ADDRESS has address types");
				}
				return new Key(type, key.substring(open + 1, close), field(key, type, key.substring(close + 2)));
			}
			String[] parts = key.split("\\.", -1);
			for (int i = 1; i < parts.length; i++) {
				ObjectType type = typeOrNull(String.join("", java.util.Arrays.copyOfRange(parts, 0, i)));
				if (type == null) {
					continue;
				}
				int rest = parts.length - i;
				if (rest == 1 && !parts[i].isEmpty()) {
					return new Key(type, null, field(key, type, parts[i]));
				}
				if (rest == 2 && type == ObjectType.ADDRESS && !parts[i].isEmpty()) {
					return new Key(type, parts[i].toUpperCase(Locale.ROOT), field(key, type, parts[i + 1]));
				}
				throw invalid(key, "must be TYPE.field, e.g. ORG_UNIT.name, or ADDRESS[address type].field");
			}
			if (parts.length < 2) {
				throw invalid(key, "must be TYPE.field, e.g. ORG_UNIT.name");
			}
			throw invalid(key, "names an unknown object type");
		}

		private static ObjectType type(String key, String name) {
			ObjectType type = typeOrNull(name);
			if (type == null) {
				throw invalid(key, "names an unknown object type");
			}
			return type;
		}

		private static ObjectType typeOrNull(String name) {
			String wanted = name.replace("_", "").replace("-", "");
			for (ObjectType type : ObjectType.values()) {
				if (type.name().replace("_", "").equalsIgnoreCase(wanted)) {
					return type;
				}
			}
			return null;
		}

		private static String field(String key, ObjectType type, String name) {
			for (String field : RecordFields.of(type).names()) {
				if (field.equalsIgnoreCase(name)) {
					return field;
				}
			}
			throw invalid(key, "names an unknown field; " + type.name() + " has " + RecordFields.of(type).names());
		}

		private static IllegalArgumentException invalid(String key, String why) {
			return new IllegalArgumentException("field policy key '" + key + "' " + why);
		}

	}

}
