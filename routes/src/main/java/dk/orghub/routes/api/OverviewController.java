package dk.orghub.routes.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.spi.TargetUnitScope;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Page;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the organisation pages need in one answer each instead of thousands of objects:
 * the unit tree with the engagements per unit, a search over units and persons with a
 * limit, and the IT users of the people of a unit. Never a CPR number.
 */
@RestController
@Tag(name = "overview", description = "Counts per unit, search, IT users of a unit: the organisation pages' reads.")
class OverviewController {

	private final OrgStore store;

	private final ObjectReader reader;

	private final List<TargetUnitScope> scopes;

	OverviewController(OrgStore store, ObjectReader reader, ObjectProvider<TargetUnitScope> scopes) {
		this.store = store;
		this.reader = reader;
		this.scopes = scopes.orderedStream().toList();
	}

	/**
	 * A unit of the tree with the number of its own engagements at the date, and the
	 * targets that leave it out then (by their configured unit scope).
	 */
	record TreeNode(UUID uuid, String name, String userKey, UUID parent, UUID hierarchy, int engagements,
			List<String> leftOutBy) {

	}

	/** A unit or person found by a search. */
	record Hit(UUID uuid, String name, String userKey) {

	}

	record SearchResult(List<Hit> units, List<Hit> persons) {

	}

	@GetMapping(path = "/api/v1/org-units/tree", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Every unit valid at a date (all hierarchies) with the number of its own engagements then "
			+ "and the targets that leave it out (leftOutBy: sts-organisation, export:organisation, export:survey; "
			+ "by hub.targets.sts.units.* and hub.exports.<export>.units.*)")
	List<TreeNode> tree(@ParameterObject ReadParameters read) {
		ReadPoint point = this.reader.readPoint(read);
		Map<UUID, Integer> counts = this.store.countBy(Query.of(Engagement.class, point), "unit");
		List<OrgUnit> units = all(Query.of(OrgUnit.class, point)).stream().map(Versioned::value).toList();
		Map<String, Set<UUID>> included = new LinkedHashMap<>();
		for (TargetUnitScope scope : this.scopes) {
			included.put(scope.target(), scope.scope().included(units));
		}
		List<TreeNode> nodes = new ArrayList<>();
		for (OrgUnit u : units) {
			List<String> leftOutBy = included.entrySet()
				.stream()
				.filter(e -> !e.getValue().contains(u.uuid()))
				.map(Map.Entry::getKey)
				.toList();
			nodes.add(new TreeNode(u.uuid(), u.name(), u.userKey(), u.parent(), u.hierarchy(),
					counts.getOrDefault(u.uuid(), 0), leftOutBy));
		}
		return nodes;
	}

	@GetMapping(path = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Units (name, user key) and persons (name, user key) valid at a date that contain the text")
	SearchResult search(@Parameter(description = "The text, case ignored") @RequestParam String q,
			@Parameter(description = "At most this many units and this many persons") @RequestParam(
					defaultValue = "50") @Min(1) @Max(500) int limit,
			@ParameterObject ReadParameters read) {
		String needle = q.trim().toLowerCase(Locale.ROOT);
		ReadPoint point = this.reader.readPoint(read);
		List<Hit> units = new ArrayList<>();
		for (Versioned<OrgUnit> v : all(Query.of(OrgUnit.class, point))) {
			OrgUnit u = v.value();
			if (matches(needle, u.name(), u.userKey())) {
				units.add(new Hit(u.uuid(), u.name(), u.userKey()));
			}
		}
		List<Hit> persons = new ArrayList<>();
		for (Versioned<Person> v : all(Query.of(Person.class, point))) {
			Person p = v.value();
			String name = String.join(" ", (p.givenName() != null) ? p.givenName() : "", p.surname()).trim();
			if (matches(needle, name, p.userKey())) {
				persons.add(new Hit(p.uuid(), name, p.userKey()));
			}
		}
		return new SearchResult(first(units, limit), first(persons, limit));
	}

	@GetMapping(path = "/api/v1/org-units/{uuid}/it-users", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The IT users valid at a date of the persons with an engagement in the unit then")
	List<VersionJson<ItUser>> itUsers(@PathVariable UUID uuid, @ParameterObject ReadParameters read) {
		ReadPoint point = this.reader.readPoint(read);
		this.reader.find(OrgUnit.class, uuid, point);
		Set<UUID> persons = new LinkedHashSet<>();
		all(Query.of(Engagement.class, point).where("unit", uuid)).forEach((e) -> persons.add(e.value().person()));
		List<VersionJson<ItUser>> users = new ArrayList<>();
		for (UUID person : persons) {
			all(Query.of(ItUser.class, point).where("person", person)).forEach((u) -> users.add(VersionJson.of(u)));
		}
		return users;
	}

	private static boolean matches(String needle, String name, String userKey) {
		return (name != null && name.toLowerCase(Locale.ROOT).contains(needle))
				|| (userKey != null && userKey.toLowerCase(Locale.ROOT).contains(needle));
	}

	private static List<Hit> first(List<Hit> hits, int limit) {
		return hits.stream()
			.sorted(Comparator.comparing(Hit::name, Comparator.nullsLast(String::compareTo)))
			.limit(limit)
			.toList();
	}

	private <T extends OrgObject> List<Versioned<T>> all(Query<T> query) {
		List<Versioned<T>> items = new ArrayList<>();
		for (int offset = 0;; offset += Query.MAX_LIMIT) {
			Page<Versioned<T>> page = this.store.list(query.page(offset, Query.MAX_LIMIT));
			items.addAll(page.items());
			if (page.items().isEmpty() || items.size() >= page.total()) {
				return items;
			}
		}
	}

}
