package dk.orghub.core.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

import static dk.orghub.core.rules.RuleData.NY1;
import static dk.orghub.core.rules.RuleData.NY2;
import static dk.orghub.core.rules.RuleData.d;
import static dk.orghub.core.rules.RuleData.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitScopeTest {

	private final OrgUnit town = unit("town", null, NY1);

	private final OrgUnit school = unit("school", this.town.uuid(), NY2);

	private final OrgUnit classRoom = unit("class", this.school.uuid(), NY2);

	private final OrgUnit mainCommittee = med(unit("HMU", null, null), null);

	private final OrgUnit localCommittee = med(unit("LMU", null, null), this.mainCommittee.uuid());

	private final Validity always = Validity.from(d("2020-01-01"));

	private static OrgUnit med(OrgUnit unit, UUID parent) {
		return new OrgUnit(unit.uuid(), unit.userKey(), unit.name(), parent, unit.unitType(), null, null,
				DefaultClasses.MED_ORGANISATION, List.of());
	}

	private Map<UUID, Timeline<OrgUnit>> all() {
		return Map.of(this.town.uuid(), Timeline.of(this.always, this.town), this.school.uuid(),
				Timeline.of(this.always, this.school), this.classRoom.uuid(), Timeline.of(this.always, this.classRoom),
				this.mainCommittee.uuid(), Timeline.of(this.always, this.mainCommittee), this.localCommittee.uuid(),
				Timeline.of(this.always, this.localCommittee));
	}

	private List<OrgUnit> today() {
		return List.of(this.town, this.school, this.classRoom, this.mainCommittee, this.localCommittee);
	}

	@Test
	void byDefaultOnlyTheLineOrganisationIsInScope() {
		UnitScope scope = UnitScope.of(null, null);
		assertThat(scope).isEqualTo(UnitScope.lineOrganisation());
		assertThat(scope.isLineOrganisation()).isTrue();
		assertThat(scope.units(all())).containsOnlyKeys(this.town.uuid(), this.school.uuid(), this.classRoom.uuid());
		assertThat(scope.included(today())).containsExactly(this.town.uuid(), this.school.uuid(),
				this.classRoom.uuid());
	}

	@Test
	void hierarchiesAreNamedByUserKeyOrUuid() {
		UnitScope scope = UnitScope.of(List.of("Linjeorganisation", DefaultClasses.MED_ORGANISATION.toString()),
				List.of());
		assertThat(scope.hierarchies()).containsExactlyInAnyOrder(DefaultClasses.LINE_ORGANISATION,
				DefaultClasses.MED_ORGANISATION);
		assertThat(scope.isLineOrganisation()).isFalse();
		assertThat(scope.units(all())).hasSize(5);
		assertThat(scope.included(today())).hasSize(5);
		assertThat(UnitScope.of(List.of("MED-organisation"), null).included(today()))
			.containsExactlyInAnyOrder(this.mainCommittee.uuid(), this.localCommittee.uuid());
	}

	@Test
	void anExcludedUnitTakesItsWholeSubtreeWithIt() {
		UnitScope scope = UnitScope.of(List.of("Linjeorganisation", "MED-organisation"),
				List.of(this.school.uuid(), this.mainCommittee.uuid()));
		assertThat(scope.units(all())).containsOnlyKeys(this.town.uuid());
		assertThat(scope.included(today())).containsExactly(this.town.uuid());
		assertThat(UnitScope.of(null, List.of(this.school.uuid(), this.mainCommittee.uuid())).belowExcluded(today()))
			.containsExactlyInAnyOrder(this.school.uuid(), this.classRoom.uuid(), this.mainCommittee.uuid(),
					this.localCommittee.uuid());
		assertThat(UnitScope.lineOrganisation().belowExcluded(today())).isEmpty();
	}

	@Test
	void onlyTheDaysInAHierarchyInScopeAreKept() {
		OrgUnit asMed = med(this.school, this.mainCommittee.uuid());
		Timeline<OrgUnit> moved = Timeline
			.of(List.of(new Segment<>(Validity.between(d("2020-01-01"), d("2024-01-01")), this.school),
					new Segment<>(Validity.from(d("2024-01-01")), asMed)));
		Timeline<OrgUnit> kept = UnitScope.lineOrganisation().inHierarchies(moved);
		assertThat(kept.coverage()).containsExactly(Validity.between(d("2020-01-01"), d("2024-01-01")));
		Timeline<OrgUnit> line = Timeline.of(this.always, this.town);
		assertThat(UnitScope.lineOrganisation().inHierarchies(line)).isSameAs(line);
	}

	@Test
	void aScopeNeedsAHierarchyAndNoBlankOne() {
		assertThatThrownBy(() -> new UnitScope(Set.of(), Set.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("hierarchies");
		assertThatThrownBy(() -> UnitScope.of(List.of(" "), null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("blank hierarchy");
	}

}
