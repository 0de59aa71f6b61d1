package dk.orghub.adapters.sd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small institution served from answers in SD's own shape (one line each; employment
 * timelines as lists of dated records from GetEmploymentChanged20111201), with the tree's
 * quirks: a unit that starts before its parent, a unit GetOrganization lacks (placed by
 * GetDepartmentParent20190701), a unit with no parent at all, a closed unit, a renumbered
 * department; and employments with moves, leave, a strike, a rehire, an ended employment,
 * a placeholder CPR number, and a termination registered today for next month.
 */
class SdInstitutionIT {

	private static final String FOLDER = "/dk/orghub/adapters/sd/institution";

	private static final UUID KOM = unit(1);

	private static final UUID BOU = unit(2);

	private static final UUID SCHOOL = unit(3);

	private static final UUID TEAM = unit(4);

	private static final UUID HEALTH = unit(5);

	private static final UUID HOME_CARE = unit(6);

	private static final UUID LAUNDRY = unit(7);

	private static final LocalDate TODAY = LocalDate.of(2025, 1, 15);

	private final MutableClock clock = new MutableClock(Instant.parse("2025-01-15T10:00:00Z"));

	private FixtureSd sd;

	private JdbcOrgStore store;

	private SdSync sync;

	@BeforeEach
	void start() {
		this.sd = new FixtureSd(FOLDER);
		this.store = TestStores.h2(this.clock);
		this.sync = new SdSync(new SdAdapter(SdConfig.of(this.sd.baseUri(), "II", "hub", "secret"), this.clock),
				this.store, FieldPolicy.none(), this.clock);
	}

	@AfterEach
	void stop() {
		this.sd.close();
	}

	@Test
	void aFullLoadGivesWholeTimelinesAndRejectsOnlyTheUnitWithoutAParent() {
		SdRunReport report = this.sync.full(false);

		assertThat(report.status()).isEqualTo(SdRunReport.Status.APPLIED);
		assertThat(report.rejected()).singleElement()
			.satisfies(p -> assertThat(p.toString()).contains("Department 'ORPH'")
				.contains("has no parent")
				.doesNotContain("line"));
		assertThat(report.warnings()).map(SdProblem::toString)
			.anySatisfy(w -> assertThat(w).contains("Department 'TEAM1'").contains("partly outside its parent 'SK20'"))
			.anySatisfy(w -> assertThat(w).contains("Department 'NY1X'").contains("GetDepartmentParent20190701"))
			.anySatisfy(w -> assertThat(w).contains("Person").contains("placeholder CPR number"))
			.anySatisfy(w -> assertThat(w).contains("Employment '10004'").contains("placeholder CPR number"));
		assertThat(this.sd.requests()).as("timelines from the whole period; never GetEmployment for one date")
			.anyMatch(r -> r.startsWith("GetEmploymentChanged20111201?")
					&& r.contains("ActivationDate=01.01.0001&DeactivationDate=31.12.9999"))
			.noneMatch(r -> r.startsWith("GetEmployment20111201"));

		Timeline<OrgUnit> school = timeline(OrgUnit.class, SCHOOL);
		assertThat(school.coverage()).as("renumbered SK10 -> SK20: one unit, keyed by its UUID")
			.containsExactly(Validity.from(LocalDate.of(2000, 1, 1)));
		assertThat(school.at(LocalDate.of(2010, 1, 1)).orElseThrow().userKey()).isEqualTo("SK10");
		assertThat(school.at(TODAY).orElseThrow().userKey()).isEqualTo("SK20");
		assertThat(school.at(TODAY).orElseThrow().parent()).isEqualTo(BOU);
		assertThat(timeline(OrgUnit.class, TEAM).coverage()).as("starts with its parent, not before")
			.containsExactly(Validity.from(LocalDate.of(2000, 1, 1)));
		assertThat(timeline(OrgUnit.class, HEALTH).at(TODAY).orElseThrow().parent()).isEqualTo(KOM);
		assertThat(timeline(OrgUnit.class, HOME_CARE).coverage())
			.containsExactly(Validity.between(LocalDate.of(1996, 1, 1), LocalDate.of(2023, 1, 1)));
		assertThat(timeline(OrgUnit.class, HOME_CARE).at(LocalDate.of(2020, 1, 1)).orElseThrow().parent())
			.isEqualTo(BOU);

		Timeline<Engagement> anna = engagement("10001");
		UUID leave = DefaultClasses.classUuid(DefaultClasses.ENGAGEMENT_TYPE, "Orlov");
		assertThat(anna.coverage()).as("from its first status record, not its latest")
			.containsExactly(Validity.from(LocalDate.of(2010, 1, 1)));
		assertThat(anna.at(LocalDate.of(2015, 1, 1)).orElseThrow()).satisfies(e -> {
			assertThat(e.unit()).isEqualTo(SCHOOL);
			assertThat(e.fraction()).as("the rate of its own years").isEqualByComparingTo("1");
			assertThat(e.jobFunction()).isEqualTo(DefaultClasses.classUuid(DefaultClasses.JOB_FUNCTION, "Lærer"));
			assertThat(e.engagementType()).isNull();
		});
		assertThat(anna.at(LocalDate.of(2021, 3, 1)).orElseThrow().fraction()).isEqualByComparingTo("0.8");
		assertThat(anna.at(LocalDate.of(2021, 7, 1)).orElseThrow().engagementType()).as("on leave").isEqualTo(leave);
		assertThat(anna.at(LocalDate.of(2022, 6, 1)).orElseThrow()).satisfies(e -> {
			assertThat(e.unit()).as("moved").isEqualTo(BOU);
			assertThat(e.engagementType()).isNull();
		});
		assertThat(anna.at(TODAY).orElseThrow().jobFunction())
			.isEqualTo(DefaultClasses.classUuid(DefaultClasses.JOB_FUNCTION, "Afdelingsleder"));

		Timeline<Engagement> bo = engagement("10002");
		assertThat(bo.coverage()).as("a strike (4) counts as employed; 8 until the rehire does not")
			.containsExactly(Validity.between(LocalDate.of(2005, 3, 1), LocalDate.of(2012, 7, 1)),
					Validity.from(LocalDate.of(2016, 1, 1)));
		assertThat(bo.at(LocalDate.of(2008, 4, 15)).orElseThrow()).satisfies(e -> {
			assertThat(e.unit()).as("lifted from the team to the line unit").isEqualTo(SCHOOL);
			assertThat(e.originalUnit()).isEqualTo(TEAM);
		});
		assertThat(engagement("10003").coverage()).containsExactly(Validity.from(LocalDate.of(2018, 1, 1)));
		assertThat(engagement("10003").at(TODAY).orElseThrow().unit()).isEqualTo(HEALTH);
		assertThat(engagement("10005").coverage()).as("an ended employment keeps its past")
			.containsExactly(Validity.between(LocalDate.of(2001, 1, 1), LocalDate.of(2020, 1, 1)));
		assertThat(this.store.identity("sd", ObjectType.ENGAGEMENT, "10004")).as("placeholder CPR").isEmpty();
	}

