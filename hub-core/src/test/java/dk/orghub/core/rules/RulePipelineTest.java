package dk.orghub.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.SourceRules;

import static dk.orghub.core.rules.RuleData.AFDELINGS_NIVEAU;
import static dk.orghub.core.rules.RuleData.MAANEDSLOENNET;
import static dk.orghub.core.rules.RuleData.NY1;
import static dk.orghub.core.rules.RuleData.NY2;
import static dk.orghub.core.rules.RuleData.TIMELOENNET;
import static dk.orghub.core.rules.RuleData.d;
import static dk.orghub.core.rules.RuleData.engagement;
import static dk.orghub.core.rules.RuleData.id;
import static dk.orghub.core.rules.RuleData.manager;
import static dk.orghub.core.rules.RuleData.unit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline over one delivery of a small municipality: Kommune, the school Byskolen
 * with its team Indskolingen (Afdelings-niveau), and the closed Gammel Skole with its
 * team. Hanne Jensen has a monthly-paid 20-hour job at Byskolen and an hourly-paid
 * full-time job in Indskolingen, and manages Byskolen until her jobs end; Peter Nielsen
 * works only at Gammel Skole.
 */
class RulePipelineTest {

	private static final Validity FROM_2020 = Validity.from(d("2020-01-01"));

	private final OrgUnit kommune = unit("kommune", null, NY1);

	private final OrgUnit byskolen = unit("byskolen", this.kommune.uuid(), NY2);

	private final OrgUnit indskolingen = unit("indskolingen", this.byskolen.uuid(), AFDELINGS_NIVEAU);

	private final OrgUnit gammelSkole = unit("gammel-skole", this.kommune.uuid(), NY2);

	private final OrgUnit gammelTeam = unit("gammel-team", this.gammelSkole.uuid(), AFDELINGS_NIVEAU);

	private final UUID hanne = id("person:hanne");

	private final UUID peter = id("person:peter");

	private final Validity hannesYears = Validity.between(d("2020-01-01"), d("2025-08-01"));

	private final Engagement monthly = engagement("1001", this.hanne, this.byskolen.uuid(), MAANEDSLOENNET, "0.5405");

	private final Engagement hourly = engagement("1002", this.hanne, this.indskolingen.uuid(), TIMELOENNET, "1");

	private final Engagement peters = engagement("2001", this.peter, this.gammelTeam.uuid(), MAANEDSLOENNET, "1");

	private final Manager headOfByskolen = manager("1001", this.byskolen.uuid(), this.hanne);

