package dk.orghub.routes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sd.SdStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SD-Løn served by the SD stub over HTTP, run as the sync {@code sd} through the REST API
 * (no demo profile: SD is the only payroll): a full run, checked through the API at
 * several dates; then an incremental run from the stored date with an employment moved,
 * one ended (both from a date a week ahead), a unit moved in SD's tree, and a person SD
 * delivers with an invalid CPR number, which goes to the quarantine while the rest
 * applies.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:sd-sync-it;DB_CLOSE_DELAY=-1", "camel.main.name=sd-sync-it",
				"spring.quartz.scheduler-name=sd-sync-it", "hub.sources.sd.institution=XY", "hub.sources.sd.user=hub",
				"hub.sources.sd.password=stub-secret" })
class SdSyncIT {

	private static final LocalDate TODAY = LocalDate.now(ReadPoint.ZONE);

	private static final LocalDate CHANGED = TODAY.plusDays(7);

	private static final UUID TEAM_LEVEL = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_LEVEL, "Afdelings-niveau");

	private static final Municipality MUNICIPALITY = MunicipalityGenerator.generate(31, 120, TODAY);

	private static final SdStub SD = SdStub.start(MUNICIPALITY, "hub", "stub-secret", "XY");

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Clock clock;

	@DynamicPropertySource
	static void sd(DynamicPropertyRegistry registry) {
		registry.add("hub.sources.sd.base-uri", () -> SD.baseUri().toString());
	}

	@AfterAll
	static void stopSd() {
		SD.close();
	}

	@Test
	void aFullRunThenAnIncrementalRunGiveTheOrganisationAtEachDate() {
		Api api = new Api(this.rest);
		Api operator = new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD);
		assertThat(ReadPoint.today(this.clock)).isEqualTo(TODAY);
		assertThat(api.get("/api/v1/syncs/sd").get("capabilities").toString()).contains("ConnectionTestable");
		JsonNode test = operator.exchange(HttpMethod.POST, "/api/v1/syncs/sd/test-connection", null).getBody();
		assertThat(test.get("ok").asBoolean()).as(test.toString()).isTrue();

		// the full run
		run(operator);
		JsonNode full = api.awaitRun("sd", 1);
		assertThat(full.get("status").asText()).as(full.toString()).isEqualTo("SUCCEEDED");
		assertThat(full.at("/counts/created").asInt()).isPositive();
		assertThat(total(api, "/api/v1/org-units?at={at}", TODAY)).isEqualTo(count(MUNICIPALITY.units(), TODAY));
		assertThat(total(api, "/api/v1/engagements?at={at}", TODAY))
			.isEqualTo(count(MUNICIPALITY.engagements(), TODAY));
		LocalDate lastYear = TODAY.minusYears(1);
		assertThat(total(api, "/api/v1/engagements?at={at}", lastYear))
			.as("SD gives the history: the engagements of a year ago")
			.isEqualTo(count(MUNICIPALITY.engagements(), lastYear));
		JsonNode root = items(api.get("/api/v1/org-units?at={at}&limit=1000", TODAY)).stream()
			.filter((u) -> u.get("parent").isNull())
			.findFirst()
			.orElseThrow();
		assertThat(root.get("uuid").asText()).isEqualTo(MUNICIPALITY.root().toString());

		// SD changes: a move, an ended employment (both from CHANGED), a bad CPR number
		List<Map.Entry<UUID, Timeline<Engagement>>> open = MUNICIPALITY.engagements()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().covers(Validity.from(TODAY)))
			.filter((e) -> e.getValue().at(TODAY).map((g) -> !isTeam(g.unit())).orElse(false))
			.filter((e) -> MUNICIPALITY.engagements()
				.values()
				.stream()
				.filter((t) -> t.segments()
					.get(0)
					.value()
					.person()
					.equals(e.getValue().segments().get(0).value().person()))
				.count() == 1)
			.toList();
		Engagement moved = open.get(0).getValue().at(TODAY).orElseThrow();
		Engagement ended = open.get(1).getValue().at(TODAY).orElseThrow();
		UUID movedTo = MUNICIPALITY.units()
			.values()
			.stream()
			.map((t) -> t.at(TODAY).orElse(null))
			.filter((u) -> u != null && u.parent() != null && !isTeam(u.uuid()) && !u.uuid().equals(moved.unit())
					&& MUNICIPALITY.units().get(u.uuid()).covers(Validity.from(TODAY)))
			.map(OrgUnit::uuid)
			.findFirst()
			.orElseThrow();
		Map<UUID, Timeline<Engagement>> engagements = new LinkedHashMap<>(MUNICIPALITY.engagements());
		engagements.put(open.get(0).getKey(),
				open.get(0)
					.getValue()
					.put(Validity.from(CHANGED), new Engagement(moved.uuid(), moved.userKey(), moved.person(), movedTo,
							moved.jobFunction(), moved.engagementType(), moved.fraction(), moved.primary())));
		engagements.put(open.get(1).getKey(), open.get(1).getValue().remove(Validity.from(CHANGED)));
		OrgUnit movedUnit = MUNICIPALITY.units()
			.values()
			.stream()
			.map((t) -> t.at(TODAY).orElse(null))
			.filter((u) -> u != null && u.parent() != null && !u.parent().equals(MUNICIPALITY.root())
					&& !isTeam(u.uuid())
					&& MUNICIPALITY.units().get(u.uuid()).covers(Validity.from(TODAY.minusDays(1))))
			.findFirst()
			.orElseThrow();
		Map<UUID, Timeline<OrgUnit>> units = new LinkedHashMap<>(MUNICIPALITY.units());
		units.put(movedUnit.uuid(),
				units.get(movedUnit.uuid())
					.put(Validity.from(TODAY.minusYears(5)),
							new OrgUnit(movedUnit.uuid(), movedUnit.userKey(), movedUnit.name(), MUNICIPALITY.root(),
									movedUnit.unitType(), movedUnit.unitLevel(), movedUnit.payoutUnit())));
		Map<UUID, Timeline<Person>> persons = new LinkedHashMap<>(MUNICIPALITY.persons());
		UUID badPerson = UUID.randomUUID();
		persons.put(badPerson, Timeline.of(Validity.from(TODAY.minusYears(1)),
				new Person(badPerson, null, "3102991234", "Ugyldig", "Dato", null)));
		UUID badEngagement = UUID.randomUUID();
		engagements.put(badEngagement, Timeline.of(Validity.from(TODAY.minusMonths(1)), new Engagement(badEngagement,
				"99999", badPerson, moved.unit(), moved.jobFunction(), moved.engagementType(), BigDecimal.ONE, true)));
		SD.update(new Municipality(MUNICIPALITY.seed(), MUNICIPALITY.employees(), MUNICIPALITY.referenceDate(),
				MUNICIPALITY.organisation(), units, persons, engagements, MUNICIPALITY.managers(),
				MUNICIPALITY.addresses(), MUNICIPALITY.kle()), TODAY);

		// the incremental run
		int requests = SD.requests();
		run(operator);
		JsonNode incremental = api.awaitRun("sd", 2);
		assertThat(incremental.get("status").asText()).as(incremental.toString()).isEqualTo("PARTIAL");
		assertThat(incremental.get("message").asText()).contains("SD changes up to " + TODAY);
		assertThat(incremental.at("/counts/changed").asInt()).as(incremental.toString()).isPositive();
		assertThat(incremental.at("/counts/ended").asInt()).as(incremental.toString()).isPositive();
		assertThat(incremental.at("/counts/failed").asInt()).as(incremental.toString()).isPositive();
		assertThat(SD.requests() - requests).as("only the changed persons are read again")
			.isLessThan(full.at("/counts/read").asInt());
		LocalDate before = CHANGED.minusDays(1);
		assertThat(engagement(api, moved.userKey(), before).get("unit").asText()).isEqualTo(moved.unit().toString());
		assertThat(engagement(api, moved.userKey(), CHANGED).get("unit").asText()).isEqualTo(movedTo.toString());
		assertThat(engagement(api, ended.userKey(), before)).isNotNull();
		assertThat(engagement(api, ended.userKey(), CHANGED)).isNull();
		assertThat(engagement(api, "99999", TODAY)).as("the employment of the rejected person").isNull();
		// SD tells today's tree only: the moved unit has its new parent from the day of
		// the
		// run, and keeps the one the hub held before (SdSync, not the bare change feed)
		assertThat(api.get("/api/v1/org-units/{uuid}?at={at}", movedUnit.uuid(), TODAY).get("parent").asText())
			.isEqualTo(MUNICIPALITY.root().toString());
		assertThat(api.get("/api/v1/org-units/{uuid}?at={at}", movedUnit.uuid(), TODAY.minusDays(1))
			.get("parent")
			.asText()).isEqualTo(movedUnit.parent().toString());
		List<JsonNode> quarantine = items(api.get("/api/v1/quarantine?sync=sd"));
		assertThat(quarantine).anySatisfy((q) -> {
			assertThat(q.get("type").asText()).isEqualTo("PERSON");
			assertThat(q.get("reason").asText()).doesNotContain("3102991234");
		});
		assertThat(api.get("/api/v1/syncs/sd").toString()).doesNotContain("3102991234");
	}

	private static void run(Api operator) {
		ResponseEntity<JsonNode> started = operator.exchange(HttpMethod.POST, "/api/v1/syncs/sd/run", null);
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
	}

	private static long total(Api api, String uri, Object... variables) {
		return api.get(uri + "&limit=1", variables).get("total").asLong();
	}

	private static JsonNode engagement(Api api, String userKey, LocalDate at) {
		List<JsonNode> found = items(api.get("/api/v1/engagements?userKey={key}&at={at}", userKey, at));
		assertThat(found).hasSizeLessThanOrEqualTo(1);
		return found.isEmpty() ? null : found.get(0);
	}

	private static boolean isTeam(UUID unit) {
		return MUNICIPALITY.units().get(unit).segments().get(0).value().unitLevel().equals(TEAM_LEVEL);
	}

	private static <T extends dk.orghub.core.model.OrgObject> long count(Map<UUID, Timeline<T>> objects,
			LocalDate date) {
		return objects.values().stream().filter((t) -> t.at(date).isPresent()).count();
	}

}
