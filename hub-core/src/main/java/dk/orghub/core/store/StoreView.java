package dk.orghub.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.store.Mapping.Reference;
import dk.orghub.core.store.Mapping.Target;

/**
 * The store as it would be after a change set: the changed timelines laid over the
 * current ones in the database, which are read in batches as the checks need them.
 */
final class StoreView {

	private final Connection connection;

	private final EmptyTables emptyTables;

	private final Map<ObjectKey, Timeline<?>> overlay;

	private final Map<ObjectKey, Timeline<?>> cache = new HashMap<>();

	StoreView(Connection connection, EmptyTables emptyTables, Map<ObjectKey, Timeline<?>> overlay) {
		this.connection = connection;
		this.emptyTables = emptyTables;
		this.overlay = overlay;
	}

	/**
	 * Reads the current timelines of the given objects that are not known yet, in
	 * batches.
	 */
	void prefetch(Collection<ObjectKey> keys) throws SQLException {
		Map<ObjectType, Set<UUID>> missing = new EnumMap<>(ObjectType.class);
		for (ObjectKey key : keys) {
			if (!this.overlay.containsKey(key) && !this.cache.containsKey(key)) {
				missing.computeIfAbsent(key.type(), t -> new HashSet<>()).add(key.uuid());
			}
		}
		for (Map.Entry<ObjectType, Set<UUID>> entry : missing.entrySet()) {
			Mapping<OrgObject> mapping = Mappings.of(entry.getKey());
			Map<UUID, Timeline<OrgObject>> found = this.emptyTables.isEmpty(entry.getKey()) ? Map.of()
					: Sql.currentTimelines(this.connection, mapping, "uuid", entry.getValue());
			for (UUID uuid : entry.getValue()) {
				this.cache.put(new ObjectKey(entry.getKey(), uuid), found.getOrDefault(uuid, Timeline.empty()));
			}
		}
	}

	/** The object's timeline after the change set; empty if it does not exist. */
	Timeline<?> timeline(ObjectKey key) throws SQLException {
		Timeline<?> timeline = this.overlay.get(key);
		if (timeline != null) {
			return timeline;
		}
		if (!this.cache.containsKey(key)) {
			prefetch(List.of(key));
		}
		return this.cache.get(key);
	}

	/**
	 * Every object (after the change set) with a reference that points at one of the
	 * {@code targets} of {@code type}.
	 */
	Map<ObjectKey, Timeline<?>> referencing(ObjectType type, Collection<UUID> targets) throws SQLException {
		Map<ObjectKey, Timeline<?>> result = new LinkedHashMap<>();
		Set<UUID> targetSet = new HashSet<>(targets);
		for (Mapping<?> mapping : Mappings.referencing(type)) {
			Set<String> columns = new HashSet<>();
			for (Reference<?> reference : mapping.references()) {
				if (reference.targetTypes().contains(type)) {
					columns.add(reference.dependentColumn());
				}
			}
			for (String column : columns) {
				result.putAll(byColumn(mapping, column, targetSet));
			}
			collectOverlay(mapping, type, targetSet, result);
		}
		return result;
	}

	/**
	 * Objects of a mapping whose {@code column} is one of {@code values} (UUIDs, or texts
	 * such as CPR numbers), after the change set.
	 */
	<T extends OrgObject> Map<ObjectKey, Timeline<?>> byColumn(Mapping<T> mapping, String column, Collection<?> values)
			throws SQLException {
		Map<ObjectKey, Timeline<?>> result = new LinkedHashMap<>();
		if (this.emptyTables.isEmpty(mapping.type())) {
			return result;
		}
		Map<UUID, Timeline<T>> found = Sql.currentTimelines(this.connection, mapping, column, values);
		for (Map.Entry<UUID, Timeline<T>> entry : found.entrySet()) {
			ObjectKey key = new ObjectKey(mapping.type(), entry.getKey());
			Timeline<?> after = this.overlay.get(key);
			result.put(key, (after != null) ? after : entry.getValue());
		}
		return result;
	}

	/**
	 * Adds the changed objects of the mapping's type that reference one of the targets.
	 */
	@SuppressWarnings("unchecked")
	private <T extends OrgObject> void collectOverlay(Mapping<T> mapping, ObjectType type, Set<UUID> targets,
			Map<ObjectKey, Timeline<?>> result) {
		for (Map.Entry<ObjectKey, Timeline<?>> entry : this.overlay.entrySet()) {
			if (entry.getKey().type() != mapping.type()) {
				continue;
			}
			for (Segment<?> segment : entry.getValue().segments()) {
				if (pointsAt(mapping, (T) segment.value(), type, targets)) {
					result.put(entry.getKey(), entry.getValue());
					break;
				}
			}
		}
	}

	static <T extends OrgObject> boolean pointsAt(Mapping<T> mapping, T value, ObjectType type, Set<UUID> targets) {
		for (Reference<T> reference : mapping.references()) {
			Target target = reference.target().apply(value);
			if (target != null && target.type() == type && targets.contains(target.uuid())) {
				return true;
			}
		}
		return false;
	}

	/** All the keys of the overlay, for callers that iterate changed objects. */
	Collection<ObjectKey> changedKeys() {
		return new ArrayList<>(this.overlay.keySet());
	}

}
