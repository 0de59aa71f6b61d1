package dk.orghub.routes.api;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;

import org.springframework.stereotype.Component;

/** The reads every collection shares: list, one object, history; 404 for unknowns. */
@Component
class ObjectReader {

	/** The most objects one read by UUIDs may ask for. */
	static final int MAX_UUIDS = 1000;

	private final OrgStore store;

	private final Clock clock;

	ObjectReader(OrgStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	ReadPoint readPoint(ReadParameters parameters) {
		return parameters.toReadPoint(this.clock);
	}

	/**
	 * The objects valid at the read point whose references match the non-null filters,
	 * with the user key if given.
	 */
	<T extends OrgObject> PageJson<VersionJson<T>> list(Class<T> type, ReadParameters read, Map<String, UUID> filters,
			String userKey, Paging paging, UnaryOperator<T> view) {
		Query<T> query = Query.of(type, readPoint(read));
		for (Map.Entry<String, UUID> filter : filters.entrySet()) {
			if (filter.getValue() != null) {
				query = query.where(filter.getKey(), filter.getValue());
			}
		}
		if (userKey != null) {
			query = query.withUserKey(userKey);
		}
		query = query.page(paging.offset(), paging.limit());
		return PageJson.of(this.store.list(query), v -> VersionJson.of(viewed(v, view)));
	}

	/**
	 * The objects among {@code uuids} valid at the read point, in the order asked for
	 * (unknown ones and ones not valid then are left out), as one page.
	 */
	<T extends OrgObject> PageJson<VersionJson<T>> listOf(Class<T> type, List<UUID> uuids, ReadParameters read,
			String userKey, Paging paging, UnaryOperator<T> view) {
		if (uuids.size() > MAX_UUIDS) {
			throw new BadParameterException("uuids", "at most " + MAX_UUIDS + " at a time");
		}
		ReadPoint point = readPoint(read);
		List<Versioned<T>> found = uuids.stream()
			.distinct()
			.map((uuid) -> this.store.get(type, uuid, point))
			.flatMap(java.util.Optional::stream)
			.filter((v) -> userKey == null || userKey.equals(v.value().userKey()))
			.toList();
		return PageJson.slice(found, paging, (v) -> VersionJson.of(viewed(v, view)));
	}

	<T extends OrgObject> Versioned<T> find(Class<T> type, UUID uuid, ReadPoint point) {
		return this.store.get(type, uuid, point).orElseThrow(() -> notFound(type, uuid, point));
	}

	<T extends OrgObject> VersionJson<T> get(Class<T> type, UUID uuid, ReadParameters read, UnaryOperator<T> view) {
		return VersionJson.of(viewed(find(type, uuid, readPoint(read)), view));
	}

	/** Every registered version, oldest registration first. */
	<T extends OrgObject> List<VersionJson<T>> history(Class<T> type, UUID uuid, UnaryOperator<T> view) {
		List<Versioned<T>> history = this.store.history(type, uuid);
		if (history.isEmpty()) {
			throw new NotFoundException("There is no " + name(type) + " " + uuid);
		}
		return history.stream().map(v -> VersionJson.of(viewed(v, view))).toList();
	}

	NotFoundException notFound(Class<? extends OrgObject> type, UUID uuid, ReadPoint point) {
		if (this.store.history(type, uuid).isEmpty()) {
			return new NotFoundException("There is no " + name(type) + " " + uuid);
		}
		return new NotFoundException("The " + name(type) + " " + uuid + " is not valid on " + point.at()
				+ " as known at " + point.registeredAt());
	}

	static <T extends OrgObject> Versioned<T> viewed(Versioned<T> version, UnaryOperator<T> view) {
		return new Versioned<>(view.apply(version.value()), version.validity(), version.registration(),
				version.supersededAt());
	}

	/** The singular English name of an object type, for messages. */
	static String name(Class<? extends OrgObject> type) {
		for (ObjectType objectType : ObjectType.values()) {
			if (objectType.javaType().equals(type)) {
				return switch (objectType) {
					case ORGANISATION -> "organisation";
					case ORG_UNIT -> "org unit";
					case PERSON -> "person";
					case ENGAGEMENT -> "engagement";
					case ASSOCIATION -> "association";
					case MANAGER -> "manager role";
					case ADDRESS -> "address";
					case IT_USER -> "IT user";
					case KLE -> "KLE task";
					case FACET -> "facet";
					case KLASSE -> "class";
				};
			}
		}
		return type.getSimpleName();
	}

}
