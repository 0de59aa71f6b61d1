package dk.orghub.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.samples.ldap.SampleAccount;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.opus.OpusDump;
import dk.orghub.samples.opus.OpusDumpWriter;
import dk.orghub.samples.opus.OpusEmployeeRecord;
import dk.orghub.samples.opus.OpusSampleDumps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's e-mail and phone come from payroll (OPUS) and from the directory (the sample
 * AD): each is one address, and {@code hub.field-policy} decides per address type whose
 * value it holds. With e-mail from AD and phone from OPUS the person has AD's e-mail and
 * OPUS's phone; after a restart with the policy the other way round, AD's next run gives
 * the phone and OPUS's next dump the e-mail. When AD stops delivering the phone it stays,
 * and OPUS's next dump gives it OPUS's value.
 */
class SharedAddressPolicyIT {

	private static final Municipality MUNICIPALITY = MunicipalityGenerator.generate(20250101L, 100);

	private static final String CVR = MUNICIPALITY.organisation().latest().orElseThrow().cvr();

	private static final SampleAccounts ACCOUNTS = SampleAccounts.of(MUNICIPALITY);

	private static final SampleLdapServer DIRECTORY = SampleLdapServer.start(SampleDirectory.activeDirectory(),
			ACCOUNTS);

	private static final UUID EMAIL = DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, "EMAIL");

	private static final UUID PHONE = DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, "PHONE");

	private static final String OPUS_MAIL = "fra.loen@kommune.dk";

	private static final String OPUS_PHONE = "44556677";

	private static final String AD_MAIL = "fra.ad@samplekommune.example";

	private final TestInbox inbox = TestInbox.create("shared-address-it");

	@AfterAll
	static void stopDirectory() {
		DIRECTORY.close();
	}

	@Test
	void theFieldPolicyPicksTheSourceOfEachAddressTypeAndFlipsOnTheNextRuns() throws IOException {
		OpusDump first = OpusSampleDumps.first(MUNICIPALITY);
		SampleAccount account = ACCOUNTS.of(SampleAccount.Kind.EMPLOYEE)
			.stream()
			.filter((a) -> a.enabled() && a.mail() != null && a.phone() != null
					&& ACCOUNTS.ofPerson(a.person()).size() == 1
					&& first.employees().stream().anyMatch((e) -> a.cpr().equals(e.cpr()) && e.action() == null))
			.findFirst()
			.orElseThrow();
		DIRECTORY.modify(account.accountName(), "mail", AD_MAIL);
		try {
			String person;
			try (ConfigurableApplicationContext hub = start("ad", "opus")) {
				Api api = api(hub);
				this.inbox.drop(withContacts(first, account.cpr()));
				assertThat(api.awaitRun("opus", 1).get("status").asText()).isEqualTo("SUCCEEDED");
				person = personOf(api, first, account.cpr());
				assertThat(addresses(api, person, EMAIL)).containsExactly(OPUS_MAIL);
				assertThat(addresses(api, person, PHONE)).containsExactly(OPUS_PHONE);

				runAd(api, 1);
				assertThat(addresses(api, person, EMAIL)).as("e-mail from AD").containsExactly(AD_MAIL);
				assertThat(addresses(api, person, PHONE)).as("phone from OPUS").containsExactly(OPUS_PHONE);
			}
			try (ConfigurableApplicationContext hub = start("opus", "ad")) {
				Api api = api(hub);
				DIRECTORY.modify(account.accountName(), "title", "Konsulent");
				runAd(api, 2);
				assertThat(addresses(api, person, PHONE)).as("phone from AD now").containsExactly(account.phone());
				assertThat(addresses(api, person, EMAIL)).as("AD's e-mail until OPUS delivers again")
					.containsExactly(AD_MAIL);

				OpusDump next = new OpusDump(first.exportedAt().plusDays(1), first.client(), first.units(),
						first.employees());
				this.inbox.drop(withContacts(next, account.cpr()));
				assertThat(api.awaitRun("opus", 2).get("status").asText()).isEqualTo("SUCCEEDED");
				assertThat(addresses(api, person, EMAIL)).as("e-mail from OPUS now").containsExactly(OPUS_MAIL);
				assertThat(addresses(api, person, PHONE)).containsExactly(account.phone());

				// the winner of the phone stops delivering it: the phone stays, OPUS's
				// again
				DIRECTORY.modify(account.accountName(), "telephoneNumber", null);
				runAd(api, 3);
				assertThat(addresses(api, person, PHONE)).as("kept while OPUS delivers it")
					.containsExactly(account.phone());
				OpusDump third = new OpusDump(first.exportedAt().plusDays(2), first.client(), first.units(),
						first.employees());
				this.inbox.drop(withContacts(third, account.cpr()));
				assertThat(api.awaitRun("opus", 3).get("status").asText()).isEqualTo("SUCCEEDED");
				assertThat(addresses(api, person, PHONE)).as("OPUS's phone").containsExactly(OPUS_PHONE);
				assertThat(addresses(api, person, EMAIL)).containsExactly(OPUS_MAIL);
			}
		}
		finally {
			this.inbox.delete();
		}
	}

	private ConfigurableApplicationContext start(String email, String phone) {
		SampleDirectory directory = DIRECTORY.directory();
		return new SpringApplicationBuilder(HubApplication.class).run(
				"--spring.datasource.url=jdbc:h2:mem:shared-address-it;DB_CLOSE_DELAY=-1", "--server.port=0",
				"--camel.main.name=shared-address-it", "--spring.quartz.scheduler-name=shared-address-it",
				"--camel.main.jmx-enabled=false", "--spring.jmx.enabled=false",
				"--hub.field-policy.[ADDRESS[EMAIL].value]=" + email,
				"--hub.field-policy.[ADDRESS[PHONE].value]=" + phone, "--hub.sources.opus.municipality-key=" + CVR,
				"--hub.sources.opus.inbox=" + this.inbox.path(), "--hub.sources.opus.poll-cron=* * * * * ?",
				"--hub.syncs.ad.adapter=ad", "--hub.sources.ad.mode=ad", "--hub.sources.ad.url=" + DIRECTORY.url(),
				"--hub.sources.ad.bind-dn=" + directory.bindDn(),
				"--hub.sources.ad.password=" + SampleDirectory.BIND_PASSWORD,
				"--hub.sources.ad.base-dns=" + directory.baseDn());
	}

	private static Api api(ConfigurableApplicationContext hub) {
		String port = hub.getEnvironment().getProperty("local.server.port");
		return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
	}

	/** The dump with the person's records carrying an e-mail and a work phone. */
	private Path withContacts(OpusDump dump, String cpr) throws IOException {
		List<OpusEmployeeRecord> employees = new ArrayList<>();
		for (OpusEmployeeRecord e : dump.employees()) {
			employees.add(!cpr.equals(e.cpr()) ? e
					: new OpusEmployeeRecord(e.id(), e.lastChanged(), e.action(), e.entryDate(), e.leaveDate(), e.cpr(),
							e.firstName(), e.lastName(), OPUS_MAIL, e.workContract(), e.workContractText(),
							e.positionId(), e.position(), e.isManager(), e.superiorLevel(), e.subordinateLevel(),
							e.orgUnit(), e.numerator(), e.denominator()));
		}
		Path file = OpusDumpWriter.write(new OpusDump(dump.exportedAt(), dump.client(), dump.units(), employees),
				this.inbox.staging());
		// the sample records have no <workPhone>: it follows <email> as in a real dump
		String xml = Files.readString(file, StandardCharsets.UTF_8);
		String email = "<email>" + OPUS_MAIL + "</email>";
		assertThat(xml).contains(email);
		Files.writeString(file, xml.replace(email, email + "\n    <workPhone>" + OPUS_PHONE + "</workPhone>"),
				StandardCharsets.UTF_8);
		return file;
	}

	/** The person of the employee's first employment in the dump. */
	private static String personOf(Api api, OpusDump dump, String cpr) {
		String employment = dump.employees().stream().filter((e) -> cpr.equals(e.cpr())).findFirst().orElseThrow().id();
		List<JsonNode> found = items(api.get("/api/v1/engagements?userKey={key}", employment));
		assertThat(found).isNotEmpty();
		return found.get(0).get("person").asText();
	}

	/** The values of the person's addresses of a type valid today. */
	private static List<String> addresses(Api api, String person, UUID type) {
		return items(api.get("/api/v1/addresses?owner={person}&limit=100", person)).stream()
			.filter((a) -> type.toString().equals(a.get("addressType").asText()))
			.map((a) -> a.get("value").asText())
			.toList();
	}

	private static void runAd(Api api, int count) {
		Api operator = new Api(api.rest(), Api.OPERATOR, Api.OPERATOR_PASSWORD);
		assertThat(operator.exchange(HttpMethod.POST, "/api/v1/syncs/ad/run", null).getStatusCode())
			.isEqualTo(HttpStatus.ACCEPTED);
		assertThat(api.awaitRun("ad", count).get("status").asText()).isEqualTo("SUCCEEDED");
	}

}
