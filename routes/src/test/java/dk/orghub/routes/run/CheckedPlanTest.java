package dk.orghub.routes.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.InvariantViolationException;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestOrg;
import dk.orghub.core.testing.TestStores;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checking a plan against a real (in-memory H2) store: broken objects are set aside. */
class CheckedPlanTest {

	private final OrgStore store = TestStores.h2(new MutableClock(Instant.parse("2026-01-15T10:00:00Z")));

	private final OrgUnit root = TestOrg.unit("ROOT", "Root", null);

	private final OrgUnit orphan = TestOrg.unit("ORPHAN", "Orphan", UUID.randomUUID());

	private final OrgUnit childOfOrphan = TestOrg.unit("CHILD", "Child of the orphan", this.orphan.uuid());

	@Test
	void objectsBreakingARuleAreSetAsideInRoundsAndTheRestPasses() {
		ChangeSet plan = ChangeSet.by(Actor.source("test"))
			.put(this.root, Validity.from(TestOrg.START))
			.put(this.orphan, Validity.from(TestOrg.START))
			.put(this.childOfOrphan, Validity.from(TestOrg.START))
			.bind("test", ObjectType.ORG_UNIT, "ORPHAN", this.orphan.uuid())
			.build();

		CheckedPlan checked = CheckedPlan.check(plan, this.store::preview);

		assertThat(checked.failed()).containsOnlyKeys(this.orphan.uuid(), this.childOfOrphan.uuid());
		assertThat(checked.failed().get(this.orphan.uuid()).rule()).isEqualTo("within-parent");
		assertThat(checked.accepted().operations()).extracting(ChangeSet.Operation::uuid)
			.containsExactly(this.root.uuid());
		assertThat(checked.accepted().bindings()).isEmpty();
		assertThat(checked.preview().changes()).hasSize(1);
		ApplyResult applied = this.store.apply(checked.accepted());
		assertThat(applied.changes()).hasSize(1);
		assertThat(this.store.currentTimelines(OrgUnit.class, List.of(this.orphan.uuid(), this.root.uuid())))
			.containsOnlyKeys(this.root.uuid());
	}

	@Test
	void aPlanWithoutBrokenObjectsPassesWhole() {
		ChangeSet plan = ChangeSet.by(Actor.source("test")).put(this.root, Validity.from(TestOrg.START)).build();

		CheckedPlan checked = CheckedPlan.check(plan, this.store::preview);

		assertThat(checked.failed()).isEmpty();
		assertThat(checked.accepted().operations()).hasSize(1);
	}

	@Test
	void aViolationOfAnObjectThePlanDoesNotTouchFailsTheWholePlan() {
		ChangeSet plan = ChangeSet.by(Actor.source("test")).put(this.root, Validity.from(TestOrg.START)).build();
		InvariantViolationException elsewhere = new InvariantViolationException(
				List.of(new dk.orghub.core.store.Violation(ObjectType.ENGAGEMENT, UUID.randomUUID(), "E1",
						"within-unit", "the unit ends before the engagement")));

		assertThatThrownBy(() -> CheckedPlan.check(plan, (changes) -> {
			throw elsewhere;
		})).isSameAs(elsewhere);
	}

}
