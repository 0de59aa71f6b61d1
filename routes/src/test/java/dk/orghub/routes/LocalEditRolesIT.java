package dk.orghub.routes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role edit against every local edit, with the accounts that might widen what they
 * may change: an editor limited to one department (a "school" of the sample municipality)
 * on its units, a sibling department, the unit above, and units that move into and out of
 * it; a reader and an operator; an editor without limits. Each refusal is a 403 that
 * changed nothing and is audited.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:local-edit-roles-it;DB_CLOSE_DELAY=-1",
				"hub.demo.employees=" + LocalEditRolesIT.EMPLOYEES, "hub.demo.seed=" + LocalEditRolesIT.SEED })
@ActiveProfiles("demo")
class LocalEditRolesIT {

	static final int EMPLOYEES = 200;

	static final long SEED = 5;

	static final String SCHOOL_EDITOR = "school-editor";

	static final String EDITOR = "editor";

	static final String PASSWORD = "editor-password";

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

	private static final Tree TREE = Tree.of(MunicipalityGenerator.generate(SEED, EMPLOYEES, TODAY));

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private OrgStore store;

	private Api admin;

	private Api schoolEditor;

	@DynamicPropertySource
	static void users(DynamicPropertyRegistry registry) {
		registry.add("hub.demo.reference-date", TODAY::toString);
		users(registry, TREE.school());
	}

	/**
	 * The test users of {@code config/application.yml} (a list is replaced whole), an
	 * editor limited to {@code school} and one without limits.
	 */
	static void users(DynamicPropertyRegistry registry, UUID school) {
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
		registry.add("hub.security.users[0].name", () -> Api.READER);
		registry.add("hub.security.users[0].password",
				() -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(Api.READER_PASSWORD));
		registry.add("hub.security.users[0].roles", () -> "READ");
		registry.add("hub.security.users[1].name", () -> Api.OPERATOR);
		registry.add("hub.security.users[1].password",
				() -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(Api.OPERATOR_PASSWORD));
		registry.add("hub.security.users[1].roles", () -> "OPERATE");
		registry.add("hub.security.users[2].name", () -> SCHOOL_EDITOR);
		registry.add("hub.security.users[2].password", () -> hash);
		registry.add("hub.security.users[2].roles", () -> "EDIT");
		registry.add("hub.security.users[2].units", school::toString);
		registry.add("hub.security.users[3].name", () -> EDITOR);
		registry.add("hub.security.users[3].password", () -> hash);
		registry.add("hub.security.users[3].roles", () -> "EDIT");
	}

	@BeforeEach
	void logIn() {
		this.admin = new Api(this.rest);
		this.schoolEditor = new Api(this.rest, SCHOOL_EDITOR, PASSWORD);
	}

	@Test
	void theSchoolEditorEditsTheSchoolAndWhatLiesBelowIt() {
		for (UUID unit : List.of(TREE.school(), TREE.inside())) {
			ResponseEntity<JsonNode> created = this.schoolEditor.exchange(HttpMethod.POST,
					"/api/v1/org-units/{uuid}/addresses", openingHours("Man-fre 8-15"), unit);
			assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
			assertThat(created.getBody().at("/registration/actor").asText()).isEqualTo("user:" + SCHOOL_EDITOR);
			String address = created.getBody().get("uuid").asText();
			assertThat(status(this.schoolEditor, HttpMethod.PUT, "/api/v1/addresses/{uuid}",
					Map.of("value", "Man-fre 8-16"), address))
				.isEqualTo(HttpStatus.OK);
			assertThat(status(this.schoolEditor, HttpMethod.POST, "/api/v1/addresses/{uuid}/end?date={d}", null,
					address, TODAY.plusDays(5)))
				.isEqualTo(HttpStatus.NO_CONTENT);
			String kle = this.schoolEditor
				.exchange(HttpMethod.POST, "/api/v1/org-units/{uuid}/kle",
						Map.of("kleNumber", "17.01", "aspect", "Ansvarlig"), unit)
				.getBody()
				.get("uuid")
				.asText();
			assertThat(
					status(this.schoolEditor, HttpMethod.PUT, "/api/v1/kle/{uuid}", Map.of("aspect", "Indsigt"), kle))
				.isEqualTo(HttpStatus.OK);
			assertThat(status(this.schoolEditor, HttpMethod.POST, "/api/v1/kle/{uuid}/end?date={d}", null, kle,
					TODAY.plusDays(5)))
				.isEqualTo(HttpStatus.NO_CONTENT);
		}
		JsonNode me = this.schoolEditor.get("/api/v1/me");
		assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("EDIT", "READ");
		assertThat(me.get("editUnits")).extracting(JsonNode::asText).containsExactly(TREE.school().toString());
		assertThat(this.schoolEditor.get("/api/v1/me/may-edit?unit={u}", TREE.inside()).get("allowed").asBoolean())
			.isTrue();
		assertThat(this.schoolEditor.get("/api/v1/me/may-edit?unit={u}", TREE.outside()).get("allowed").asBoolean())
			.isFalse();
	}

