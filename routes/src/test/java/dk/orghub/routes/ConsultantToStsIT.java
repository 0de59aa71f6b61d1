package dk.orghub.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dk.orghub.core.store.ReadPoint;
import dk.orghub.samples.ldap.SampleAccount;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sts.LocalStsService;
import dk.orghub.samples.sts.StsRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18's path through the API alone: an external consultant without a CPR number is
 * added to a line unit, gets an AD account naming the consultant's person UUID in
 * {@code extensionAttribute2}, the AD sync makes the account the consultant's IT user,
 * and the local STS Organisation service gets a Bruger and an Enhedsrolle in the unit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:consultant-to-sts-it;DB_CLOSE_DELAY=-1",
				"hub.demo.employees=100", "hub.demo.seed=5", "hub.demo.reference-date=2025-06-01",
				"hub.syncs.ad.adapter=ad", "hub.sources.ad.mode=ad",
				"hub.sources.ad.person-uuid-attribute=extensionAttribute2", "camel.main.name=consultant-to-sts-it",
				"spring.quartz.scheduler-name=consultant-to-sts-it",
				"hub.targets.sts.organisation-uuid=" + ConsultantToStsIT.ORGANISATION, "hub.targets.sts.cvr=29189846",
				"hub.targets.sts.publish.start-delay=1s" })
@ActiveProfiles("demo")
class ConsultantToStsIT {

	static final String ORGANISATION = "5b2e7c1d-9f3a-4e6b-8c0d-2a4f6e8b1c03";

	private static final SampleAccounts ACCOUNTS = SampleAccounts
		.of(MunicipalityGenerator.generate(5, 100, LocalDate.of(2025, 6, 1)));

	private static final SampleLdapServer DIRECTORY = SampleLdapServer.start(SampleDirectory.activeDirectory(),
			ACCOUNTS);

	private static final LocalStsService STS = LocalStsService.start(Clock.systemUTC());

	static {
		STS.seedOrganisation(UUID.fromString(ORGANISATION), "29189846", "Sample municipality");
	}

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Clock clock;

	@DynamicPropertySource
	static void systems(DynamicPropertyRegistry registry) {
		SampleDirectory directory = DIRECTORY.directory();
		registry.add("hub.sources.ad.url", DIRECTORY::url);
		registry.add("hub.sources.ad.bind-dn", directory::bindDn);
		registry.add("hub.sources.ad.password", () -> SampleDirectory.BIND_PASSWORD);
		registry.add("hub.sources.ad.base-dns", directory::baseDn);
		registry.add("hub.targets.sts.base-url", STS::baseUrl);
	}

	@AfterAll
	static void stop() {
		DIRECTORY.close();
		STS.close();
	}

	@Test
	void aConsultantWithoutCprGetsAnItUserAndIsPublishedAsABrugerWithAMembership() {
		Api api = new Api(this.rest);
		Api operator = new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD);
		api.awaitRun("samples-import", 1);
		String unit = items(api.get("/api/v1/org-units?hierarchy=Linjeorganisation&limit=1000")).stream()
			.filter((u) -> !u.get("parent").isNull())
			.findFirst()
			.orElseThrow()
			.get("uuid")
			.asText();

		LocalDate today = ReadPoint.today(this.clock);
		ResponseEntity<JsonNode> created = api.exchange(HttpMethod.POST, "/api/v1/associations",
				Map.of("unit", unit, "associationType", "Ekstern konsulent", "validFrom", today.toString(), "newPerson",
						Map.of("givenName", "Eva", "surname", "Extern", "noCprReason", "Konsulent bosat i udlandet")));
		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
		String association = created.getBody().get("uuid").asText();
		String person = created.getBody().get("person").asText();

		SampleAccount account = new SampleAccount(UUID.nameUUIDFromBytes("evaext".getBytes()), "evaext",
				SampleAccounts.EXTERNALS, SampleAccount.Kind.EXTERNAL, "Eva", "Extern", "eva@consult.example", null,
				null, true, null, null, today.minusDays(3));
		DIRECTORY.add(account);
		DIRECTORY.modify("evaext", "extensionAttribute2", person);

		assertThat(operator.exchange(HttpMethod.POST, "/api/v1/syncs/ad/run", null).getStatusCode())
			.isEqualTo(HttpStatus.ACCEPTED);
		JsonNode run = api.awaitRun("ad", 1);
		assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
		List<JsonNode> itUsers = items(api.get("/api/v1/it-users?userKey=evaext"));
		assertThat(itUsers).singleElement().satisfies((u) -> assertThat(u.get("person").asText()).isEqualTo(person));

		String bruger = account.id().toString();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			assertThat(STS.registry().exists(StsRegistry.Kind.BRUGER, bruger)).isTrue();
			assertThat(STS.registry().exists(StsRegistry.Kind.FUNKTION, association)).isTrue();
		});
		StsRegistry.Stored function = STS.registry().get(StsRegistry.Kind.FUNKTION, association).orElseThrow();
		String xml = STS.registry().xml(StsRegistry.Kind.FUNKTION, function.registration());
		assertThat(xml).contains(bruger).contains(unit).contains("Ekstern konsulent");
	}

}
