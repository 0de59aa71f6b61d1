package dk.orghub.routes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.routes.run.Run;
import dk.orghub.routes.run.RunRepository;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.quartz.Scheduler;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hub instances (two application contexts) on one PostgreSQL database, with a sync
 * scheduled every two seconds: Quartz's clustered job store runs each fire time once, on
 * one of them. Needs {@code -Dhub.test.postgres.url}; skipped with a message without it,
 * unless {@code hub.test.postgres.required=true} (CI).
 */
class ClusteredSchedulesIT {

	private static final String URL = System.getProperty("hub.test.postgres.url", "");

	private static final int FIRES = 8;

	@Test
	void twoInstancesOnOneDatabaseRunEachFireTimeOnce() throws Exception {
		String missing = "hub.test.postgres.url is not set: the two-instance schedule test needs PostgreSQL";
		if (URL.isBlank() && Boolean.getBoolean("hub.test.postgres.required")) {
			throw new IllegalStateException("hub.test.postgres.required is set but " + missing);
		}
		if (URL.isBlank()) {
			System.err.println("[orghub] skipped: " + missing);
		}
		Assumptions.assumeFalse(URL.isBlank(), "skipped: " + missing);
		String schema = "sched_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		execute("CREATE SCHEMA " + schema);
		String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		ConfigurableApplicationContext a = null;
		ConfigurableApplicationContext b = null;
		try {
			a = start(url, "node-a");
			b = start(url, "node-b");
			assertThat(a.getBean(Scheduler.class).getMetaData().isJobStoreClustered()).isTrue();
			assertThat(b.getBean(Scheduler.class).getMetaData().isJobStoreClustered()).isTrue();
			RunRepository runs = a.getBean(RunRepository.class);
			Instant bothUp = Instant.now();

			List<Run> scheduled = await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> runs.scheduled("tick")
					.stream()
					.filter((r) -> r.fireTime().isAfter(bothUp))
					.filter((r) -> r.status() != dk.orghub.routes.run.RunStatus.RUNNING)
					.toList(), (list) -> list.size() >= FIRES);

			Map<Instant, Long> perFireTime = scheduled.stream()
				.collect(Collectors.groupingBy(Run::fireTime, Collectors.counting()));
			assertThat(perFireTime.values()).as("runs per fire time").containsOnly(1L);
			List<Instant> times = perFireTime.keySet().stream().sorted().toList();
			for (int i = 1; i < times.size(); i++) {
				assertThat(Duration.between(times.get(i - 1), times.get(i))).as("no fire time left out")
					.isEqualTo(Duration.ofSeconds(2));
			}
			assertThat(scheduled).extracting(Run::status).containsOnly(dk.orghub.routes.run.RunStatus.SUCCEEDED);
		}
		finally {
			if (b != null) {
				b.close();
			}
			if (a != null) {
				a.close();
			}
			execute("DROP SCHEMA " + schema + " CASCADE");
		}
	}

	private static ConfigurableApplicationContext start(String url, String node) {
		return new SpringApplicationBuilder(HubApplication.class, TickSource.class).run(
				"--spring.datasource.url=" + url, "--server.port=0", "--hub.syncs.tick.adapter=tick",
				"--hub.syncs.tick.cron=*/2 * * * * ?",
				"--spring.quartz.properties.org.quartz.scheduler.instanceId=" + node, "--camel.main.jmx-enabled=false",
				"--spring.jmx.enabled=false", "--management.endpoints.web.exposure.include=health");
	}

	private static void execute(String sql) throws SQLException {
		PGSimpleDataSource admin = new PGSimpleDataSource();
		admin.setURL(URL);
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** A source with nothing to deliver: each run is quick and changes nothing. */
	static class TickSource {

		@Bean
		SnapshotSource tick() {
			return new SnapshotSource() {

				@Override
				public String name() {
					return "tick";
				}

				@Override
				public SourceOwnership ownership() {
					return new SourceOwnership(Map.of());
				}

				@Override
				public Snapshot snapshot(SourceContext context) {
					return new Snapshot(Set.of(), null, List.of(), null);
				}
			};
		}

	}

}
