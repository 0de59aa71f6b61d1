package dk.orghub.adapters.exports.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.adapters.exports.Language;
import dk.orghub.adapters.exports.OrgSnapshot;
import dk.orghub.adapters.exports.table.Table;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.TestOrg;

import static dk.orghub.adapters.exports.Snapshots.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The survey rules on a small hand-made organisation, including what the store's rules
 * keep out of real data (an engagement in an ended unit, a person without a primary
 * engagement, an invalid CPR number).
 */
class SurveyBuilderTest {

	static final LocalDate AT = LocalDate.of(2025, 3, 1);

	final OrgUnit kommune = TestOrg.unit("K", "Kommune", null);

	final OrgUnit borgerservice = TestOrg.unit("BS", "Borgerservice", this.kommune.uuid());

	final OrgUnit teamPas = TestOrg.unit("BS-P", "Team Pas", this.borgerservice.uuid());

	final OrgUnit closed = TestOrg.unit("OLD", "Gammel Afdeling", this.borgerservice.uuid());

	/** Born 1 May 1980, last digit odd: a man. */
	final Person anna = TestOrg.person("P1", "Anders", "Andersen", "1235");

	final Person bo = new Person(UUID.nameUUIDFromBytes("bo".getBytes()), "P2", null, "Bo", "Berg", null);

	/** 31 February does not exist. */
	final Person carl = new Person(UUID.nameUUIDFromBytes("carl".getBytes()), "P3", "3102801234", "Carl", "Clausen",
			null);

	final Person director = TestOrg.person("P9", "Dorthe", "Dam", "1000");

	final Engagement annaInTeam = TestOrg.engagement("1001", this.anna, this.teamPas, true);

	final Engagement annaInBorgerservice = TestOrg.engagement("1002", this.anna, this.borgerservice, false);

	final Engagement carlInClosedUnit = TestOrg.engagement("1003", this.carl, this.closed, true);

	final Engagement boInBorgerservice = TestOrg.engagement("1004", this.bo, this.borgerservice, false);

	final Engagement carlInKommune = TestOrg.engagement("1005", this.carl, this.kommune, false);

	final Engagement directorInKommune = TestOrg.engagement("1009", this.director, this.kommune, true);

	final Manager directorRole = TestOrg.manager("M-K", this.kommune, this.director);

	final Manager vacantRole = TestOrg.manager("M-BS", this.borgerservice, null);

