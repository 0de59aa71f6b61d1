package dk.orghub.routes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading the sample municipality's units: the tree, dates, registrations, managers. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:org-unit-api-it;DB_CLOSE_DELAY=-1", "hub.demo.employees=400",
				"hub.demo.seed=11" })
@ActiveProfiles("demo")
class OrgUnitApiIT {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private OrgStore store;

	@Autowired
	private Clock clock;

	private Api api;

	private List<JsonNode> units;

	private JsonNode root;

	@BeforeEach
	void readTheTree() {
		this.api = new Api(this.rest);
		JsonNode page = this.api.get("/api/v1/org-units?hierarchy=Linjeorganisation&limit=1000");
		this.units = items(page);
		assertThat(page.get("total").asLong()).isEqualTo(this.units.size());
		List<JsonNode> roots = this.units.stream().filter((u) -> u.get("parent").isNull()).toList();
		assertThat(roots).hasSize(1);
		this.root = roots.get(0);
	}

	@Test
	void theTreeIsEveryUnitWithItsOwnEngagements() {
		Map<String, Integer> expected = new HashMap<>();
		for (int offset = 0;; offset += 1000) {
			List<JsonNode> page = items(this.api.get("/api/v1/engagements?limit=1000&offset={o}", offset));
			page.forEach((e) -> expected.merge(e.get("unit").asText(), 1, Integer::sum));
			if (page.size() < 1000) {
				break;
			}
		}
		Map<String, Integer> counts = new HashMap<>();
		JsonNode tree = new Api(this.rest, Api.READER, Api.READER_PASSWORD).get("/api/v1/org-units/tree");
		tree.forEach((u) -> {
			if (u.get("engagements").asInt() > 0) {
				counts.put(u.get("uuid").asText(), u.get("engagements").asInt());
			}
		});
		assertThat(counts).isNotEmpty().isEqualTo(expected);
		assertThat(tree).hasSize(items(this.api.get("/api/v1/org-units?limit=1000")).size());
		JsonNode line = tree.findParents("uuid")
			.stream()
			.filter((u) -> u.get("uuid").asText().equals(this.root.get("uuid").asText()))
			.findFirst()
			.orElseThrow();
		assertThat(line.get("name").asText()).isEqualTo(this.root.get("name").asText());
		assertThat(line.get("parent").isNull()).isTrue();
		LocalDate before = LocalDate.now(this.clock).minusYears(30);
		assertThat(this.api.get("/api/v1/org-units/tree?at={at}", before)).isEmpty();
	}

	@Test
	void searchFindsUnitsAndPersonsWithALimitAndNoCpr() {
		Api reader = new Api(this.rest, Api.READER, Api.READER_PASSWORD);
		JsonNode unit = this.units.get(this.units.size() / 2);
		JsonNode found = reader.get("/api/v1/search?q={q}", unit.get("name").asText().toUpperCase());
		assertThat(found.get("units")).extracting((u) -> u.get("uuid").asText()).contains(text(unit, "uuid"));

		JsonNode admin = this.api.get("/api/v1/persons?includeCpr=true&limit=1");
		JsonNode person = items(admin).get(0);
		JsonNode byKey = reader.get("/api/v1/search?q={q}", text(person, "userKey"));
		assertThat(byKey.get("persons")).extracting((p) -> p.get("uuid").asText()).contains(text(person, "uuid"));
		assertThat(byKey.toString()).doesNotContain(text(person, "cpr"));
		assertThat(reader.get("/api/v1/search?q=e&limit=3").get("persons")).hasSize(3);
		assertThat(reader.exchange(org.springframework.http.HttpMethod.GET, "/api/v1/search?q=e&limit=0", null)
			.getStatusCode()
			.is4xxClientError()).isTrue();
	}

