package dk.orghub.core.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

import static dk.orghub.core.rules.RuleData.MAANEDSLOENNET;
import static dk.orghub.core.rules.RuleData.NY1;
import static dk.orghub.core.rules.RuleData.NY2;
import static dk.orghub.core.rules.RuleData.d;
import static dk.orghub.core.rules.RuleData.engagement;
import static dk.orghub.core.rules.RuleData.id;
import static dk.orghub.core.rules.RuleData.unit;
import static dk.orghub.core.rules.RuleData.withParent;
import static org.assertj.core.api.Assertions.assertThat;

class SubtreeFilterTest {

	private final OrgUnit top = unit("top", null, NY1);

	private final OrgUnit closed = unit("closed", this.top.uuid(), NY2);

	private final OrgUnit open = unit("open", this.top.uuid(), NY2);

	private final OrgUnit team = unit("team", this.closed.uuid(), NY2);

	private final Validity always = Validity.from(d("2020-01-01"));

	@Test
	void leavesOutTheConfiguredSubtreesAndWhatIsPlacedInThem() {
		Map<UUID, Timeline<OrgUnit>> units = Map.of(this.top.uuid(), Timeline.of(this.always, this.top),
				this.closed.uuid(), Timeline.of(this.always, this.closed), this.open.uuid(),
				Timeline.of(this.always, this.open), this.team.uuid(), Timeline.of(this.always, this.team));
		SubtreeFilter filter = new SubtreeFilter(Set.of(this.closed.uuid()));
		Map<UUID, Timeline<OrgUnit>> kept = filter.units(units);
		assertThat(kept).containsOnlyKeys(this.top.uuid(), this.open.uuid());

		Timeline<Engagement> inTeam = Timeline.of(this.always,
				engagement("1", id("person:p"), this.team.uuid(), MAANEDSLOENNET, "1"));
		assertThat(filter.placed(inTeam, Engagement::unit, kept).isEmpty()).isTrue();
		Timeline<Engagement> inOpen = Timeline.of(this.always,
				engagement("2", id("person:q"), this.open.uuid(), MAANEDSLOENNET, "1"));
		assertThat(filter.placed(inOpen, Engagement::unit, kept)).isEqualTo(inOpen);
	}

	@Test
	void aUnitMovedOutOfAnExcludedSubtreeIsKeptFromTheMove() {
		Timeline<OrgUnit> moving = Timeline
			.of(List.of(new Segment<>(Validity.between(d("2020-01-01"), d("2023-01-01")), this.team),
					new Segment<>(Validity.from(d("2023-01-01")), withParent(this.team, this.open.uuid()))));
		Map<UUID, Timeline<OrgUnit>> units = Map.of(this.top.uuid(), Timeline.of(this.always, this.top),
				this.closed.uuid(), Timeline.of(this.always, this.closed), this.open.uuid(),
				Timeline.of(this.always, this.open), this.team.uuid(), moving);
		Map<UUID, Timeline<OrgUnit>> kept = new SubtreeFilter(Set.of(this.closed.uuid())).units(units);
		assertThat(kept.get(this.team.uuid()).coverage()).containsExactly(Validity.from(d("2023-01-01")));
	}

	@Test
	void noFilterKeepsEverything() {
		Map<UUID, Timeline<OrgUnit>> units = Map.of(this.top.uuid(), Timeline.of(this.always, this.top));
		assertThat(SubtreeFilter.none().units(units)).isSameAs(units);
	}

}
