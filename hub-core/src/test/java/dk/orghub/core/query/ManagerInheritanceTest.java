package dk.orghub.core.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Versioned;

import static dk.orghub.core.query.Units.manager;
import static dk.orghub.core.query.Units.unit;
import static org.assertj.core.api.Assertions.assertThat;

class ManagerInheritanceTest {

	private final Versioned<OrgUnit> kommune = unit("K", "Kommune", (UUID) null);

	private final Versioned<OrgUnit> borgerservice = unit("BS", "Borgerservice", this.kommune);

	private final Versioned<OrgUnit> teamPas = unit("BS-P", "Team Pas", this.borgerservice);

	private final OrgTree tree = OrgTree.of(List.of(this.kommune, this.borgerservice, this.teamPas));

	private final Versioned<Manager> director = manager("M-K", this.kommune, Units.uuid("person director"));

	private final Versioned<Manager> head = manager("M-BS", this.borgerservice, Units.uuid("person head"));

	private final Versioned<Manager> vacantHead = manager("M-BS-0", this.borgerservice, null);

	private final Versioned<Manager> vacantTeamLead = manager("M-BS-P", this.teamPas, null);

	@Test
	void theUnitsOwnManagerComesFirst() {
		ManagerResolution result = resolve(
				Map.of(uuid(this.borgerservice), List.of(this.head), uuid(this.kommune), List.of(this.director)),
				this.borgerservice, true);

		assertThat(result.found()).contains(this.head);
		assertThat(result.inherited()).isFalse();
		assertThat(result.vacantRoles()).isEmpty();
	}

	@Test
	void aUnitWithoutManagerInheritsTheNearestAncestorsManager() {
		ManagerResolution result = resolve(
				Map.of(uuid(this.borgerservice), List.of(this.head), uuid(this.kommune), List.of(this.director)),
				this.teamPas, true);

		assertThat(result.found()).contains(this.head);
		assertThat(result.inherited()).isTrue();
		assertThat(result.unit()).isEqualTo(uuid(this.teamPas));
	}

	@Test
	void vacantRolesAreSkippedAndReported() {
		ManagerResolution result = resolve(Map.of(uuid(this.teamPas), List.of(this.vacantTeamLead),
				uuid(this.borgerservice), List.of(this.vacantHead), uuid(this.kommune), List.of(this.director)),
				this.teamPas, true);

		assertThat(result.found()).contains(this.director);
		assertThat(result.inherited()).isTrue();
		assertThat(result.vacantRoles()).containsExactly(this.vacantTeamLead, this.vacantHead);
	}

	@Test
	void aHeldRoleWinsOverAVacantOneInTheSameUnit() {
		ManagerResolution result = resolve(Map.of(uuid(this.borgerservice), List.of(this.vacantHead, this.head)),
				this.borgerservice, false);

		assertThat(result.found()).contains(this.head);
		assertThat(result.vacantRoles()).containsExactly(this.vacantHead);
	}

	@Test
	void withoutInheritanceOnlyTheUnitItselfCounts() {
		ManagerResolution result = resolve(
				Map.of(uuid(this.teamPas), List.of(this.vacantTeamLead), uuid(this.kommune), List.of(this.director)),
				this.teamPas, false);

		assertThat(result.found()).isEmpty();
		assertThat(result.inherited()).isFalse();
		assertThat(result.vacantRoles()).containsExactly(this.vacantTeamLead);
	}

	@Test
	void noManagerAnywhereFindsNothing() {
		ManagerResolution result = resolve(Map.of(), this.teamPas, true);

		assertThat(result.found()).isEmpty();
		assertThat(result.vacantRoles()).isEmpty();
	}

	@Test
	void aCycleEndsTheWalk() {
		UUID a = Units.uuid("A");
		UUID b = Units.uuid("B");
		Map<UUID, UUID> parents = Map.of(a, b, b, a);

		ManagerResolution result = ManagerInheritance.resolve(a, u -> Optional.ofNullable(parents.get(u)),
				u -> List.of(), true);

		assertThat(result.found()).isEmpty();
	}

	private ManagerResolution resolve(Map<UUID, List<Versioned<Manager>>> managers, Versioned<OrgUnit> unit,
			boolean inherit) {
		return ManagerInheritance.resolve(uuid(unit), u -> this.tree.unit(u).map(v -> v.value().parent()),
				u -> managers.getOrDefault(u, List.of()), inherit);
	}

	private static UUID uuid(Versioned<OrgUnit> unit) {
		return unit.value().uuid();
	}

}