	@Test
	void theSchoolEditorChangesNothingOutsideTheSchool() {
		for (UUID unit : List.of(TREE.outside(), TREE.above())) {
			String address = localAddress(unit, TODAY.minusDays(10));
			String kle = localKle(unit);
			long addresses = count("/api/v1/addresses?owner={u}", unit);
			long tasks = count("/api/v1/kle?unit={u}", unit);

			assertRefused(this.schoolEditor, HttpMethod.POST, "/api/v1/org-units/{uuid}/addresses",
					openingHours("Altid"), unit);
			assertRefused(this.schoolEditor, HttpMethod.POST, "/api/v1/org-units/{uuid}/kle",
					Map.of("kleNumber", "17.01", "aspect", "Ansvarlig"), unit);
			// naming a unit of the school in the body changes nothing: the address's own
			// unit is what counts
			assertRefused(this.schoolEditor, HttpMethod.PUT, "/api/v1/addresses/{uuid}",
					Map.of("value", "Altid", "owner", TREE.inside().toString()), address);
			assertRefused(this.schoolEditor, HttpMethod.POST, "/api/v1/addresses/{uuid}/end?date={d}", null, address,
					TODAY.plusDays(1));
			assertRefused(this.schoolEditor, HttpMethod.PUT, "/api/v1/kle/{uuid}",
					Map.of("aspect", "Indsigt", "unit", TREE.inside().toString()), kle);
			assertRefused(this.schoolEditor, HttpMethod.POST, "/api/v1/kle/{uuid}/end?date={d}", null, kle,
					TODAY.plusDays(1));

			assertThat(count("/api/v1/addresses?owner={u}", unit)).isEqualTo(addresses);
			assertThat(count("/api/v1/kle?unit={u}", unit)).isEqualTo(tasks);
			assertThat(this.admin.get("/api/v1/addresses/{uuid}", address).get("value").asText())
				.isEqualTo("Man-fre 9-14");
			assertThat(this.admin.get("/api/v1/addresses/{uuid}", address).at("/validity/to").isNull()).isTrue();
			assertThat(this.admin.get("/api/v1/kle/{uuid}", kle).at("/validity/to").isNull()).isTrue();
		}
		assertThat(Api.items(this.admin.get("/api/v1/audit?actor={a}&limit=100", SCHOOL_EDITOR)))
			.extracting((entry) -> entry.toString())
			.anySatisfy((entry) -> assertThat(entry).contains("PUT /api/v1/addresses/", "403"));
	}

