package dk.orghub.testkit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import dk.orghub.core.spi.Adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs the file-source and planning-target contracts against in-memory adapters: correct
 * ones pass, each flawed one fails the test of what it breaks, and an adapter without the
 * capability skips.
 */
class FileAndPlanningContractsTest {

	@Test
	void aCorrectFileSourcePassesItsContract() {
		TestExecutionSummary summary = run(GoodInbox.class);
		assertThat(failed(summary)).isEmpty();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(5);
	}

	@Test
	void aFileSourceWhosePlanWritesFails() {
		assertThat(failed(run(WritingPlanInbox.class))).contains("planningWritesNothingAndLeavesTheFileWaiting()");
	}

	@Test
	void aCorrectPlanningTargetPassesItsContract() {
		TestExecutionSummary summary = run(GoodJobs.class);
		assertThat(failed(summary)).isEmpty();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
	}

	@Test
	void aPlannerThatSendsFails() {
		assertThat(failed(run(SendingJobs.class))).containsExactly("planningSendsNothing()");
	}

	@Test
	void jobsOfOneNameFail() {
		assertThat(failed(run(SameNamedJobs.class))).containsExactly("jobsHaveUniqueNamesAndLocksOfTheTarget()");
	}

	@Test
	void aSourceThatIsNoFileSourceOrPlanningTargetSkips() {
		TestExecutionSummary files = run(NotAnInbox.class);
		assertThat(files.getTestsAbortedCount()).isEqualTo(5);
		assertThat(files.getTestsFailedCount()).isZero();
		TestExecutionSummary jobs = run(NotPlanning.class);
		assertThat(jobs.getTestsAbortedCount()).isEqualTo(3);
		assertThat(jobs.getTestsFailedCount()).isZero();
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

	abstract static class Inbox extends FileSourceContract {

		private final MemorySystem system = new MemorySystem(4);

		private MemoryInbox inbox;

		@Override
		protected Adapter createAdapter() {
			this.inbox = new MemoryInbox(this.system, this.store, flaw());
			return this.inbox;
		}

		@Override
		protected void deliverFile() {
			this.inbox.deliver();
		}

		abstract MemoryInbox.Flaw flaw();

	}

	static class GoodInbox extends Inbox {

		@Override
		MemoryInbox.Flaw flaw() {
			return MemoryInbox.Flaw.NONE;
		}

	}

	static class WritingPlanInbox extends Inbox {

		@Override
		MemoryInbox.Flaw flaw() {
			return MemoryInbox.Flaw.WRITING_PLAN;
		}

	}

	static class NotAnInbox extends FileSourceContract {

		@Override
		protected Adapter createAdapter() {
			return new MemorySystem.Source(new MemorySystem(1), MemorySystem.Flaw.NONE);
		}

		@Override
		protected void deliverFile() {
		}

	}

	abstract static class Jobs extends PlanningTargetContract {

		private MemoryJobs jobs;

		@Override
		protected Adapter createTarget() {
			this.jobs = new MemoryJobs(new MemorySystem(3), flaw());
			return this.jobs;
		}

		@Override
		protected Object targetState() {
			return this.jobs.written();
		}

		abstract MemoryJobs.Flaw flaw();

	}

	static class GoodJobs extends Jobs {

		@Override
		MemoryJobs.Flaw flaw() {
			return MemoryJobs.Flaw.NONE;
		}

	}

	static class SendingJobs extends Jobs {

		@Override
		MemoryJobs.Flaw flaw() {
			return MemoryJobs.Flaw.SENDING_PLANNER;
		}

	}

	static class SameNamedJobs extends Jobs {

		@Override
		MemoryJobs.Flaw flaw() {
			return MemoryJobs.Flaw.SAME_NAMES;
		}

	}

	static class NotPlanning extends PlanningTargetContract {

		@Override
		protected Adapter createTarget() {
			return new MemorySystem.Source(new MemorySystem(1), MemorySystem.Flaw.NONE);
		}

		@Override
		protected Object targetState() {
			return List.of();
		}

	}

}
