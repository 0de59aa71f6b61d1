package dk.orghub.routes.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.orghub.core.outbox.OutboxDrain;
import dk.orghub.core.outbox.TargetOutbox;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.PlanningTarget;
import dk.orghub.core.spi.TargetFailure;
import dk.orghub.core.spi.TargetJob;
import dk.orghub.core.spi.TargetObject;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.spi.TargetPlan;
import dk.orghub.core.spi.TargetQuarantine;
import dk.orghub.core.store.JdbcOrgStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which sync drains a target's outbox: one the hub makes, {@code <target>-changes}, with
 * the outbox's quarantine; or the job of its own the target names, keeping its
 * quarantine; a name that is none of its jobs stops the start.
 */
class SyncRegistryOutboxTest {

	private final Clock clock = Clock.systemUTC();

	private final JdbcDataSource db = new JdbcDataSource();

	private final SyncRegistry.Drains drains = (target, keepRefused) -> new OutboxDrain(
			new TargetOutbox(this.db, this.clock, () -> List.of(target)), new JdbcOrgStore(this.db, this.clock), target,
			this.clock, keepRefused);

	@Test
	void aChangePublisherGetsTheHubsSyncWithTheOutboxsQuarantine() {
		ChangePublisher school = new ChangePublisher() {

			@Override
			public String name() {
				return "school";
			}

			@Override
			public void publish(TargetObject<?> object) {
			}

		};

		SyncRegistry registry = new SyncRegistry(Map.of(), Map.of("school", school), this.drains);

		TargetSync sync = (TargetSync) registry.find("school-changes").orElseThrow();
		assertThat(sync.adapter()).isSameAs(school);
		assertThat(sync.job().changes().every()).isEqualTo(Duration.ofSeconds(1));
		assertThat(sync.quarantine()).isNotNull();
		assertThat(sync.settings().thresholds().enabled()).as("committed change sets were checked").isFalse();
		assertThat(registry.all()).hasSize(1);
	}

	@Test
	void aPublisherThatDrainsNowhereGetsNoChangeRoute() {
		ChangePublisher quiet = new ChangePublisher() {

			@Override
			public String name() {
				return "quiet";
			}

			@Override
			public Outbox outbox() {
				return new Outbox(null, Duration.ofSeconds(5), 100, false);
			}

			@Override
			public void publish(TargetObject<?> object) {
			}

		};

		TargetSync sync = (TargetSync) new SyncRegistry(Map.of(), Map.of("quiet", quiet), this.drains)
			.find("quiet-changes")
			.orElseThrow();

		assertThat(sync.job().changes()).as("another instance drains").isNull();
	}

	@Test
	void aPlanningTargetHasItsOutboxDrainedByTheJobItNamesKeepingItsQuarantine() {
		PlanningPublisher target = new PlanningPublisher("own-publish");

		SyncRegistry registry = new SyncRegistry(Map.of(), Map.of("own", target), this.drains);

		assertThat(registry.all()).extracting(Sync::name).containsExactly("own-publish");
		TargetSync sync = (TargetSync) registry.find("own-publish").orElseThrow();
		assertThat(sync.job().changes().every()).isEqualTo(Duration.ofMillis(500));
		assertThat(sync.quarantine()).isSameAs(PlanningPublisher.QUARANTINE);
	}

	@Test
	void anOutboxSyncThatIsNoneOfTheTargetsJobsStopsTheStart() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> new SyncRegistry(Map.of(), Map.of("own", new PlanningPublisher("elsewhere")), this.drains))
			.withMessageContaining("'elsewhere', which is none of its own");
	}

	private static final class NothingToSend implements TargetPlan {

		@Override
		public int read() {
			return 0;
		}

		@Override
		public TargetOutcome send() {
			return new TargetOutcome(0, 0, 0, 0, 0, 0, null);
		}

	}

	/** A target with one job of its own, which it names to drain its outbox. */
	private static final class PlanningPublisher implements ChangePublisher, PlanningTarget {

		static final TargetQuarantine QUARANTINE = new TargetQuarantine() {

			@Override
			public List<TargetFailure> held() {
				return List.of();
			}

			@Override
			public TargetPlan retry(java.util.Set<UUID> objects) {
				return new NothingToSend();
			}

		};

		private final String drainedBy;

		PlanningPublisher(String drainedBy) {
			this.drainedBy = drainedBy;
		}

		@Override
		public String name() {
			return "own";
		}

		@Override
		public Outbox outbox() {
			return new Outbox(this.drainedBy, Duration.ofMillis(500), 1000, true);
		}

		@Override
		public List<TargetJob> jobs() {
			return List.of(TargetJob.of("own-publish", "Publishes", "0 30 1 * * ?", NothingToSend::new)
				.withQuarantine(QUARANTINE));
		}

		@Override
		public void publish(TargetObject<?> object) {
		}

	}

}
