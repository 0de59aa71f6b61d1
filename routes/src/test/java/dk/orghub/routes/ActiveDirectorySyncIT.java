package dk.orghub.routes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.samples.ldap.SampleAccount;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

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

/**
 * The demo municipality with its Active Directory served by the in-process LDAP server
 * over a real socket: the sync {@code ad} tests its connection, creates the IT users and
 * the persons' e-mail addresses (read back through the REST API), reports the accounts of
 * no person with masked CPR numbers, and then picks up a change in the directory through
 * the change feed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:active-directory-it;DB_CLOSE_DELAY=-1",
				"hub.demo.employees=150", "hub.demo.seed=5", "hub.demo.reference-date=2025-06-01",
				"hub.syncs.ad.adapter=ad", "hub.sources.ad.mode=ad", "camel.main.name=active-directory-it",
				"spring.quartz.scheduler-name=active-directory-it" })
@ActiveProfiles("demo")
class ActiveDirectorySyncIT {

	private static final SampleAccounts ACCOUNTS = SampleAccounts
		.of(MunicipalityGenerator.generate(5, 150, LocalDate.of(2025, 6, 1)));

	private static final SampleLdapServer DIRECTORY = SampleLdapServer.start(SampleDirectory.activeDirectory(),
			ACCOUNTS);

	@Autowired
	private TestRestTemplate rest;

	@DynamicPropertySource
	static void directory(DynamicPropertyRegistry registry) {
		SampleDirectory directory = DIRECTORY.directory();
		registry.add("hub.sources.ad.url", DIRECTORY::url);
		registry.add("hub.sources.ad.bind-dn", directory::bindDn);
		registry.add("hub.sources.ad.password", () -> SampleDirectory.BIND_PASSWORD);
		// one value, as an operator gives it on the command line: one DN with its commas
		registry.add("hub.sources.ad.base-dns", directory::baseDn);
	}

	@AfterAll
	static void stopDirectory() {
		DIRECTORY.close();
	}

	@Test
	void theAdSyncCreatesItUsersAndAddressesAndReportsTheUnmatched() {
		Api api = new Api(this.rest);
		Api operator = new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD);
		api.awaitRun("samples-import", 1);

		JsonNode test = operator.exchange(HttpMethod.POST, "/api/v1/syncs/ad/test-connection", null).getBody();
		assertThat(test.get("ok").asBoolean()).as(test.toString()).isTrue();
		assertThat(api.get("/api/v1/syncs/ad").get("capabilities").toString()).contains("ConnectionTestable");

		ResponseEntity<JsonNode> started = operator.exchange(HttpMethod.POST, "/api/v1/syncs/ad/run", null);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		JsonNode run = api.awaitRun("ad", 1);
		assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.at("/counts/created").asInt()).isPositive();

		SampleAccount employee = ACCOUNTS.of(SampleAccount.Kind.EMPLOYEE)
			.stream()
			.filter((a) -> a.enabled() && a.mail() != null && ACCOUNTS.ofPerson(a.person()).size() == 1)
			.findFirst()
			.orElseThrow();
		List<JsonNode> itUsers = items(api.get("/api/v1/it-users?userKey={name}", employee.accountName()));
		assertThat(itUsers).singleElement().satisfies((u) -> {
			assertThat(u.get("externalId").asText()).isEqualToIgnoringCase(employee.id().toString());
			assertThat(u.get("enabled").asBoolean()).isTrue();
		});
		String person = itUsers.get(0).get("person").asText();
		assertThat(api.get("/api/v1/persons/{uuid}?includeCpr=true", person).get("cpr").asText())
			.isEqualTo(employee.cpr());
		assertThat(items(api.get("/api/v1/addresses?owner={person}", person)))
			.anySatisfy((a) -> assertThat(a.get("value").asText()).isEqualTo(employee.mail()));

		// the IT users of a unit (for its page): those of every person engaged in it
		String unit = items(api.get("/api/v1/engagements?person={person}", person)).get(0).get("unit").asText();
		Set<String> expected = new HashSet<>();
		items(api.get("/api/v1/engagements?unit={unit}&limit=1000", unit))
			.forEach((e) -> items(api.get("/api/v1/it-users?person={p}&limit=1000", e.get("person").asText()))
				.forEach((u) -> expected.add(u.get("uuid").asText())));
		Set<String> ofUnit = new HashSet<>();
		new Api(this.rest, Api.READER, Api.READER_PASSWORD).get("/api/v1/org-units/{uuid}/it-users", unit)
			.forEach((u) -> ofUnit.add(u.get("uuid").asText()));
		assertThat(ofUnit).contains(itUsers.get(0).get("uuid").asText()).isEqualTo(expected);

		JsonNode report = new Api(this.rest, Api.READER, Api.READER_PASSWORD).get("/api/v1/sources/ad/report");
		List<String> unmatched = new ArrayList<>();
		report.get("unmatched").forEach((u) -> unmatched.add(u.get("accountName").asText()));
		assertThat(unmatched).containsAll(ACCOUNTS.of(SampleAccount.Kind.EXTERNAL)
			.stream()
			.filter(SampleAccount::enabled)
			.map(SampleAccount::accountName)
			.toList());
		assertThat(unmatched)
			.containsAll(ACCOUNTS.of(SampleAccount.Kind.SERVICE).stream().map(SampleAccount::accountName).toList());
		for (SampleAccount account : ACCOUNTS.all()) {
			if (account.cpr() != null) {
				assertThat(report.toString()).doesNotContain(account.cpr());
			}
		}
		report.get("unmatched")
			.forEach((u) -> assertThat(u.get("maskedCpr").isNull() || u.get("maskedCpr").asText().endsWith("xxxx"))
				.as(u.toString())
				.isTrue());

		// a change in the directory comes through the change feed
		DIRECTORY.modify(employee.accountName(), "telephoneNumber", "87654321");
		operator.exchange(HttpMethod.POST, "/api/v1/syncs/ad/run", null);
		JsonNode incremental = api.awaitRun("ad", 2);
		assertThat(incremental.get("status").asText()).as(incremental.toString()).isEqualTo("SUCCEEDED");
		assertThat(incremental.at("/counts/read").asInt()).isLessThan(run.at("/counts/read").asInt());
		assertThat(items(api.get("/api/v1/addresses?owner={person}", person)))
			.anySatisfy((a) -> assertThat(a.get("value").asText()).isEqualTo("87654321"));
	}

}
