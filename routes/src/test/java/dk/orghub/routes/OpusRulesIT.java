package dk.orghub.routes;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.rules.PrimaryEngagementRule;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.routes.run.Run;
import dk.orghub.routes.run.RunStatus;
import dk.orghub.routes.run.SyncRunner;
import dk.orghub.routes.run.Trigger;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.opus.OpusDump;
import dk.orghub.samples.opus.OpusDumpWriter;
import dk.orghub.samples.opus.OpusSampleDumps;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub runs the business rules on an OPUS dump in its own step
 * ({@code sync-opus-rules}), with the new key {@code hub.sources.opus.rules.*} over
 * OPUS's settings: switched to the highest occupation rate, each employee of the sample
 * municipality with several jobs has the one with most hours as primary, where OPUS's
 * default (the engagement type order) would pick another for some of them.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:opus-rules-it;DB_CLOSE_DELAY=-1",
		"camel.main.name=opus-rules-it", "spring.quartz.scheduler-name=opus-rules-it",
		"hub.sources.opus.primary-rule=ENGAGEMENT_TYPE_ORDER",
		"hub.sources.opus.rules.primary-engagement=highest-fraction" })
class OpusRulesIT {

	private static final Municipality MUNICIPALITY = MunicipalityGenerator.generate(20140501L, 400);

	private static final TestInbox INBOX = TestInbox.create("opus-rules-it");

	@Autowired
	private SyncRunner runner;

	@Autowired
	private OrgStore store;

	@Autowired
	private CamelContext camel;

	@DynamicPropertySource
	static void opus(DynamicPropertyRegistry registry) {
		registry.add("hub.sources.opus.municipality-key",
				() -> MUNICIPALITY.organisation().latest().orElseThrow().cvr());
		registry.add("hub.sources.opus.inbox", () -> INBOX.path().toString());
	}

	@AfterAll
	static void deleteInbox() throws IOException {
		INBOX.delete();
	}

	@Test
	void theRulesStepChoosesThePrimaryEngagementByTheSourcesRulesSetting() {
		assertThat(this.camel.getProcessor("sync-opus-rules")).as("the rules are a step of the sync's route")
			.isNotNull();
		OpusDump dump = OpusSampleDumps.first(MUNICIPALITY);
		OpusDumpWriter.write(dump, INBOX.path());

		Run run = this.runner.runNow("opus", Trigger.MANUAL, "tester", false);

		assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.SUCCEEDED);
		LocalDate date = MUNICIPALITY.referenceDate();
		Map<UUID, List<Engagement>> byPerson = new HashMap<>();
		for (var version : this.store
			.list(Query.of(Engagement.class, ReadPoint.of(date, Instant.now(), Clock.systemUTC())).page(0, 100_000))
			.items()) {
			byPerson.computeIfAbsent(version.value().person(), (p) -> new ArrayList<>()).add(version.value());
		}
		Comparator<Engagement> byFraction = PrimaryEngagementRule.byHighestFraction();
		Comparator<Engagement> byType = PrimaryEngagementRule
			.byEngagementTypeOrder(List.of("Månedslønnet", "Timelønnet", "Vikar", "Fleksjob", "Elev")
				.stream()
				.map((t) -> DefaultClasses.classUuid(DefaultClasses.ENGAGEMENT_TYPE, t))
				.toList());
		int several = 0;
		int differ = 0;
		for (List<Engagement> jobs : byPerson.values()) {
			assertThat(jobs.stream().filter(Engagement::primary)).as("one primary job per person").hasSize(1);
			if (jobs.size() < 2) {
				continue;
			}
			several++;
			Engagement primary = jobs.stream().filter(Engagement::primary).findFirst().orElseThrow();
			Engagement mostHours = jobs.stream().min(byFraction).orElseThrow();
			assertThat(fraction(primary)).isEqualByComparingTo(fraction(mostHours));
			if (!jobs.stream().min(byType).orElseThrow().uuid().equals(primary.uuid())) {
				differ++;
			}
		}
		assertThat(several).as("employees with several jobs in the sample").isPositive();
		assertThat(differ).as("employees whose primary job the setting changed").isPositive();
	}

	private static BigDecimal fraction(Engagement engagement) {
		return (engagement.fraction() != null) ? engagement.fraction() : BigDecimal.ZERO;
	}

}