	@Test
	void theSchoolEditorAssociatesPersonsWithTheSchoolOnly() {
		ResponseEntity<JsonNode> created = this.schoolEditor.exchange(HttpMethod.POST, "/api/v1/associations",
				intern(TREE.inside()));
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		String inside = created.getBody().get("uuid").asText();
		ResponseEntity<JsonNode> outside = this.admin.exchange(HttpMethod.POST, "/api/v1/associations",
				intern(TREE.outside()));
		assertThat(outside.getStatusCode()).as(String.valueOf(outside.getBody())).isEqualTo(HttpStatus.CREATED);
		String other = outside.getBody().get("uuid").asText();
		long associations = count("/api/v1/associations?unit={u}", TREE.outside());

		assertRefused(this.schoolEditor, HttpMethod.POST, "/api/v1/associations", intern(TREE.outside()));
		// moving the school's intern out of the school needs both units
		assertRefused(this.schoolEditor, HttpMethod.PUT, "/api/v1/associations/{uuid}",
				Map.of("unit", TREE.outside().toString()), inside);
		// naming a unit of the school changes nothing: the association's own unit counts
		assertRefused(this.schoolEditor, HttpMethod.PUT, "/api/v1/associations/{uuid}",
				Map.of("unit", TREE.inside().toString()), other);
		assertRefused(this.schoolEditor, HttpMethod.POST, "/api/v1/associations/{uuid}/end?date={d}", null, other,
				TODAY.plusDays(1));

		assertThat(count("/api/v1/associations?unit={u}", TREE.outside())).isEqualTo(associations);
		assertThat(this.admin.get("/api/v1/associations/{uuid}", inside).get("unit").asText())
			.isEqualTo(TREE.inside().toString());
		assertThat(this.admin.get("/api/v1/associations/{uuid}", other).at("/validity/to").isNull()).isTrue();
		assertThat(status(this.schoolEditor, HttpMethod.POST, "/api/v1/associations/{uuid}/end?date={d}", null, inside,
				TODAY.plusDays(1)))
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void theSchoolEditorKeepsItsOwnUnitsAndTheirManagersAndNothingOutsideTheSchool() {
		LocalDate from = TODAY.plusDays(3);
		ResponseEntity<JsonNode> created = this.schoolEditor.exchange(HttpMethod.POST, "/api/v1/org-units",
				Map.of("name", "Lektiecafé", "parent", TREE.inside().toString(), "unitType", "Team", "validFrom",
						from.toString()));
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		String cafe = created.getBody().get("uuid").asText();
		assertThat(created.getBody().get("hierarchy").asText())
			.isEqualTo(this.admin.get("/api/v1/org-units/{uuid}", TREE.inside()).get("hierarchy").asText());
		assertThat(this.admin.get("/api/v1/org-units/{uuid}/sources?at={at}", cafe, from).get("sources")).isEmpty();

		JsonNode renamed = this.schoolEditor.exchange(HttpMethod.PUT, "/api/v1/org-units/{uuid}",
				Map.of("name", "Lektiecafé Nord", "payoutUnit", TREE.school().toString(), "parent",
						TREE.school().toString(), "validFrom", from.plusDays(1).toString()),
				cafe)
			.getBody();
		assertThat(renamed.get("name").asText()).as(renamed.toString()).isEqualTo("Lektiecafé Nord");
		assertThat(renamed.get("parent").asText()).isEqualTo(TREE.school().toString());
		assertThat(renamed.get("payoutUnit").asText()).isEqualTo(TREE.school().toString());
		assertThat(this.admin.get("/api/v1/org-units/{uuid}?at={at}", cafe, from).get("name").asText())
			.isEqualTo("Lektiecafé");

		String person = items(this.admin.get("/api/v1/engagements?unit={u}&limit=1", TREE.school())).get(0)
			.get("person")
			.asText();
		ResponseEntity<JsonNode> manager = this.schoolEditor.exchange(HttpMethod.POST, "/api/v1/managers",
				Map.of("person", person, "unit", cafe, "managerType", "Leder", "validFrom", from.toString()));
		assertThat(manager.getStatusCode()).as(String.valueOf(manager.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(manager.getBody().at("/registration/actor").asText()).isEqualTo("user:" + SCHOOL_EDITOR);
		assertThat(
				this.admin.get("/api/v1/org-units/{uuid}/manager?at={at}", cafe, from).at("/manager/person").asText())
			.isEqualTo(person);

		// outside the school: no new unit under it, no move there, no change, no manager
		assertRefused(this.schoolEditor, HttpMethod.POST, "/api/v1/org-units",
				Map.of("name", "Udenfor", "parent", TREE.outside().toString(), "unitType", "Team"));
		assertRefused(this.schoolEditor, HttpMethod.PUT, "/api/v1/org-units/{uuid}",
				Map.of("parent", TREE.outside().toString(), "validFrom", from.plusDays(2).toString()), cafe);
		assertRefused(this.schoolEditor, HttpMethod.PUT, "/api/v1/org-units/{uuid}",
				Map.of("payoutUnit", TREE.school().toString()), TREE.outside());
		assertRefused(this.schoolEditor, HttpMethod.POST, "/api/v1/org-units/{uuid}/end?date={d}", null, TREE.outside(),
				TODAY.plusDays(5));
		assertRefused(this.schoolEditor, HttpMethod.POST, "/api/v1/managers",
				Map.of("person", person, "unit", TREE.outside().toString(), "managerType", "Leder"));
		assertThat(this.admin.get("/api/v1/org-units/{uuid}?at={at}", cafe, from.plusDays(2)).get("parent").asText())
			.isEqualTo(TREE.school().toString());
		assertThat(this.admin.get("/api/v1/search?q=Udenfor").get("units")).isEmpty();

		LocalDate end = from.plusDays(10);
		assertThat(status(this.schoolEditor, HttpMethod.POST, "/api/v1/managers/{uuid}/end?date={d}", null,
				manager.getBody().get("uuid").asText(), end))
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(status(this.schoolEditor, HttpMethod.POST, "/api/v1/org-units/{uuid}/end?date={d}", null, cafe, end))
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(
				this.admin.get("/api/v1/org-units/{uuid}?at={at}", cafe, end.minusDays(1)).at("/validity/to").asText())
			.isEqualTo(end.toString());
		assertThat(status(this.admin, HttpMethod.GET, "/api/v1/org-units/{uuid}?at={at}", null, cafe, end))
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void whatASourceHoldsOfAUnitIsRefusedEvenToTheAdministrator() {
		JsonNode sources = this.admin.get("/api/v1/org-units/{uuid}/sources", TREE.school());
		assertThat(sources.get("sources")).extracting(JsonNode::asText).containsExactly("samples");
		assertThat(sources.at("/fields/name").asText()).isEqualTo("samples");
		String name = this.admin.get("/api/v1/org-units/{uuid}", TREE.school()).get("name").asText();

		ResponseEntity<JsonNode> renamed = this.admin.exchange(HttpMethod.PUT, "/api/v1/org-units/{uuid}",
				Map.of("name", "Omdøbt"), TREE.school());
		assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(renamed.getBody().get("detail").asText()).contains("name", "samples");
		assertThat(status(this.admin, HttpMethod.POST, "/api/v1/org-units/{uuid}/end?date={d}", null, TREE.school(),
				TODAY.plusDays(5)))
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(this.admin.get("/api/v1/org-units/{uuid}", TREE.school()).get("name").asText()).isEqualTo(name);
	}

	@Test
	void theUnitsPersonsComeInOneReadWithoutCprNumbersUnlessAnAdministratorAsks() {
		List<String> persons = items(this.admin.get("/api/v1/engagements?unit={u}&limit=3", TREE.school())).stream()
			.map((e) -> e.get("person").asText())
			.toList();
		String uuids = String.join(",", persons) + "," + UUID.randomUUID();
		Api reader = new Api(this.rest, Api.READER, Api.READER_PASSWORD);

		JsonNode page = reader.get("/api/v1/persons?uuids={uuids}&limit=10", uuids);
		assertThat(items(page)).extracting((p) -> p.get("uuid").asText())
			.containsExactlyElementsOf(persons.stream().distinct().toList());
		assertThat(items(page)).allSatisfy((p) -> assertThat(p.has("cpr")).isFalse());
		assertThat(reader.exchange(HttpMethod.GET, "/api/v1/persons?uuids={uuids}&includeCpr=true", null, uuids)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(items(this.admin.get("/api/v1/persons?uuids={uuids}&includeCpr=true", uuids)))
			.anySatisfy((p) -> assertThat(p.get("cpr").asText()).hasSize(10));
	}

	private static Map<String, Object> intern(UUID unit) {
		return Map.of("unit", unit.toString(), "associationType", "Praktikant", "newPerson",
				Map.of("givenName", "Sara", "surname", "Lund", "noCprReason", "praktikant fra udlandet"));
	}

	@Test
	void aUnitThatMovesOutOfTheSchoolIsTheSchoolsOnlyUntilTheMove() {
		LocalDate move = TODAY.plusDays(20);
		UUID leaving = TREE.inside();
		moveFrom(leaving, TREE.outside(), move);
		String address = localAddress(leaving, TODAY.minusDays(3));

		assertThat(status(this.schoolEditor, HttpMethod.POST, "/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "PHONE", "value", "+45 70 10 10 10", "validFrom", move.minusDays(1).toString()),
				leaving))
			.isEqualTo(HttpStatus.CREATED);
		assertRefused(this.schoolEditor, HttpMethod.POST, "/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "PHONE", "value", "+45 70 10 10 11", "validFrom", move.toString()), leaving);
		assertRefused(this.schoolEditor, HttpMethod.PUT, "/api/v1/addresses/{uuid}",
				Map.of("value", "Lukket", "validFrom", move.plusDays(1).toString()), address);
		assertRefused(this.schoolEditor, HttpMethod.POST, "/api/v1/addresses/{uuid}/end?date={d}", null, address, move);
		assertThat(status(this.schoolEditor, HttpMethod.PUT, "/api/v1/addresses/{uuid}",
				Map.of("value", "Lukket", "validFrom", TODAY.toString(), "validTo", move.toString()), address))
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void aUnitThatMovesIntoTheSchoolIsTheSchoolsFromTheMove() {
		LocalDate move = TODAY.plusDays(30);
		UUID arriving = TREE.outsideLeaf();
		moveFrom(arriving, TREE.school(), move);

		assertRefused(this.schoolEditor, HttpMethod.POST, "/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "PHONE", "value", "+45 70 20 20 20"), arriving);
		assertThat(status(this.schoolEditor, HttpMethod.POST, "/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "PHONE", "value", "+45 70 20 20 20", "validFrom", move.toString()), arriving))
			.isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void aReaderAndAnOperatorWriteNothingAndAnEditorWithoutUnitsWritesAnywhere() {
		String address = localAddress(TREE.inside(), TODAY.minusDays(1));
		String kle = localKle(TREE.inside());
		for (Api user : List.of(new Api(this.rest, Api.READER, Api.READER_PASSWORD),
				new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD))) {
			assertRefused(user, HttpMethod.POST, "/api/v1/org-units/{uuid}/addresses", openingHours("Altid"),
					TREE.inside());
			assertRefused(user, HttpMethod.POST, "/api/v1/org-units/{uuid}/kle",
					Map.of("kleNumber", "17.01", "aspect", "Ansvarlig"), TREE.inside());
			assertRefused(user, HttpMethod.PUT, "/api/v1/addresses/{uuid}", Map.of("value", "Altid"), address);
			assertRefused(user, HttpMethod.POST, "/api/v1/addresses/{uuid}/end?date={d}", null, address, TODAY);
			assertRefused(user, HttpMethod.PUT, "/api/v1/kle/{uuid}", Map.of("aspect", "Indsigt"), kle);
			assertRefused(user, HttpMethod.POST, "/api/v1/kle/{uuid}/end?date={d}", null, kle, TODAY);
			assertThat(user.get("/api/v1/me").get("editUnits").isNull()).isTrue();
		}
		assertThat(this.admin.get("/api/v1/addresses/{uuid}", address).get("value").asText()).isEqualTo("Man-fre 9-14");

		Api editor = new Api(this.rest, EDITOR, PASSWORD);
		assertThat(status(editor, HttpMethod.POST, "/api/v1/org-units/{uuid}/addresses", openingHours("Altid"),
				TREE.outside()))
			.isEqualTo(HttpStatus.CREATED);
		assertThat(editor.get("/api/v1/me").get("editUnits")).isEmpty();
		assertThat(status(editor, HttpMethod.POST, "/api/v1/syncs/samples-import/pause", null))
			.as("an editor does not operate")
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void anAddressASourceDeliveredIsTheSources() {
		JsonNode delivered = items(this.admin.get("/api/v1/addresses?owner={u}&limit=100", TREE.school())).stream()
			.filter((a) -> a.at("/registration/actor").asText().startsWith("source:"))
			.findFirst()
			.orElseThrow();
		String uuid = delivered.get("uuid").asText();

		ResponseEntity<JsonNode> changed = this.admin.exchange(HttpMethod.PUT, "/api/v1/addresses/{uuid}",
				Map.of("value", "x@y.dk"), uuid);

		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(changed.getBody().get("detail").asText()).contains("comes from the source");
		assertThat(status(this.admin, HttpMethod.POST, "/api/v1/addresses/{uuid}/end?date={d}", null, uuid, TODAY))
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(this.admin.get("/api/v1/addresses/{uuid}", uuid).get("value").asText())
			.isEqualTo(delivered.get("value").asText());
	}

	private void moveFrom(UUID unit, UUID parent, LocalDate from) {
		OrgUnit current = this.store.get(OrgUnit.class, unit, ReadPoint.of(from, null, java.time.Clock.systemUTC()))
			.orElseThrow()
			.value();
		this.store.apply(ChangeSet.by(Actor.user("test"))
			.put(new OrgUnit(unit, current.userKey(), current.name(), parent, current.unitType(), current.unitLevel(),
					current.payoutUnit()), Validity.from(from))
			.build());
	}

	private String localAddress(UUID unit, LocalDate from) {
		Map<String, String> body = Map.of("addressType", "OPENING_HOURS", "value", "Man-fre 9-14", "validFrom",
				from.toString());
		ResponseEntity<JsonNode> created = this.admin.exchange(HttpMethod.POST, "/api/v1/org-units/{uuid}/addresses",
				body, unit);
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		return created.getBody().get("uuid").asText();
	}

	private String localKle(UUID unit) {
		return this.admin
			.exchange(HttpMethod.POST, "/api/v1/org-units/{uuid}/kle",
					Map.of("kleNumber", "27.24", "aspect", "Indsigt"), unit)
			.getBody()
			.get("uuid")
			.asText();
	}

	private long count(String uri, Object... variables) {
		return this.admin.get(uri, variables).get("total").asLong();
	}

	private static Map<String, String> openingHours(String value) {
		return Map.of("addressType", "OPENING_HOURS", "value", value);
	}

	private static HttpStatus status(Api user, HttpMethod method, String uri, Object body, Object... variables) {
		return HttpStatus.valueOf(user.exchange(method, uri, body, variables).getStatusCode().value());
	}

	private static void assertRefused(Api user, HttpMethod method, String uri, Object body, Object... variables) {
		ResponseEntity<JsonNode> response = user.exchange(method, uri, body, variables);
		assertThat(response.getStatusCode()).as(method + " " + uri + ": " + response.getBody())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	/**
	 * Units of the sample municipality to test with: a department with units below it
	 * (the school), one of them, a sibling department with a unit of its own below it,
	 * and the unit above both.
	 */
	record Tree(UUID school, UUID inside, UUID outside, UUID outsideLeaf, UUID above) {

		static Tree of(Municipality municipality) {
			List<OrgUnit> units = municipality.units()
				.values()
				.stream()
				.flatMap((t) -> t.at(TODAY).stream())
				.sorted(Comparator.comparing(OrgUnit::userKey))
				.toList();
			for (OrgUnit school : units) {
				List<OrgUnit> children = children(units, school.uuid());
				if (school.parent() == null || children.isEmpty()) {
					continue;
				}
				for (OrgUnit sibling : children(units, school.parent())) {
					List<OrgUnit> below = children(units, sibling.uuid());
					if (!sibling.uuid().equals(school.uuid()) && !below.isEmpty()) {
						return new Tree(school.uuid(), children.get(0).uuid(), sibling.uuid(), below.get(0).uuid(),
								school.parent());
					}
				}
			}
			throw new IllegalStateException("the sample municipality has no two departments with units below them");
		}

		private static List<OrgUnit> children(List<OrgUnit> units, UUID parent) {
			return units.stream().filter((u) -> parent.equals(u.parent())).toList();
		}

	}

}
