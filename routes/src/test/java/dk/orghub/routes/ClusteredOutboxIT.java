package dk.orghub.routes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.adapters.sts.autoconfigure.StsOperations;
import dk.orghub.routes.run.Run;
import dk.orghub.routes.run.RunRepository;
import dk.orghub.routes.run.RunStatus;
import dk.orghub.routes.run.SyncRunner;
import dk.orghub.routes.run.Trigger;
import dk.orghub.samples.sts.LocalStsService;
import dk.orghub.samples.sts.StsRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hub instances (two application contexts) on one PostgreSQL database, both draining
 * the STS outbox into one local STS Organisation service. Rounds of small change sets (a
 * new phone number on each of a few units, one change set each, in a row through one
 * instance) are drained by whichever instance's timer comes first, under the lock of the
 * sync {@code sts-publish}. Afterwards every change is in STS, every object was written
 * exactly once per change (no {@code importer} of an existing UUID, no second
 * {@code ret}), the drains of both instances were runs that never overlapped, and a full
 * publish finds nothing left to send (so neither instance sent from a stale state). Needs
 * {@code -Dhub.test.postgres.url}; skipped with a message without it, unless
 * {@code hub.test.postgres.required=true} (CI).
 */
class ClusteredOutboxIT {

	private static final String URL = System.getProperty("hub.test.postgres.url", "");

	private static final String ORGANISATION = "3a87d4a6-4a2b-4bde-9d4b-6f0c1f8a3e07";

	private static final int UNITS = 6;

	private static final int MIN_ROUNDS = 4;

	private static final int MAX_ROUNDS = 12;

	@Test
	void twoInstancesDrainTheOutboxOneAtATimeAndSendEachChangeOnce() throws Exception {
		String missing = "hub.test.postgres.url is not set: the two-instance outbox test needs PostgreSQL";
		if (URL.isBlank() && Boolean.getBoolean("hub.test.postgres.required")) {
			throw new IllegalStateException("hub.test.postgres.required is set but " + missing);
		}
		if (URL.isBlank()) {
			System.err.println("[orghub] skipped: " + missing);
		}
		Assumptions.assumeFalse(URL.isBlank(), "skipped: " + missing);
		String schema = "outbox_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		execute("CREATE SCHEMA " + schema);
		String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		LocalStsService sts = LocalStsService.start(Clock.systemUTC());
		sts.seedOrganisation(UUID.fromString(ORGANISATION), "29189846", "Sample municipality");
		ConfigurableApplicationContext a = null;
		ConfigurableApplicationContext b = null;
		try {
			// a loads the demo municipality at its start; b finds the store filled. The
			// drain timers tick at different periods, so each instance wins some drains.
			a = start(url, "node-a", sts, "400ms");
			b = start(url, "node-b", sts, "650ms");
			RunRepository runs = a.getBean(RunRepository.class);
			JdbcTemplate jdbc = new JdbcTemplate(a.getBean(DataSource.class));
			SyncRunner runnerB = b.getBean(SyncRunner.class);
			StsOperations opsA = a.getBean(StsOperations.class);
			StsOperations opsB = b.getBean(StsOperations.class);

			// both full publishes at start are done and the municipality's load is
			// drained
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
				List<Run> publish = runs.list("sts-publish", null, 0, 10_000).items();
				assertThat(publish).filteredOn((r) -> r.trigger() == Trigger.STARTUP)
					.as(publish.toString())
					.hasSize(2)
					.allSatisfy((r) -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
				assertThat(publish).noneSatisfy((r) -> assertThat(r.status()).isEqualTo(RunStatus.RUNNING));
				assertThat(outbox(jdbc)).isZero();
			});
			assertThat(sts.registry().count(StsRegistry.Kind.ENHED)).isPositive();

			Api api = new Api(new TestRestTemplate(new RestTemplateBuilder()
				.rootUri("http://127.0.0.1:" + a.getEnvironment().getProperty("local.server.port"))));
			LocalDate today = LocalDate.now(Clock.systemUTC());
			List<String> units = items(api.get("/api/v1/org-units?limit=1000")).stream()
				.filter((u) -> !u.get("parent").isNull())
				.map((u) -> u.get("uuid").asText())
				.filter((u) -> sts.registry().exists(StsRegistry.Kind.ENHED, u))
				.limit(UNITS)
				.toList();
			assertThat(units).hasSize(UNITS);
			Map<String, Integer> unitWrites = new LinkedHashMap<>();
			units.forEach((u) -> unitWrites.put(u,
					sts.registry().get(StsRegistry.Kind.ENHED, u).orElseThrow().registrations()));
			Map<String, Long> answersBefore = sts.answers();
			Instant phase = Instant.now();

			// rounds of change sets in a row, each round drained before the next, until
			// both instances have drained some
			Map<String, List<String>> added = new LinkedHashMap<>();
			Map<String, String> phones = new LinkedHashMap<>();
			int rounds = 0;
			while (rounds < MIN_ROUNDS
					|| (rounds < MAX_ROUNDS && !(drainedSince(opsA, phase) && drainedSince(opsB, phase)))) {
				for (int i = 0; i < units.size(); i++) {
					String unit = units.get(i);
					String phone = String.format("+45 70 %02d %02d %02d", rounds, i, 11);
					ResponseEntity<JsonNode> created = api.exchange(HttpMethod.POST,
							"/api/v1/org-units/{uuid}/addresses",
							Map.of("addressType", "PHONE", "value", phone, "validFrom", today.minusDays(30).toString()),
							unit);
					assertThat(created.getStatusCode()).as(String.valueOf(created.getBody()))
						.isEqualTo(HttpStatus.CREATED);
					String address = created.getBody().get("uuid").asText();
					added.computeIfAbsent(unit, (k) -> new ArrayList<>()).add(address);
					phones.put(address, phone);
				}
				rounds++;
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> outbox(jdbc) == 0 && runs.list("sts-publish", RunStatus.RUNNING, 0, 1).total() == 0);
			}
			int changeSets = rounds * units.size();