	OrgSnapshot snapshot(boolean withDirector) {
		List<Versioned<Manager>> managers = new ArrayList<>();
		if (withDirector) {
			managers.add(v(this.directorRole));
		}
		managers.add(v(this.vacantRole));
		OrgSnapshot.Builder builder = OrgSnapshot.builder(new ReadPoint(AT, Instant.parse("2025-03-02T00:00:00Z")))
			.units(List.of(v(this.kommune), v(this.borgerservice), v(this.teamPas)))
			.engagements(List.of(v(this.annaInTeam), v(this.annaInBorgerservice), v(this.carlInClosedUnit),
					v(this.boInBorgerservice), v(this.carlInKommune), v(this.directorInKommune)))
			.managers(managers)
			.addresses(List.of(v(email("a1", this.annaInTeam.uuid(), OwnerKind.ENGAGEMENT, "anna@k.example", "PUBLIC")),
					v(email("b1", this.bo.uuid(), OwnerKind.PERSON, "bo@private.example", "SECRET")),
					v(email("c1", this.carl.uuid(), OwnerKind.PERSON, "carl@k.example", "INTERNAL")),
					v(email("d1", this.director.uuid(), OwnerKind.PERSON, "dorthe@k.example", "INTERNAL"))))
			.unitEnd(this.teamPas.uuid(), LocalDate.of(2025, 6, 1))
			.unitNotValid(this.closed.uuid(),
					Timeline.of(Validity.between(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 1, 1)), this.closed));
		for (Person person : List.of(this.anna, this.bo, this.carl, this.director)) {
			builder.person(person);
		}
		return builder.build();
	}

	static Address email(String key, UUID owner, OwnerKind kind, String value, String visibility) {
		return new Address(UUID.nameUUIDFromBytes(key.getBytes()), key, owner, kind,
				DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, "EMAIL"), value,
				DefaultClasses.classUuid(DefaultClasses.VISIBILITY, visibility));
	}

	SurveyExport export(boolean withDirector, String root, SurveyOptions options) {
		return SurveyExporter.export(snapshot(withDirector), root, options);
	}

	UnitRow unit(SurveyExport survey, OrgUnit unit) {
		return survey.units().stream().filter(u -> u.unit().equals(unit.uuid())).findFirst().orElseThrow();
	}

	@Test
	void aVacantRoleIsPassedOverForTheManagerAbove() {
		SurveyExport survey = export(true, null, SurveyOptions.defaults());

		assertThat(unit(survey, this.kommune).managerInherited()).isFalse();
		for (OrgUnit below : List.of(this.borgerservice, this.teamPas)) {
			UnitRow row = unit(survey, below);
			assertThat(row.managerPerson()).isEqualTo(this.director.uuid());
			assertThat(row.managerName()).isEqualTo("Dorthe Dam");
			assertThat(row.managerEmail()).isEqualTo("dorthe@k.example");
			assertThat(row.managerInherited()).isTrue();
			assertThat(row.managerUnitName()).isEqualTo("Kommune");
		}
		assertThat(survey.findings(FindingKind.VACANT_MANAGER_ROLE)).extracting(Finding::userKey).containsExactly("BS");
		assertThat(survey.findings(FindingKind.UNIT_WITHOUT_MANAGER)).isEmpty();
	}

	@Test
	void unitsWithoutAManagerUpToTheRootAreErrorsNamingTheVacantRoles() {
		SurveyExport survey = export(false, null, SurveyOptions.defaults());

		assertThat(survey.units()).noneMatch(UnitRow::hasManager);
		assertThat(survey.findings(FindingKind.UNIT_WITHOUT_MANAGER)).extracting(Finding::userKey, Finding::detail)
			.containsExactly(tuple("K", "No manager role in the unit or above it"),
					tuple("BS", "Only vacant manager roles, in BS"), tuple("BS-P", "Only vacant manager roles, in BS"));
		assertThat(survey.findings().get(0).severity()).isEqualTo(Severity.ERROR);
	}

	@Test
	void respondentsComeUnitByUnitWithTheEngagementsEmailBeforeThePersons() {
		SurveyExport survey = export(true, null, SurveyOptions.defaults());

		assertThat(survey.respondents())
			.extracting(RespondentRow::employmentNumber, RespondentRow::unitKey, RespondentRow::email,
					RespondentRow::manager)
			.containsExactly(tuple("1005", "K", "carl@k.example", false), tuple("1009", "K", "dorthe@k.example", true),
					tuple("1002", "BS", null, false), tuple("1004", "BS", null, false),
					tuple("1001", "BS-P", "anna@k.example", false));
		assertThat(survey.findings(FindingKind.EMPLOYEE_WITHOUT_EMAIL)).extracting(Finding::userKey, Finding::detail)
			.containsExactly(tuple("P1", "Engagement 1002 has no e-mail, nor has the person"),
					tuple("P2", "Engagement 1004 has no e-mail, nor has the person"));
		assertThat(survey.units()).extracting(UnitRow::respondents).containsExactly(2, 2, 1);
	}

	@Test
	void engagementsInEndedAndEndingUnitsAreFound() {
		SurveyExport survey = export(true, null, SurveyOptions.defaults());

		assertThat(survey.findings(FindingKind.ENGAGEMENT_IN_ENDED_UNIT))
			.extracting(Finding::userKey, Finding::unitName, Finding::detail)
			.containsExactly(tuple("1003", "Gammel Afdeling", "Unit OLD ended on 2024-01-01"));
		assertThat(survey.findings(FindingKind.ENGAGEMENT_IN_CLOSING_UNIT))
			.extracting(Finding::userKey, Finding::detail)
			.containsExactly(tuple("1001", "Unit BS-P ends on 2025-06-01"));
		assertThat(survey.respondents()).extracting(RespondentRow::employmentNumber).doesNotContain("1003");
	}

	@Test
	void anEndedUnitCountsForTheSubtreeItsLastParentIsIn() {
		assertThat(export(true, "BS", SurveyOptions.defaults()).findings(FindingKind.ENGAGEMENT_IN_ENDED_UNIT))
			.hasSize(1);
		assertThat(export(true, "BS-P", SurveyOptions.defaults()).findings(FindingKind.ENGAGEMENT_IN_ENDED_UNIT))
			.isEmpty();
	}

	@Test
	void onePerPersonTakesThePrimaryEngagementOrChoosesOneAndSaysSo() {
		SurveyExport survey = export(true, null, SurveyOptions.defaults().withRows(RowMode.PER_PERSON));

		assertThat(survey.respondents()).extracting(RespondentRow::personKey, RespondentRow::employmentNumber)
			.containsExactly(tuple("P9", "1009"), tuple("P2", "1004"), tuple("P1", "1001"));
		assertThat(survey.findings(FindingKind.NO_PRIMARY_ENGAGEMENT)).extracting(Finding::userKey, Finding::detail)
			.containsExactly(tuple("P2", "Listed by engagement 1004 of 1"));
		// Carl's primary engagement is in the ended unit: he is not listed elsewhere
		assertThat(survey.respondents()).extracting(RespondentRow::personKey).doesNotContain("P3");
	}

	@Test
	void ageBandAndSexAreLeftOutUnlessAskedForAndUnusableCprNumbersAreFoundWithoutShowingThem() {
		SurveyExport plain = export(true, null, SurveyOptions.defaults());
		assertThat(plain.respondents()).allSatisfy(r -> {
			assertThat(r.ageBand()).isNull();
			assertThat(r.sex()).isNull();
		});
		assertThat(plain.findings(FindingKind.CPR_NOT_USABLE)).isEmpty();

		SurveyExport survey = export(true, null, SurveyOptions.defaults().withAgeBand(true).withSex(true));
		RespondentRow anna = survey.respondents()
			.stream()
			.filter(r -> r.employmentNumber().equals("1001"))
			.findFirst()
			.orElseThrow();
		assertThat(anna.ageBand()).isEqualTo("35-44");
		assertThat(anna.sex()).isEqualTo(Sex.MALE);
		assertThat(survey.respondents()).filteredOn(r -> r.personKey().equals("P9"))
			.extracting(RespondentRow::sex)
			.containsExactly(Sex.FEMALE);
		assertThat(survey.findings(FindingKind.CPR_NOT_USABLE)).extracting(Finding::userKey, Finding::detail)
			.containsExactly(tuple("P3", "CPR number does not start with a valid date (DDMMYY)"),
					tuple("P2", "No CPR number"));
		for (Table table : survey.toDocument().tables()) {
			for (List<Object> row : table.rows()) {
				assertThat(row).doesNotContain("3102801234", this.anna.cpr(), this.director.cpr());
			}
		}
	}

	@Test
	void danishHeadersAndLabels() {
		SurveyExport survey = export(true, null,
				SurveyOptions.defaults().withLanguage(Language.DA).withAgeBand(true).withSex(true));
		Table respondents = survey.toDocument().table(SurveyExport.RESPONDENTS);

		assertThat(respondents.name()).isEqualTo("Respondenter");
		assertThat(respondents.headers()).startsWith("Ansættelsesnummer").endsWith("Aldersgruppe", "Køn");
		assertThat(respondents.rows().get(1)).contains("ja", "kvinde");
		assertThat(survey.toDocument().table(SurveyExport.DATA_QUALITY).rows().get(0)).startsWith("fejl",
				"ENGAGEMENT_IN_ENDED_UNIT", "Ansættelse i en enhed, der er nedlagt");
	}

	@Test
	void ageBandsFollowTheLimits() {
		AgeBands bands = new AgeBands(List.of(30, 50), Language.EN);

		assertThat(bands.bandOfAge(29)).isEqualTo("under 30");
		assertThat(bands.bandOfAge(30)).isEqualTo("30-49");
		assertThat(bands.bandOfAge(49)).isEqualTo("30-49");
		assertThat(bands.bandOfAge(50)).isEqualTo("50 and over");
		assertThat(bands.band(LocalDate.of(1995, 3, 2), LocalDate.of(2025, 3, 1))).isEqualTo("under 30");
		assertThat(bands.band(LocalDate.of(1995, 3, 1), LocalDate.of(2025, 3, 1))).isEqualTo("30-49");
	}

}
