package dk.orghub.core.rules;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

import static dk.orghub.core.rules.RuleData.MAANEDSLOENNET;
import static dk.orghub.core.rules.RuleData.TIMELOENNET;
import static dk.orghub.core.rules.RuleData.VIKAR;
import static dk.orghub.core.rules.RuleData.d;
import static dk.orghub.core.rules.RuleData.engagement;
import static dk.orghub.core.rules.RuleData.id;
import static org.assertj.core.api.Assertions.assertThat;

class PrimaryEngagementRuleTest {

	private final UUID person = id("person:anne");

	private final UUID unit = id("unit:school");

	@Test
	void sdPicksTheHighestFractionThenTheLowestEmploymentNumber() {
		Engagement small = engagement("00200", this.person, this.unit, MAANEDSLOENNET, "0.3");
		Engagement large = engagement("00300", this.person, this.unit, MAANEDSLOENNET, "0.7");
		Engagement tie = engagement("00100", this.person, this.unit, MAANEDSLOENNET, "0.7");
		Map<UUID, Timeline<Engagement>> result = new PrimaryEngagementRule(PrimaryEngagementRule.byHighestFraction())
			.apply(List.of(open(small), open(large), open(tie)));
		assertThat(primaryAt(result, tie, "2024-06-01")).isTrue();
		assertThat(primaryAt(result, large, "2024-06-01")).isFalse();
		assertThat(primaryAt(result, small, "2024-06-01")).isFalse();
	}

	@Test
	void employmentNumbersCompareAsNumbers() {
		assertThat(PrimaryEngagementRule.compareEmploymentNumbers("999", "1000")).isNegative();
		assertThat(PrimaryEngagementRule.compareEmploymentNumbers("0999", "1000")).isNegative();
		assertThat(PrimaryEngagementRule.compareEmploymentNumbers("A1", "A0")).isPositive();
		assertThat(PrimaryEngagementRule.compareEmploymentNumbers("000", "0")).as("one zero kept").isZero();
		assertThat(PrimaryEngagementRule.compareEmploymentNumbers("00012", "12")).isZero();
		assertThat(PrimaryEngagementRule.compareEmploymentNumbers("0A", "A")).isZero();
	}

	@Test
	void aPersonsOnlyEngagementIsPrimaryWheneverItHoldsWhateverItsFlags() {
		Engagement half = engagement("1", this.person, this.unit, MAANEDSLOENNET, "0.5");
		Engagement full = engagement("1", this.person, this.unit, MAANEDSLOENNET, "1");
		Engagement notByHand = new Engagement(half.uuid(), "1", this.person, this.unit, null, MAANEDSLOENNET,
				new java.math.BigDecimal("0.5"), false, true, null);
		Timeline<Engagement> timeline = Timeline
			.of(List.of(new Segment<>(Validity.between(d("2020-01-01"), d("2021-01-01")), half),
					new Segment<>(Validity.between(d("2021-01-01"), d("2022-01-01")), full.withPrimary(true)),
					new Segment<>(Validity.between(d("2022-01-01"), d("2022-06-01")), full),
					new Segment<>(Validity.from(d("2023-01-01")), notByHand)));
		Timeline<Engagement> result = new PrimaryEngagementRule(PrimaryEngagementRule.byHighestFraction())
			.apply(List.of(timeline))
			.get(half.uuid());
		assertThat(result.segments()).containsExactly(
				new Segment<>(Validity.between(d("2020-01-01"), d("2021-01-01")), half.withPrimary(true)),
				new Segment<>(Validity.between(d("2021-01-01"), d("2022-06-01")), full.withPrimary(true)),
				new Segment<>(Validity.from(d("2023-01-01")), notByHand.withPrimary(true)));
	}

