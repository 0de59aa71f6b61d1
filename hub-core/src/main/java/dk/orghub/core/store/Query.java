package dk.orghub.core.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dk.orghub.core.model.OrgObject;

/**
 * A list read of one object type at a read point, optionally filtered by references (for
 * example {@code parent}, {@code unit}, {@code person}, {@code owner}) and by user key,
 * and paged. Results are ordered by user key, then UUID.
 */
public record Query<T extends OrgObject>(Class<T> type, ReadPoint readPoint, Map<String, UUID> references,
		String userKey, int offset, int limit) {

	/** Largest page a caller may ask for. */
	public static final int MAX_LIMIT = 100_000;

	public Query {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(readPoint, "readPoint");
		references = Map.copyOf(references);
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
	}

	public static <T extends OrgObject> Query<T> of(Class<T> type, ReadPoint readPoint) {
		return new Query<>(type, readPoint, Map.of(), null, 0, MAX_LIMIT);
	}

	/** Only objects whose reference field {@code field} is {@code uuid}. */
	public Query<T> where(String field, UUID uuid) {
		Map<String, UUID> refs = new LinkedHashMap<>(this.references);
		refs.put(field, uuid);
		return new Query<>(this.type, this.readPoint, refs, this.userKey, this.offset, this.limit);
	}

	public Query<T> withUserKey(String userKey) {
		return new Query<>(this.type, this.readPoint, this.references, userKey, this.offset, this.limit);
	}

	public Query<T> page(int offset, int limit) {
		return new Query<>(this.type, this.readPoint, this.references, this.userKey, offset, limit);
	}

}
