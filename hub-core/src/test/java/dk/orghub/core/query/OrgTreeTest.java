package dk.orghub.core.query;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Versioned;

import static dk.orghub.core.query.Units.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrgTreeTest {

	private final Versioned<OrgUnit> kommune = unit("K", "Kommune", (UUID) null);

	private final Versioned<OrgUnit> borgerservice = unit("BS", "Borgerservice", this.kommune);

	private final Versioned<OrgUnit> teamYdelse = unit("BS-Y", "Team Ydelse", this.borgerservice);

	private final Versioned<OrgUnit> teamPas = unit("BS-P", "Team Pas", this.borgerservice);

	private final Versioned<OrgUnit> teknik = unit("TM", "Teknik og Miljø", this.kommune);

	private final Versioned<OrgUnit> orphan = unit("O", "Orphan", Units.uuid("not valid at this date"));

	private final OrgTree tree = OrgTree
		.of(List.of(this.teamYdelse, this.teknik, this.orphan, this.teamPas, this.kommune, this.borgerservice));

	@Test
	void rootsAreUnitsWithoutParentInTheTree() {
		assertThat(this.tree.roots()).containsExactly(this.kommune, this.orphan);
		assertThat(this.tree.size()).isEqualTo(6);
	}

	@Test
	void childrenAreOrderedByUserKey() {
		assertThat(this.tree.children(uuid(this.kommune))).containsExactly(this.borgerservice, this.teknik);
		assertThat(this.tree.children(uuid(this.borgerservice))).containsExactly(this.teamPas, this.teamYdelse);
		assertThat(this.tree.children(uuid(this.teamPas))).isEmpty();
		assertThat(this.tree.children(UUID.randomUUID())).isEmpty();
	}

	@Test
	void ancestorsAreNearestFirst() {
		assertThat(this.tree.ancestors(uuid(this.teamPas))).containsExactly(this.borgerservice, this.kommune);
		assertThat(this.tree.ancestors(uuid(this.kommune))).isEmpty();
		assertThat(this.tree.ancestors(uuid(this.orphan))).isEmpty();
	}

	@Test
	void subtreeIsDepthFirstWithTheRootFirst() {
		assertThat(this.tree.subtree(uuid(this.kommune))).containsExactly(this.kommune, this.borgerservice,
				this.teamPas, this.teamYdelse, this.teknik);
		assertThat(this.tree.subtree(uuid(this.borgerservice))).containsExactly(this.borgerservice, this.teamPas,
				this.teamYdelse);
		assertThat(this.tree.subtree(uuid(this.teknik))).containsExactly(this.teknik);
		assertThat(this.tree.subtree(UUID.randomUUID())).isEmpty();
	}

	@Test
	void pathNamesRunFromTheRoot() {
		assertThat(this.tree.pathNames(uuid(this.teamPas))).containsExactly("Kommune", "Borgerservice", "Team Pas");
		assertThat(this.tree.path(uuid(this.teknik))).isEqualTo("Kommune / Teknik og Miljø");
		assertThat(this.tree.pathNames(UUID.randomUUID())).isEmpty();
	}

	@Test
	void isWithinTellsWhetherAUnitLiesBelowAnother() {
		assertThat(this.tree.isWithin(uuid(this.teamPas), uuid(this.kommune))).isTrue();
		assertThat(this.tree.isWithin(uuid(this.teamPas), uuid(this.teamPas))).isTrue();
		assertThat(this.tree.isWithin(uuid(this.teamPas), uuid(this.teknik))).isFalse();
		assertThat(this.tree.isWithin(uuid(this.kommune), uuid(this.teamPas))).isFalse();
	}

	@Test
	void aCycleDoesNotLoop() {
		Versioned<OrgUnit> a = unit("A", "A", Units.uuid("B"));
		Versioned<OrgUnit> b = unit("B", "B", Units.uuid("A"));
		OrgTree cyclic = OrgTree.of(List.of(a, b, this.kommune));

		assertThat(cyclic.roots()).containsExactly(this.kommune);
		assertThat(cyclic.ancestors(uuid(a))).containsExactly(b);
		assertThat(cyclic.subtree(uuid(a))).containsExactly(a, b);
		assertThat(cyclic.pathNames(uuid(a))).containsExactly("B", "A");
	}

	@Test
	void aUnitGivenTwiceIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrgTree.of(List.of(this.kommune, this.kommune)))
			.withMessageContaining(uuid(this.kommune).toString());
	}

	private static UUID uuid(Versioned<OrgUnit> unit) {
		return unit.value().uuid();
	}

}
