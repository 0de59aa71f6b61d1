package dk.orghub.routes.sync;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dk.orghub.core.spi.TargetAdapter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** How a target's syncs join the registry, and a target's change operation. */
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
			assertThat(((TargetSync) sync).run().created()).isEqualTo(2);
			assertThat(((TargetSync) sync).changesWaiting()).isFalse();
			assertThat(((TargetSync) sync).change()).isNull();
		});
	}

	@Test
	void aChangeOperationRunsOnlyWhenSomethingWaits() {
		int[] waiting = { 0 };
		TargetSync sync = new TargetSync("a-publish", this.target, settings(null), TargetSyncOutcomes::two,
				() -> new TargetSync.Outcome(1, 1, 0, 0, 0, 0, null), () -> waiting[0] > 0);
		assertThat(sync.changesWaiting()).isFalse();
		waiting[0] = 3;
		assertThat(sync.changesWaiting()).isTrue();
		assertThat(sync.change().created()).isEqualTo(1);
	}

	@Test
	void aBadCronOrATargetInHubSyncsStopsTheStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SyncRegistry(Map.of(), Map.of(), List.of(sync("a-publish", "nightly"))))
			.withMessageContaining("a-publish")
			.withMessageContaining("nightly");
		assertThatIllegalStateException()
			.isThrownBy(() -> new SyncRegistry(Map.of("own", settings(null)), Map.of("target", this.target), List.of()))
			.withMessageContaining("is a target");
	}

	private TargetSync sync(String name, String cron) {
		return new TargetSync(name, this.target, settings(cron), TargetSyncOutcomes::two, null, null);
	}

	private static SyncProperties.SyncSettings settings(String cron) {
		return new SyncProperties.SyncSettings("a-target", null, cron, ZoneId.of("Europe/Copenhagen"), false,
				new SyncProperties.Thresholds(false, 1.0, 0));
	}

	private static final class TargetSyncOutcomes {

		static TargetSync.Outcome two() {
			return new TargetSync.Outcome(5, 2, 1, 0, 2, 0, null);
		}

	}

}
