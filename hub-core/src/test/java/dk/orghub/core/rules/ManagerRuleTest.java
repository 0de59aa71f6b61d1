package dk.orghub.core.rules;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

import static dk.orghub.core.rules.RuleData.MAANEDSLOENNET;
import static dk.orghub.core.rules.RuleData.NY1;
import static dk.orghub.core.rules.RuleData.d;
import static dk.orghub.core.rules.RuleData.engagement;
import static dk.orghub.core.rules.RuleData.id;
import static dk.orghub.core.rules.RuleData.manager;
import static dk.orghub.core.rules.RuleData.unit;
import static org.assertj.core.api.Assertions.assertThat;

class ManagerRuleTest {

	private final OrgUnit school = unit("school", null, NY1);

	private final Timeline<OrgUnit> schoolTimeline = Timeline.of(Validity.from(d("2015-01-01")), this.school);

	private final UUID holder = id("person:holder");

	private final Timeline<Manager> role = Timeline.of(Validity.from(d("2020-01-01")),
			manager("m1", this.school.uuid(), this.holder));

	private final Timeline<Engagement> job = Timeline.of(Validity.between(d("2020-01-01"), d("2025-03-01")),
			engagement("1", this.holder, this.school.uuid(), MAANEDSLOENNET, "1"));

	@Test
	void aManagerWhoseLastEngagementEndsIsEnded() {
		Timeline<Manager> result = new ManagerRule(ManagerRule.WhenEmploymentEnds.END).apply(this.role,
				List.of(this.job), this.schoolTimeline);
		assertThat(result.coverage()).containsExactly(Validity.between(d("2020-01-01"), d("2025-03-01")));
	}

	@Test
	void aManagerWhoseLastEngagementEndsIsMadeVacantWhenSoConfigured() {
		Timeline<Manager> result = new ManagerRule(ManagerRule.WhenEmploymentEnds.VACATE).apply(this.role,
				List.of(this.job), this.schoolTimeline);
		assertThat(result.at(d("2025-02-28")).orElseThrow().person()).isEqualTo(this.holder);
		assertThat(result.at(d("2025-03-01")).orElseThrow().isVacant()).isTrue();
		assertThat(result.segments()).extracting(Segment::validity)
			.containsExactly(Validity.between(d("2020-01-01"), d("2025-03-01")), Validity.from(d("2025-03-01")));
	}

	@Test
	void aManagerWithAnotherEngagementLeftKeepsTheRole() {
		Timeline<Engagement> later = Timeline.of(Validity.from(d("2025-03-01")),
				engagement("2", this.holder, this.school.uuid(), MAANEDSLOENNET, "1"));
		Timeline<Manager> result = new ManagerRule(ManagerRule.WhenEmploymentEnds.END).apply(this.role,
				List.of(this.job, later), this.schoolTimeline);
		assertThat(result).isEqualTo(this.role);
	}

	@Test
	void vacantRolesAreLeftAlone() {
		Timeline<Manager> vacant = Timeline.of(Validity.from(d("2020-01-01")), manager("m2", this.school.uuid(), null));
		assertThat(new ManagerRule(ManagerRule.WhenEmploymentEnds.END).apply(vacant, List.of(), this.schoolTimeline))
			.isEqualTo(vacant);
	}

}