			// both instances drained
			assertThat(drainedSince(opsA, phase)).as("instance a drained during the rounds").isTrue();
			assertThat(drainedSince(opsB, phase)).as("instance b drained during the rounds").isTrue();

			// every change is in STS: each new address with its number, each unit listing
			// all its new addresses
			phones.forEach((address, phone) -> {
				StsRegistry.Stored stored = sts.registry().get(StsRegistry.Kind.ADRESSE, address).orElse(null);
				assertThat(stored).as("address " + address + " in STS").isNotNull();
				assertThat(sts.registry().xml(StsRegistry.Kind.ADRESSE, stored.registration())).contains(phone);
				assertThat(stored.registrations()).as("writes of address " + address).isEqualTo(1);
			});
			added.forEach((unit, addresses) -> {
				StsRegistry.Stored enhed = sts.registry().get(StsRegistry.Kind.ENHED, unit).orElseThrow();
				String xml = sts.registry().xml(StsRegistry.Kind.ENHED, enhed.registration());
				assertThat(addresses).as("new addresses unit " + unit + " lacks in STS")
					.filteredOn((address) -> !xml.contains(address))
					.isEmpty();
				assertThat(enhed.registrations() - unitWrites.get(unit)).as("writes of unit " + unit)
					.isEqualTo(addresses.size());
			});

