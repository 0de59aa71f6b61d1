package dk.orghub.testkit;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.PlanningTarget;
import dk.orghub.core.spi.TargetJob;
import dk.orghub.core.spi.TargetPlan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a {@link PlanningTarget}: its jobs have unique, valid names and locks
 * within the target; planning sends nothing (what the fake target holds is the same
 * before and after every job plans); and a plan made twice with nothing changed is the
 * same plan. Skipped when the adapter is no planning target.
 */
public abstract class PlanningTargetContract {

	private static final String NAME = "[a-z0-9]+(-[a-z0-9]+)*";

	/** The target of the running test. */
	protected PlanningTarget target;

	/**
	 * A target configured against its fake system, with the hub's data it plans from in
	 * place. Called once per test.
	 */
	protected abstract Adapter createTarget();

	/**
	 * What the fake target system holds now, as a value whose {@code equals} tells two
	 * states apart: the files in the folder a target writes, the objects of a fake
	 * service, the calls it received.
	 */
	protected abstract Object targetState();

	@BeforeEach
	void createPlanningTarget() {
		this.target = Capability.require(createTarget(), PlanningTarget.class);
	}

	@AfterEach
	void closeTarget() {
		if (this.target != null) {
			this.target.close();
		}
	}

	@Test
	void jobsHaveUniqueNamesAndLocksOfTheTarget() {
		List<TargetJob> jobs = this.target.jobs();
		assertThat(jobs).as("the jobs of '%s'", this.target.name()).isNotEmpty();
		Set<String> names = new HashSet<>();
		for (TargetJob job : jobs) {
			assertThat(job.name()).as("a job's name").matches(NAME);
			assertThat(names.add(job.name())).as("job name '%s' is unique", job.name()).isTrue();
			assertThat(job.description()).as("the description of '%s'", job.name()).isNotBlank();
		}
		for (TargetJob job : jobs) {
			assertThat(names).as("the lock of '%s' is one of the target's jobs", job.name()).contains(job.lock());
		}
	}

	@Test
	void planningSendsNothing() {
		Object before = targetState();
		for (TargetJob job : this.target.jobs()) {
			job.planner().plan();
			assertThat(targetState()).as("what the target holds after '%s' planned", job.name()).isEqualTo(before);
		}
	}

	@Test
	void aPlanMadeTwiceWithNothingChangedIsTheSame() {
		for (TargetJob job : this.target.jobs()) {
			PlanView first = new PlanView(job.planner().plan());
			PlanView second = new PlanView(job.planner().plan());
			assertThat(second).as("the plan of '%s' made again", job.name()).isEqualTo(first);
		}
	}

	/** What a plan says it would do, comparable. */
	private record PlanView(int read, int unchanged, List<?> changes, Object held, Object ending) {

		PlanView(TargetPlan plan) {
			this(plan.read(), plan.unchanged(), Objects.requireNonNull(plan.changes(), "changes"), plan.held(),
					plan.ending());
		}

	}

}