	@Test
	void opusFollowsTheConfiguredTypeOrderThenTheLowestEmploymentNumber() {
		Engagement hourly = engagement("100001", this.person, this.unit, TIMELOENNET, null);
		Engagement monthly = engagement("100007", this.person, this.unit, MAANEDSLOENNET, "0.5");
		Engagement temp = engagement("100002", this.person, this.unit, VIKAR, "1");
		Map<UUID, Timeline<Engagement>> result = new PrimaryEngagementRule(
				PrimaryEngagementRule.byEngagementTypeOrder(List.of(MAANEDSLOENNET, TIMELOENNET)))
			.apply(List.of(open(hourly), open(monthly), open(temp)));
		assertThat(primaryAt(result, monthly, "2024-06-01")).isTrue();
		assertThat(primaryAt(result, hourly, "2024-06-01")).isFalse();
		assertThat(primaryAt(result, temp, "2024-06-01")).isFalse();
	}

	@Test
	void recomputesOverTheWholeTimelineNotOnlyToday() {
		Engagement main = engagement("1", this.person, this.unit, MAANEDSLOENNET, "0.8");
		Engagement side = engagement("2", this.person, this.unit, MAANEDSLOENNET, "0.2");
		Timeline<Engagement> mainTimeline = Timeline.of(Validity.between(d("2020-01-01"), d("2023-01-01")), main);
		Timeline<Engagement> sideTimeline = Timeline.of(Validity.from(d("2021-01-01")), side);
		Map<UUID, Timeline<Engagement>> result = new PrimaryEngagementRule(PrimaryEngagementRule.byHighestFraction())
			.apply(List.of(mainTimeline, sideTimeline));

		assertThat(primaryAt(result, main, "2020-06-01")).isTrue();
		assertThat(primaryAt(result, main, "2022-06-01")).isTrue();
		assertThat(primaryAt(result, side, "2022-06-01")).isFalse();
		assertThat(primaryAt(result, side, "2024-06-01")).as("the side job becomes primary when the main job ends")
			.isTrue();
		assertThat(result.get(side.uuid()).segments()).extracting(Segment::validity)
			.containsExactly(Validity.between(d("2021-01-01"), d("2023-01-01")), Validity.from(d("2023-01-01")));
	}

	@Test
	void aPrimaryChosenByHandAlwaysWins() {
		Engagement best = engagement("1", this.person, this.unit, MAANEDSLOENNET, "1");
		Engagement chosen = new Engagement(id("engagement:2"), "2", this.person, this.unit, null, MAANEDSLOENNET,
				new java.math.BigDecimal("0.1"), true, true, null);
		Map<UUID, Timeline<Engagement>> result = new PrimaryEngagementRule(PrimaryEngagementRule.byHighestFraction())
			.apply(List.of(open(best), open(chosen)));
		assertThat(primaryAt(result, chosen, "2024-06-01")).isTrue();
		assertThat(primaryAt(result, best, "2024-06-01")).isFalse();
		assertThat(result.get(chosen.uuid()).at(d("2024-06-01")).orElseThrow().primaryByHand()).isTrue();
	}

	@Test
	void eachPersonHasExactlyOnePrimaryOnEveryDate() {
		UUID other = id("person:bo");
		Engagement a = engagement("1", this.person, this.unit, MAANEDSLOENNET, "0.5");
		Engagement b = engagement("2", other, this.unit, MAANEDSLOENNET, "0.5");
		Map<UUID, Timeline<Engagement>> result = new PrimaryEngagementRule(PrimaryEngagementRule.byHighestFraction())
			.apply(List.of(open(a), open(b)));
		assertThat(primaryAt(result, a, "2024-06-01")).isTrue();
		assertThat(primaryAt(result, b, "2024-06-01")).isTrue();
	}

	private static Timeline<Engagement> open(Engagement engagement) {
		return Timeline.of(Validity.from(d("2020-01-01")), engagement);
	}

	private static boolean primaryAt(Map<UUID, Timeline<Engagement>> result, Engagement engagement, String date) {
		return result.get(engagement.uuid()).at(d(date)).orElseThrow().primary();
	}

}