	@Test
	void itUsersOfAnUnknownUnitAreNotFound() {
		assertThat(this.api
			.exchange(org.springframework.http.HttpMethod.GET, "/api/v1/org-units/{uuid}/it-users", null,
					UUID.randomUUID())
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	private static String text(JsonNode node, String field) {
		return node.get(field).asText();
	}

	@Test
	void theSampleTreeHasARootWithChildren() {
		assertThat(this.units).hasSizeGreaterThan(10);
		assertThat(this.root.get("name").asText()).isEqualTo(MunicipalityGenerator.NAME);
		assertThat(this.root.at("/registration/actor").asText()).isEqualTo("source:samples");

		JsonNode children = this.api.get("/api/v1/org-units?parent={root}", uuid(this.root));

		assertThat(children.get("total").asLong()).isPositive();
		assertThat(items(children)).allSatisfy((c) -> assertThat(c.get("parent").asText()).isEqualTo(uuid(this.root)));
		assertThat(items(children)).extracting((c) -> c.get("uuid").asText())
			.containsExactlyInAnyOrderElementsOf(childrenOf(uuid(this.root)));
	}

	@Test
	void rootGivesTheWholeSubtreeInTreeOrder() {
		String area = childrenOf(uuid(this.root)).stream()
			.filter((c) -> !childrenOf(c).isEmpty())
			.findFirst()
			.orElseThrow();
		Set<String> expected = descendantsAndSelf(area);

		JsonNode subtree = this.api.get("/api/v1/org-units?root={area}&limit=1000", area);

		assertThat(subtree.get("total").asLong()).isEqualTo(expected.size()).isLessThan(this.units.size());
		assertThat(items(subtree)).extracting((u) -> u.get("uuid").asText())
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(items(subtree).get(0).get("uuid").asText()).isEqualTo(area);
		Set<String> seen = new HashSet<>();
		for (JsonNode unit : items(subtree)) {
			if (!unit.get("uuid").asText().equals(area)) {
				assertThat(seen).as("a unit comes after its parent").contains(unit.get("parent").asText());
			}
			seen.add(unit.get("uuid").asText());
		}

		JsonNode page = this.api.get("/api/v1/org-units?root={area}&offset=1&limit=2", area);
		assertThat(page.get("total").asLong()).isEqualTo(expected.size());
		assertThat(items(page)).extracting((u) -> u.get("uuid").asText())
			.containsExactly(items(subtree).get(1).get("uuid").asText(), items(subtree).get(2).get("uuid").asText());
	}

	@Test
	void atAPastDateShowsTheNameBeforeARename() {
		String uuid = childrenOf(uuid(this.root)).get(0);
		LocalDate today = ReadPoint.today(this.clock);
		LocalDate renamedOn = today.minusDays(5);
		Segment<OrgUnit> current = currentSegment(uuid);
		assertThat(current.validity().from()).isBefore(renamedOn.minusDays(1));
		String oldName = current.value().name();
		OrgUnit renamed = withName(current.value(), oldName + " og Kultur");

		this.store.apply(ChangeSet.by(Actor.user("test"))
			.note("rename")
			.put(renamed, new Validity(renamedOn, current.validity().to()))
			.build());

		assertThat(name(this.api.get("/api/v1/org-units/{uuid}", uuid))).isEqualTo(oldName + " og Kultur");
		assertThat(name(this.api.get("/api/v1/org-units/{uuid}?at={at}", uuid, renamedOn)))
			.isEqualTo(oldName + " og Kultur");
		JsonNode before = this.api.get("/api/v1/org-units/{uuid}?at={at}", uuid, renamedOn.minusDays(1));
		assertThat(name(before)).isEqualTo(oldName);
		assertThat(before.at("/validity/to").asText()).isEqualTo(renamedOn.toString());
	}

	@Test
	void registeredAtBeforeACorrectionShowsTheOldValueAndHistoryListsBoth() {
		String uuid = childrenOf(uuid(this.root)).get(1);
		Segment<OrgUnit> current = currentSegment(uuid);
		String oldName = current.value().name();

		ApplyResult correction = this.store.apply(ChangeSet.by(Actor.user("test"))
			.note("spelling")
			.put(withName(current.value(), oldName + " (corrected)"), current.validity())
			.build());
		Instant justBefore = correction.registration().time().minus(1, ChronoUnit.MICROS);

		assertThat(name(this.api.get("/api/v1/org-units/{uuid}", uuid))).isEqualTo(oldName + " (corrected)");
		assertThat(name(this.api.get("/api/v1/org-units/{uuid}?registeredAt={time}", uuid, justBefore)))
			.isEqualTo(oldName);
		assertThat(items(this.api.get("/api/v1/org-units?userKey={key}&registeredAt={time}", current.value().userKey(),
				justBefore)))
			.extracting(OrgUnitApiIT::name)
			.containsExactly(oldName);

		JsonNode history = this.api.get("/api/v1/org-units/{uuid}/history", uuid);
		JsonNode old = find(history, oldName);
		JsonNode corrected = find(history, oldName + " (corrected)");
		assertThat(old.at("/registration/actor").asText()).isEqualTo("source:samples");
		assertThat(Instant.parse(old.get("supersededAt").asText())).isEqualTo(correction.registration().time());
		assertThat(corrected.at("/registration/actor").asText()).isEqualTo("user:test");
		assertThat(corrected.at("/registration/note").asText()).isEqualTo("spelling");
		assertThat(corrected.has("supersededAt")).isFalse();
		assertThat(corrected.at("/validity/from").asText()).isEqualTo(current.validity().from().toString());
	}

	@Test
	void aTeamWithoutManagerInheritsItsNearestAncestorsManager() {
		String team = this.api.get("/api/v1/classes?facet=org_unit_type&userKey=Team").at("/items/0/uuid").asText();
		List<String> teamsWithoutManager = this.units.stream()
			.filter((u) -> u.get("unitType").asText().equals(team))
			.map(OrgUnitApiIT::uuid)
			.filter((t) -> this.api.get("/api/v1/org-units/{uuid}/manager?inherit=false", t).get("manager").isNull())
			.toList();
		assertThat(teamsWithoutManager).as("teams without a manager of their own").isNotEmpty();

		for (String uuid : teamsWithoutManager) {
			JsonNode expected = nearestHeldManagerAbove(uuid);
			JsonNode result = this.api.get("/api/v1/org-units/{uuid}/manager", uuid);

			assertThat(result.get("inherited").asBoolean()).isTrue();
			assertThat(result.at("/manager/uuid").asText()).isEqualTo(expected.get("uuid").asText());
			assertThat(result.at("/manager/unit").asText()).isNotEqualTo(uuid);
			assertThat(result.at("/manager/vacant").asBoolean()).isFalse();
		}
	}

	/**
	 * Walks up through the API: the first ancestor with a manager role held by a person.
	 */
	private JsonNode nearestHeldManagerAbove(String unit) {
		Map<String, String> parents = new HashMap<>();
		this.units.forEach((u) -> parents.put(uuid(u), u.get("parent").isNull() ? null : u.get("parent").asText()));
		String current = parents.get(unit);
		while (current != null) {
			for (JsonNode role : items(this.api.get("/api/v1/managers?unit={unit}", current))) {
				if (!role.get("person").isNull()) {
					return role;
				}
			}
			current = parents.get(current);
		}
		throw new AssertionError("no manager above " + unit);
	}

	private Segment<OrgUnit> currentSegment(String uuid) {
		return this.store
			.timeline(OrgUnit.class, UUID.fromString(uuid), ReadPoint.of(null, null, this.clock).registeredAt())
			.segmentAt(ReadPoint.today(this.clock))
			.orElseThrow();
	}

	private List<String> childrenOf(String parent) {
		return this.units.stream()
			.filter((u) -> parent.equals(u.get("parent").asText(null)))
			.map(OrgUnitApiIT::uuid)
			.sorted()
			.collect(Collectors.toList());
	}

	private Set<String> descendantsAndSelf(String top) {
		Set<String> result = new HashSet<>();
		Deque<String> todo = new ArrayDeque<>(List.of(top));
		while (!todo.isEmpty()) {
			String unit = todo.pop();
			result.add(unit);
			todo.addAll(childrenOf(unit));
		}
		return result;
	}

	private static JsonNode find(JsonNode versions, String name) {
		for (JsonNode version : versions) {
			if (name.equals(name(version))) {
				return version;
			}
		}
		throw new AssertionError("no version named '" + name + "' in " + versions);
	}

	private static OrgUnit withName(OrgUnit unit, String name) {
		return new OrgUnit(unit.uuid(), unit.userKey(), name, unit.parent(), unit.unitType(), unit.unitLevel(),
				unit.payoutUnit());
	}

	private static String uuid(JsonNode node) {
		return node.get("uuid").asText();
	}

	private static String name(JsonNode unit) {
		return unit.get("name").asText();
	}

}