	private final Address petersEmail = new Address(id("address:peter"), "person:peter:EMAIL", this.peter,
			OwnerKind.PERSON, DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, "EMAIL"), "pn@kommune.dk",
			DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "PUBLIC"));

	private final ItUser petersUser = new ItUser(id("it-user:PENI"), "PENI", this.peter,
			DefaultClasses.classUuid(DefaultClasses.IT_SYSTEM, "OPUS"), "PENI", true);

	private final Address gammelSkolesPhone = new Address(id("address:gammel"), "gammel-skole:PHONE",
			this.gammelSkole.uuid(), OwnerKind.ORG_UNIT, DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, "PHONE"),
			"98 12 34 56", DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "PUBLIC"));

	private List<DesiredObject<?>> delivery() {
		List<DesiredObject<?>> objects = new ArrayList<>();
		for (OrgUnit unit : List.of(this.kommune, this.byskolen, this.indskolingen, this.gammelSkole,
				this.gammelTeam)) {
			objects.add(object(ObjectType.ORG_UNIT, unit.userKey(), Timeline.of(FROM_2020, unit)));
		}
		objects.add(object(ObjectType.ENGAGEMENT, "1001", Timeline.of(this.hannesYears, this.monthly)));
		objects.add(object(ObjectType.ENGAGEMENT, "1002", Timeline.of(this.hannesYears, this.hourly)));
		objects.add(object(ObjectType.ENGAGEMENT, "2001", Timeline.of(FROM_2020, this.peters)));
		objects.add(object(ObjectType.MANAGER, "1001", Timeline.of(FROM_2020, this.headOfByskolen)));
		objects.add(object(ObjectType.ADDRESS, this.petersEmail.userKey(), Timeline.of(FROM_2020, this.petersEmail)));
		objects.add(object(ObjectType.IT_USER, "PENI", Timeline.of(FROM_2020, this.petersUser)));
		objects.add(object(ObjectType.ADDRESS, this.gammelSkolesPhone.userKey(),
				Timeline.of(FROM_2020, this.gammelSkolesPhone)));
		return objects;
	}

	@Test
	void noRulesLeaveTheDeliveryAsItIs() {
		RulePipeline none = RulePipeline.of(SourceRules.NONE);
		assertThat(none.isEmpty()).isTrue();
		List<DesiredObject<?>> delivery = delivery();
		assertThat(none.apply(delivery, RuleContext.NONE)).isEqualTo(delivery);
	}

	@Test
	void theStepsRunInTheirOrderAndOnlyWhenTurnedOn() {
		SourceRules all = SourceRules.NONE.withExcludedUnits(Set.of("gammel-skole"))
			.withLineUnitLifting(Set.of("Afdelings-niveau"))
			.withManagerEnds(SourceRules.ManagerEnds.END)
			.withPrimaryEngagement(SourceRules.PrimaryEngagement.HIGHEST_FRACTION);
		assertThat(RulePipeline.of(all).stepNames()).containsExactly("subtree-filter", "line-unit-lifting", "managers",
				"primary-engagement");
		assertThat(RulePipeline
			.of(SourceRules.NONE.withPrimaryEngagement(SourceRules.PrimaryEngagement.ENGAGEMENT_TYPE_ORDER))
			.stepNames()).containsExactly("primary-engagement");
	}

	@Test
	void thePrimaryRuleDecidesWhichOfHannesJobsIsPrimary() {
		SourceRules byType = SourceRules.NONE.withPrimaryEngagement(SourceRules.PrimaryEngagement.ENGAGEMENT_TYPE_ORDER)
			.withEngagementTypeOrder(List.of("Månedslønnet", "Timelønnet"));
		Map<String, DesiredObject<?>> typed = byId(RulePipeline.of(byType).apply(delivery(), RuleContext.NONE));
		assertThat(engagementAt(typed, "1001").primary()).as("monthly-paid before hourly-paid").isTrue();
		assertThat(engagementAt(typed, "1002").primary()).isFalse();
		assertThat(engagementAt(typed, "2001").primary()).as("Peter's only job").isTrue();

		Map<String, DesiredObject<?>> byFraction = byId(
				RulePipeline.of(byType.withPrimaryEngagement(SourceRules.PrimaryEngagement.HIGHEST_FRACTION))
					.apply(delivery(), RuleContext.NONE));
		assertThat(engagementAt(byFraction, "1002").primary()).as("full time before 20 of 37 hours").isTrue();
		assertThat(engagementAt(byFraction, "1001").primary()).isFalse();
	}

	@Test
	void aPrimaryChosenByHandInTheStoreIsKept() {
		Engagement chosen = new Engagement(this.hourly.uuid(), "1002", this.hanne, this.indskolingen.uuid(),
				this.hourly.jobFunction(), TIMELOENNET, this.hourly.fraction(), true, true, null);
		RuleContext stored = (uuids) -> uuids.contains(this.hourly.uuid())
				? Map.of(this.hourly.uuid(), Timeline.of(this.hannesYears, chosen)) : Map.of();
		SourceRules byType = SourceRules.NONE.withPrimaryEngagement(SourceRules.PrimaryEngagement.ENGAGEMENT_TYPE_ORDER)
			.withEngagementTypeOrder(List.of("Månedslønnet", "Timelønnet"));
		Map<String, DesiredObject<?>> result = byId(RulePipeline.of(byType).apply(delivery(), stored));
		assertThat(engagementAt(result, "1002").primary()).isTrue();
		assertThat(engagementAt(result, "1002").primaryByHand()).isTrue();
		assertThat(engagementAt(result, "1001").primary()).isFalse();
	}

	@Test
	void anExcludedSubtreeTakesItsUnitsJobsAddressesAndTheContactsOfItsOnlyStaff() {
		Map<String, DesiredObject<?>> result = byId(
				RulePipeline.of(SourceRules.NONE.withExcludedUnits(Set.of("gammel-skole")))
					.apply(delivery(), RuleContext.NONE));
		assertThat(result).doesNotContainKeys("ORG_UNIT/gammel-skole", "ORG_UNIT/gammel-team", "ENGAGEMENT/2001",
				"ADDRESS/gammel-skole:PHONE", "ADDRESS/person:peter:EMAIL", "IT_USER/PENI");
		assertThat(result).containsKeys("ORG_UNIT/kommune", "ORG_UNIT/byskolen", "ENGAGEMENT/1001", "ENGAGEMENT/1002",
				"MANAGER/1001");
	}

	@Test
	void anExcludedUnitMayBeNamedByItsUuid() {
		Map<String, DesiredObject<?>> result = byId(
				RulePipeline.of(SourceRules.NONE.withExcludedUnits(Set.of(this.gammelTeam.uuid().toString())))
					.apply(delivery(), RuleContext.NONE));
		assertThat(result).containsKey("ORG_UNIT/gammel-skole")
			.doesNotContainKeys("ORG_UNIT/gammel-team", "ENGAGEMENT/2001");
	}

	@Test
	void aJobInATeamIsLiftedToTheSchool() {
		Map<String, DesiredObject<?>> result = byId(
				RulePipeline.of(SourceRules.NONE.withLineUnitLifting(Set.of("Afdelings-niveau")))
					.apply(delivery(), RuleContext.NONE));
		Engagement lifted = engagementAt(result, "1002");
		assertThat(lifted.unit()).isEqualTo(this.byskolen.uuid());
		assertThat(lifted.originalUnit()).isEqualTo(this.indskolingen.uuid());
		assertThat(engagementAt(result, "2001").unit()).isEqualTo(this.gammelSkole.uuid());
	}

	@Test
	void hannesManagerRoleEndsWithHerJobsOrGoesVacant() {
		Map<String, DesiredObject<?>> ended = byId(
				RulePipeline.of(SourceRules.NONE.withManagerEnds(SourceRules.ManagerEnds.END))
					.apply(delivery(), RuleContext.NONE));
		assertThat(ended.get("MANAGER/1001").timeline().coverage()).containsExactly(this.hannesYears);

		Map<String, DesiredObject<?>> vacated = byId(
				RulePipeline.of(SourceRules.NONE.withManagerEnds(SourceRules.ManagerEnds.VACATE))
					.apply(delivery(), RuleContext.NONE));
		Timeline<?> role = vacated.get("MANAGER/1001").timeline();
		assertThat(((Manager) role.at(d("2025-09-01")).orElseThrow()).isVacant()).isTrue();
		assertThat(((Manager) role.at(d("2024-09-01")).orElseThrow()).person()).isEqualTo(this.hanne);
	}

	private static <T extends OrgObject> DesiredObject<T> object(ObjectType type, String externalId,
			Timeline<T> timeline) {
		return new DesiredObject<>(type, externalId, timeline);
	}

	private static Map<String, DesiredObject<?>> byId(List<DesiredObject<?>> objects) {
		Map<String, DesiredObject<?>> result = new java.util.LinkedHashMap<>();
		objects.forEach((o) -> result.put(o.type() + "/" + o.externalId(), o));
		return result;
	}

	private static Engagement engagementAt(Map<String, DesiredObject<?>> objects, String number) {
		return (Engagement) objects.get("ENGAGEMENT/" + number).timeline().at(d("2024-06-01")).orElseThrow();
	}

}
