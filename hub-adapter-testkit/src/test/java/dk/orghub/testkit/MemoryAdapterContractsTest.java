package dk.orghub.testkit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.core.spi.TargetObject;
import dk.orghub.testkit.MemorySystem.Flaw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs the contracts against in-memory adapters: a correct one passes every contract,
 * each flawed one fails the contract it breaks, and a missing capability skips.
 */
class MemoryAdapterContractsTest {

	@Test
	void aCorrectAdapterPassesEveryContract() {
		for (Class<?> contract : List.of(GoodSnapshot.class, GoodFeed.class, GoodConnectionless.class,
				GoodPublisher.class, GoodDeactivator.class, GoodReadBack.class)) {
			TestExecutionSummary summary = run(contract);
			assertThat(summary.getFailures()).as(contract.getSimpleName())
				.extracting(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
				.isEmpty();
			assertThat(summary.getTestsSucceededCount() + summary.getTestsAbortedCount()).as(contract.getSimpleName())
				.isPositive();
		}
		assertThat(run(GoodFeed.class).getTestsSucceededCount()).isEqualTo(4);
		assertThat(run(GoodPublisher.class).getTestsSucceededCount()).isEqualTo(2);
	}

	@Test
	void aFeedThatMissesChangesFails() {
		assertThat(failed(run(DeafFeed.class))).contains("reportsAChangeMadeAfterItsToken()", "resumesFromItsToken()");
	}

	@Test
	void aFeedThatReportsChangesAfterItsNewestTokenFails() {
		assertThat(failed(run(RestlessFeed.class))).contains("reportsNothingAfterItsNewestToken()");
	}

	@Test
	void aSnapshotWithADuplicateFails() {
		assertThat(failed(run(DuplicateSnapshot.class))).contains("snapshotIsWellFormed()");
	}

	@Test
	void aContractWithoutATargetSaysWhatIsMissing() {
		assertThat(run(Incomplete.class).getFailures()).singleElement()
			.satisfies(f -> assertThat(f.getException()).hasMessageContaining("must override createTarget()"));
	}

	@Test
	void aMissingCapabilitySkipsItsContractWithAMessage() {
		TestExecutionSummary connection = run(GoodConnectionless.class);
		assertThat(connection.getTestsAbortedCount()).isEqualTo(3);
		assertThat(connection.getTestsFailedCount()).isZero();
		TestExecutionSummary writeOnly = run(WriteOnlyPublisher.class);
		assertThat(writeOnly.getTestsAbortedCount()).isEqualTo(2);
		assertThat(writeOnly.getTestsSucceededCount()).isZero();
	}

	private static TestExecutionSummary run(Class<?> contract) {
		Launcher launcher = LauncherFactory.create();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		launcher.execute(request().selectors(selectClass(contract)).build(), listener);
		return listener.getSummary();
	}

	private static List<String> failed(TestExecutionSummary summary) {
		return summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName()).toList();
	}

	static class GoodSnapshot extends SnapshotSourceContract {

		@Override
		protected Adapter createAdapter() {
			return new MemorySystem.Source(new MemorySystem(5), Flaw.NONE);
		}

	}

	static class DuplicateSnapshot extends SnapshotSourceContract {

		@Override
		protected Adapter createAdapter() {
			return new MemorySystem.Source(new MemorySystem(5), Flaw.DUPLICATE);
		}

	}

	abstract static class MemoryFeed extends ChangeFeedSourceContract {

		private final MemorySystem system = new MemorySystem(5);

		@Override
		protected Adapter createAdapter() {
			return new MemorySystem.Source(this.system, flaw());
		}

		@Override
		protected void changeTheSource() {
			this.system.rename();
		}

		abstract Flaw flaw();

	}

	static class GoodFeed extends MemoryFeed {

		@Override
		Flaw flaw() {
			return Flaw.NONE;
		}

	}

	static class DeafFeed extends MemoryFeed {

		@Override
		Flaw flaw() {
			return Flaw.DEAF;
		}

	}

	static class RestlessFeed extends MemoryFeed {

		@Override
		Flaw flaw() {
			return Flaw.RESTLESS;
		}

	}

	/** The memory source cannot test a connection. */
	static class GoodConnectionless extends ConnectionTestableContract {

		@Override
		protected Adapter reachable() {
			return new MemorySystem.Source(new MemorySystem(1), Flaw.NONE);
		}

		@Override
		protected Adapter unreachable() {
			return reachable();
		}

	}

	static TargetObject<?> sample() {
		MemorySystem system = new MemorySystem(1);
		var unit = system.unit("U1");
		return new TargetObject<>(unit.type(), unit.uuid(), unit.timeline());
	}

	static class GoodPublisher extends ChangePublisherContract<TargetAdapter> {

		GoodPublisher() {
			super(() -> MemorySystem.target(true), target -> sample());
		}

	}

	/** Overrides the methods instead of passing them to the constructor. */
	static class WriteOnlyPublisher extends ChangePublisherContract<TargetAdapter> {

		@Override
		protected TargetAdapter createTarget() {
			return MemorySystem.target(false);
		}

		@Override
		protected TargetObject<?> sampleObject(TargetAdapter target) {
			return sample();
		}

	}

	static class GoodDeactivator extends DeactivatorContract<TargetAdapter> {

		GoodDeactivator() {
			super(() -> MemorySystem.target(true), target -> sample());
		}

	}

	static class GoodReadBack extends ReadBackContract<TargetAdapter> {

		GoodReadBack() {
			super(() -> MemorySystem.target(true), target -> sample());
		}

	}

	/** Neither overrides nor passes a target. */
	static class Incomplete extends ReadBackContract<TargetAdapter> {

	}

}
