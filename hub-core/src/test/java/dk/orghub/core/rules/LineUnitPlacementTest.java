package dk.orghub.core.rules;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

import static dk.orghub.core.rules.RuleData.AFDELINGS_NIVEAU;
import static dk.orghub.core.rules.RuleData.MAANEDSLOENNET;
import static dk.orghub.core.rules.RuleData.NY1;
import static dk.orghub.core.rules.RuleData.NY2;
import static dk.orghub.core.rules.RuleData.d;
import static dk.orghub.core.rules.RuleData.engagement;
import static dk.orghub.core.rules.RuleData.id;
import static dk.orghub.core.rules.RuleData.unit;
import static dk.orghub.core.rules.RuleData.withParent;
import static org.assertj.core.api.Assertions.assertThat;

class LineUnitPlacementTest {

	private final OrgUnit top = unit("top", null, NY1);

	private final OrgUnit school = unit("school", this.top.uuid(), NY2);

	private final OrgUnit otherSchool = unit("other", this.top.uuid(), NY2);

	private final OrgUnit team = unit("team", this.school.uuid(), AFDELINGS_NIVEAU);

	private final OrgUnit subTeam = unit("subteam", this.team.uuid(), AFDELINGS_NIVEAU);

	private final LineUnitPlacement placement = new LineUnitPlacement(Set.of(AFDELINGS_NIVEAU));

	@Test
	void anEngagementInATooDeepUnitIsPlacedInTheNearestLineUnitAboveKeepingTheOriginal() {
		Timeline<Engagement> job = Timeline.of(Validity.from(d("2021-01-01")),
				engagement("1", id("person:p"), this.subTeam.uuid(), MAANEDSLOENNET, "1"));
		Timeline<Engagement> placed = this.placement.apply(job,
				units(Timeline.of(Validity.from(d("2020-01-01")), this.team)));
		Engagement value = placed.at(d("2022-01-01")).orElseThrow();
		assertThat(value.unit()).isEqualTo(this.school.uuid());
		assertThat(value.originalUnit()).isEqualTo(this.subTeam.uuid());
	}

	@Test
	void anEngagementInALineUnitStaysWhereItIs() {
		Timeline<Engagement> job = Timeline.of(Validity.from(d("2021-01-01")),
				engagement("1", id("person:p"), this.school.uuid(), MAANEDSLOENNET, "1"));
		assertThat(this.placement.apply(job, units(Timeline.of(Validity.from(d("2020-01-01")), this.team))))
			.isEqualTo(job);
	}

	@Test
	void followsTheTreeOverTime() {
		Timeline<OrgUnit> movingTeam = Timeline
			.of(java.util.List.of(new Segment<>(Validity.between(d("2020-01-01"), d("2023-01-01")), this.team),
					new Segment<>(Validity.from(d("2023-01-01")), withParent(this.team, this.otherSchool.uuid()))));
		Timeline<Engagement> job = Timeline.of(Validity.from(d("2021-01-01")),
				engagement("1", id("person:p"), this.team.uuid(), MAANEDSLOENNET, "1"));
		Timeline<Engagement> placed = this.placement.apply(job, units(movingTeam));
		assertThat(placed.at(d("2022-01-01")).orElseThrow().unit()).isEqualTo(this.school.uuid());
		assertThat(placed.at(d("2023-01-01")).orElseThrow().unit()).isEqualTo(this.otherSchool.uuid());
		assertThat(placed.at(d("2023-01-01")).orElseThrow().originalUnit()).isEqualTo(this.team.uuid());
	}

	private Map<UUID, Timeline<OrgUnit>> units(Timeline<OrgUnit> team) {
		Validity always = Validity.from(d("2020-01-01"));
		return Map.of(this.top.uuid(), Timeline.of(always, this.top), this.school.uuid(),
				Timeline.of(always, this.school), this.otherSchool.uuid(), Timeline.of(always, this.otherSchool),
				this.team.uuid(), team, this.subTeam.uuid(), Timeline.of(always, this.subTeam));
	}

}