	@Test
	void aChangeRunSeesATerminationRegisteredTodayForNextMonthAndEndsAVanishedUnitDespiteARejectedOne() {
		this.sync.full(false);
		this.sd.load(FOLDER + "/change");

		SdRunReport report = this.sync.run(false);

		assertThat(report.mode()).isEqualTo(SdRunReport.Mode.CHANGES);
		assertThat(report.status()).isEqualTo(SdRunReport.Status.APPLIED);
		assertThat(report.rejected()).extracting(SdProblem::id).containsExactly("ORPH");
		assertThat(this.sd.requests()).anyMatch(r -> r.startsWith("GetEmploymentChangedAtDate20111201?")
				&& r.contains("FutureInformationIndicator=true"));
		assertThat(engagement("10003").coverage()).as("terminated from next month, seen today")
			.containsExactly(Validity.between(LocalDate.of(2018, 1, 1), LocalDate.of(2025, 2, 1)));
		assertThat(timeline(OrgUnit.class, LAUNDRY).coverage()).as("gone from SD: ended today")
			.containsExactly(Validity.between(LocalDate.of(2000, 1, 1), TODAY));
		assertThat(timeline(OrgUnit.class, SCHOOL).coverage()).containsExactly(Validity.from(LocalDate.of(2000, 1, 1)));

		SdRunReport again = this.sync.run(false);
		assertThat(again.status()).as("nothing more").isEqualTo(SdRunReport.Status.UNCHANGED);
	}

	@Test
	void aRejectedDepartmentKeepsWhatTheStoreHasAndDoesNotStopAnotherUnitFromGoing() {
		this.sync.full(false);
		Timeline<OrgUnit> school = timeline(OrgUnit.class, SCHOOL);
		Timeline<OrgUnit> team = timeline(OrgUnit.class, TEAM);
		this.sd.load(FOLDER + "/rejecting");

		SdRunReport changes = this.sync.run(false);

		assertThat(changes.rejected()).map(SdProblem::id).contains("SK30", "TEAM1", "ORPH");
		assertThat(timeline(OrgUnit.class, SCHOOL)).as("kept as stored").isEqualTo(school);
		assertThat(timeline(OrgUnit.class, TEAM)).as("below it: kept as stored").isEqualTo(team);
		assertThat(timeline(OrgUnit.class, LAUNDRY).coverage()).as("gone from SD: ended today")
			.containsExactly(Validity.between(LocalDate.of(2000, 1, 1), TODAY));

		SdRunReport full = this.sync.full(false);

		assertThat(full.status()).isEqualTo(SdRunReport.Status.APPLIED);
		assertThat(timeline(OrgUnit.class, SCHOOL)).isEqualTo(school);
		assertThat(timeline(OrgUnit.class, LAUNDRY)).as("a full read removes what SD no longer has").isNull();
		assertThat(engagement("10001").coverage()).as("the rejected employment keeps what the store has")
			.containsExactly(Validity.from(LocalDate.of(2010, 1, 1)));
	}

	private Timeline<Engagement> engagement(String id) {
		return timeline(Engagement.class, this.store.identity("sd", ObjectType.ENGAGEMENT, id).orElseThrow());
	}

	private <T extends OrgObject> Timeline<T> timeline(Class<T> type, UUID uuid) {
		return this.store.currentTimelines(type, List.of(uuid)).get(uuid);
	}

	private static UUID unit(int n) {
		return UUID.fromString("a0000000-0000-4000-8000-00000000000" + n);
	}

}