			// each changed object written once: one importer per new address (none of a
			// UUID STS already held), one ret per change of a unit, and as many writes as
			// the drain runs report
			Map<String, Long> answers = delta(answersBefore, sts.answers());
			assertThat(answers).as("writing calls answered by STS during the rounds")
				.containsOnlyKeys("importer 20", "ret 20")
				.containsEntry("importer 20", (long) changeSets)
				.containsEntry("ret 20", (long) changeSets);
			List<Run> changes = runs.list("sts-publish", null, 0, 10_000)
				.items()
				.stream()
				.filter((r) -> r.trigger() == Trigger.CHANGE && r.startedAt().isAfter(phase))
				.toList();
			assertThat(changes).isNotEmpty().allSatisfy((r) -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
			assertThat(changes.stream()
				.mapToLong((r) -> r.counts().created() + r.counts().changed() + r.counts().ended())
				.sum()).as("objects written by the drain runs").isEqualTo(2L * changeSets);
			assertThat(changes).allSatisfy((r) -> assertThat(r.counts().failed()).isZero());
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sts_quarantine", Integer.class)).isZero();

			// the runs of sts-publish (full publishes at start and drains, of both
			// instances) never overlapped
			List<Run> all = runs.list("sts-publish", null, 0, 10_000)
				.items()
				.stream()
				.sorted(Comparator.comparing(Run::startedAt).thenComparing(Run::id))
				.toList();
			for (int i = 1; i < all.size(); i++) {
				Run before = all.get(i - 1);
				Run after = all.get(i);
				assertThat(before.endedAt()).as("run " + before.id() + " ended").isNotNull();
				assertThat(after.startedAt()).as("run " + after.id() + " starts after run " + before.id() + " ended")
					.isAfterOrEqualTo(before.endedAt());
			}

			// what STS holds is what the hub holds: a full publish (on the other
			// instance) has nothing to send
			long callsBefore = sts.calls();
			Run full = await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.ignoreExceptions()
				.until(() -> runnerB.runNow("sts-publish", Trigger.MANUAL, "test", false), (r) -> r != null);
			assertThat(full.status()).as(String.valueOf(full.message())).isEqualTo(RunStatus.SUCCEEDED);
			assertThat(full.counts().created() + full.counts().changed() + full.counts().ended())
				.as("objects a full publish still sends: " + full.counts())
				.isZero();
			assertThat(sts.calls()).isEqualTo(callsBefore);
		}
		finally {
			if (b != null) {
				b.close();
			}
			if (a != null) {
				a.close();
			}
			sts.close();
			execute("DROP SCHEMA " + schema + " CASCADE");
		}
	}

	private static ConfigurableApplicationContext start(String url, String node, LocalStsService sts,
			String drainPeriod) {
		return new SpringApplicationBuilder(HubApplication.class).profiles("demo")
			.run("--spring.datasource.url=" + url, "--server.port=0", "--hub.demo.employees=100", "--hub.demo.seed=7",
					"--hub.targets.sts.base-url=" + sts.baseUrl(),
					"--hub.targets.sts.organisation-uuid=" + ORGANISATION, "--hub.targets.sts.cvr=29189846",
					"--hub.targets.sts.publish.start-delay=1s", "--hub.targets.sts.outbox.enabled=true",
					"--hub.targets.sts.outbox.period=" + drainPeriod, "--hub.targets.sts.receive-timeout=5s",
					"--hub.targets.sts.max-attempts=2", "--hub.targets.sts.initial-backoff=100ms",
					"--hub.targets.sts.max-backoff=200ms",
					"--spring.quartz.properties.org.quartz.scheduler.instanceId=" + node,
					"--camel.main.jmx-enabled=false", "--spring.jmx.enabled=false",
					"--management.endpoints.web.exposure.include=health");
	}

	private static boolean drainedSince(StsOperations operations, Instant since) {
		StsOperations.Last<?> last = operations.status().lastDrain();
		return last != null && last.started().isAfter(since);
	}

	private static int outbox(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM target_outbox WHERE target = 'sts-organisation'",
				Integer.class);
	}

	private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> result = new LinkedHashMap<>();
		after.forEach((key, count) -> {
			long d = count - before.getOrDefault(key, 0L);
			if (d != 0) {
				result.put(key, d);
			}
		});
		return result;
	}

	private static void execute(String sql) throws SQLException {
		PGSimpleDataSource admin = new PGSimpleDataSource();
		admin.setURL(URL);
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
