package dk.orghub.routes.sync;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dk.orghub.core.spi.PlanningTarget;
import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.core.spi.TargetJob;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.spi.TargetPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How a target's syncs join the registry, how {@code hub.syncs} sets their schedule and
 * thresholds, and a target's change operation.
 */
class SyncRegistryTargetTest {

	private final TargetAdapter target = () -> "a-target";

	@Test
	void aTargetSyncIsAPublishSyncOfItsTarget() {
		SyncRegistry registry = new SyncRegistry(Map.of(), Map.of("target", this.target),
				List.of(sync("a-publish", "0 30 1 * * ?")));
		assertThat(registry.find("a-publish")).hasValueSatisfying((sync) -> {
			assertThat(sync).isInstanceOf(TargetSync.class);
			assertThat(sync.kind()).isEqualTo(SyncKind.PUBLISH);
			assertThat(sync.adapter()).isSameAs(this.target);
			assertThat(sync.settings().cron()).isEqualTo("0 30 1 * * ?");
			assertThat(((TargetSync) sync).plan().send().created()).isEqualTo(2);
			assertThat(((TargetSync) sync).changesWaiting()).isFalse();
			assertThat(((TargetSync) sync).change()).isNull();
		});
	}

	@Test
	void anEntryOfHubSyncsSetsTheScheduleAndThresholdsOfATargetsSync() {
		SyncProperties.SyncSettings configured = new SyncProperties.SyncSettings("a-target", "Nightly at three",
				"0 0 3 * * ?", ZoneId.of("UTC"), true, new SyncProperties.Thresholds(true, 0.01, 5));
		SyncRegistry registry = new SyncRegistry(Map.of("a-publish", configured), Map.of("target", this.target),
				List.of(sync("a-publish", "0 30 1 * * ?")));

		SyncProperties.SyncSettings settings = registry.find("a-publish").orElseThrow().settings();
		assertThat(settings.cron()).isEqualTo("0 0 3 * * ?");
		assertThat(settings.timeZone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(settings.paused()).isTrue();
		assertThat(settings.thresholds().endedShare()).isEqualTo(0.01);
		assertThat(registry.all()).hasSize(1);
	}

	@Test
	void anEntryOfHubSyncsForATargetMustNameOneOfItsSyncs() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SyncRegistry(Map.of("own", settings(null)), Map.of("target", this.target),
					List.of(sync("a-publish", null))))
			.withMessageContaining("hub.syncs.own")
			.withMessageContaining("is a target")
			.withMessageContaining("a-publish");
		assertThatIllegalStateException()
			.isThrownBy(() -> new SyncRegistry(Map.of("own", settings(null)), Map.of("target", this.target), List.of()))
			.withMessageContaining("is a target");
	}

	@Test
	void aChangeOperationRunsOnlyWhenSomethingWaits() {
		int[] waiting = { 0 };
		TargetSync sync = new TargetSync("a-publish", this.target, settings(null), TwoCreated::new,
				() -> new TargetOutcome(1, 1, 0, 0, 0, 0, null), () -> waiting[0] > 0);
		assertThat(sync.changesWaiting()).isFalse();
		waiting[0] = 3;
		assertThat(sync.changesWaiting()).isTrue();
		assertThat(sync.change().created()).isEqualTo(1);
	}

	@Test
	void aBadCronStopsTheStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SyncRegistry(Map.of(), Map.of(), List.of(sync("a-publish", "nightly"))))
			.withMessageContaining("a-publish")
			.withMessageContaining("nightly");
		assertThatIllegalStateException()
			.isThrownBy(() -> new SyncRegistry(Map.of("a-publish", settings("every night")),
					Map.of("target", this.target), List.of(sync("a-publish", null))))
			.withMessageContaining("hub.syncs.a-publish.cron");
	}

	@Test
	void aPlanningTargetsJobsAreItsSyncsWithTheJobsDefaults() {
		int[] waiting = { 0 };
		PlanningTarget planning = new PlanningTarget() {

			@Override
			public String name() {
				return "a-planner";
			}

			@Override
			public List<TargetJob> jobs() {
				return List.of(
						TargetJob.of("a-publish", "Publishes", "0 30 1 * * ?", TwoCreated::new)
							.withChanges(() -> new TargetOutcome(1, 1, 0, 0, 0, 0, null), () -> waiting[0] > 0,
									Duration.ofMillis(500)),
						TargetJob.of("a-file", "Writes a file", "0 0 5 * * ?", TwoCreated::new)
							.inZone(ZoneId.of("UTC"))
							.unguarded()
							.sharingLockOf("a-publish"));
			}

		};
		SyncRegistry registry = new SyncRegistry(Map.of(), Map.of("planner", planning));

		TargetSync publish = (TargetSync) registry.find("a-publish").orElseThrow();
		assertThat(publish.adapter()).isSameAs(planning);
		assertThat(publish.settings().description()).isEqualTo("Publishes");
		assertThat(publish.settings().timeZone()).isEqualTo(ZoneId.of("Europe/Copenhagen"));
		assertThat(publish.settings().thresholds().enabled()).isTrue();
		assertThat(publish.lock()).isEqualTo("a-publish");
		assertThat(publish.changesWaiting()).isFalse();
		waiting[0] = 1;
		assertThat(publish.changesWaiting()).isTrue();
		assertThat(publish.change().created()).isEqualTo(1);

		TargetSync file = (TargetSync) registry.find("a-file").orElseThrow();
		assertThat(file.settings().cron()).isEqualTo("0 0 5 * * ?");
		assertThat(file.settings().timeZone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(file.settings().thresholds().enabled()).isFalse();
		assertThat(file.lock()).isEqualTo("a-publish");
		assertThat(file.change()).isNull();
		assertThat(file.plan().send().created()).isEqualTo(2);
	}

	private TargetSync sync(String name, String cron) {
		return new TargetSync(name, this.target, settings(cron), TwoCreated::new, null, null);
	}

	private static SyncProperties.SyncSettings settings(String cron) {
		return new SyncProperties.SyncSettings("a-target", null, cron, ZoneId.of("Europe/Copenhagen"), false,
				new SyncProperties.Thresholds(false, 1.0, 0));
	}

	/** A plan that sends nothing anywhere and says it created two objects. */
	private static final class TwoCreated implements TargetPlan {

		@Override
		public int read() {
			return 5;
		}

		@Override
		public int unchanged() {
			return 2;
		}

		@Override
		public TargetOutcome send() {
			return new TargetOutcome(5, 2, 1, 0, 2, 0, null);
		}

	}

}
