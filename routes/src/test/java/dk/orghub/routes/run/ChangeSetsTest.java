package dk.orghub.routes.run;

import java.util.Set;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.testing.TestOrg;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeSetsTest {

	private final OrgUnit a = TestOrg.unit("A", "A", null);

	private final OrgUnit b = TestOrg.unit("B", "B", this.a.uuid());

	private final ChangeSet plan = ChangeSet.by(Actor.source("opus"))
		.note("full snapshot")
		.put(this.a, Validity.from(TestOrg.START))
		.put(this.b, Validity.from(TestOrg.START))
		.bind("opus", ObjectType.ORG_UNIT, "a", this.a.uuid())
		.bind("opus", ObjectType.ORG_UNIT, "b", this.b.uuid())
		.token("opus", "42")
		.build();

	@Test
	void withoutDropsTheObjectsOperationsAndBindingsButKeepsTheToken() {
		ChangeSet rest = ChangeSets.without(this.plan, Set.of(this.b.uuid()));

		assertThat(rest.actor()).isEqualTo(this.plan.actor());
		assertThat(rest.note()).isEqualTo("full snapshot");
		assertThat(rest.operations()).extracting(ChangeSet.Operation::uuid).containsExactly(this.a.uuid());
		assertThat(rest.bindings()).extracting(ChangeSet.IdentityBinding::externalId).containsExactly("a");
		assertThat(rest.tokens()).containsEntry("opus", "42");
	}

	@Test
	void onlyKeepsTheObjectsAndNeverMovesAFeedOn() {
		ChangeSet retry = ChangeSets.only(this.plan, Set.of(this.b.uuid()));

		assertThat(retry.operations()).extracting(ChangeSet.Operation::uuid).containsExactly(this.b.uuid());
		assertThat(retry.bindings()).extracting(ChangeSet.IdentityBinding::externalId).containsExactly("b");
		assertThat(retry.tokens()).isEmpty();
		assertThat(ChangeSets.objects(this.plan)).containsExactlyInAnyOrder(this.a.uuid(), this.b.uuid());
	}

}
