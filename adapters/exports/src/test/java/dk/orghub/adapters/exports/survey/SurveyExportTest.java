package dk.orghub.adapters.exports.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.orghub.adapters.exports.SampleEstate;
import dk.orghub.adapters.exports.UnknownUnitException;
import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.query.ManagerResolution;
import dk.orghub.core.query.OrganisationQueries;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.samples.municipality.Municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The survey export of the sample municipality (1,500 employees, with work e-mails) at
 * the generator's reference date and two and a half years earlier, checked against the
 * generated data and against hub-core's {@link OrganisationQueries}.
 */
class SurveyExportTest {

	static final String REFERENCE_DATE = "2025-01-01";

	static final String EARLIER_DATE = "2022-06-01";

	private final SampleEstate estate = SampleEstate.of(1_500);

	private final Municipality municipality = this.estate.municipality();

	private final SurveyExporter exporter = new SurveyExporter(this.estate.store(), Clock.systemUTC());

	@ParameterizedTest
	@ValueSource(strings = { REFERENCE_DATE, EARLIER_DATE })
	void everyUnitGetsTheManagerOrganisationQueriesResolvesWithInheritance(String date) {
		LocalDate at = LocalDate.parse(date);
		ReadPoint point = ReadPoint.of(at, null, Clock.systemUTC());
		SurveyExport survey = this.exporter.export(point, null, SurveyOptions.defaults());
		OrganisationQueries queries = new OrganisationQueries(this.estate.store());

		assertThat(survey.units()).hasSize(unitsValidAt(at).size());
		assertThat(this.municipality.actors().medUnits()).as("the store holds a MED organisation").isNotEmpty();
		assertThat(survey.units()).as("the survey walks the line organisation only")
			.extracting(UnitRow::unit)
			.doesNotContainAnyElementsOf(this.municipality.actors().medUnits().keySet());
		int inherited = 0;
		for (UnitRow row : survey.units()) {
			ManagerResolution expected = queries.resolveManager(row.unit(), point, true).orElseThrow();
			assertThat(Optional.ofNullable(row.managerPerson())).as(row.userKey())
				.isEqualTo(expected.found().map(v -> v.value().person()));
			assertThat(row.managerInherited()).as(row.userKey()).isEqualTo(expected.inherited());
			assertThat(row.managerUnit()).isEqualTo(expected.found().map(v -> v.value().unit()).orElse(null));
			inherited += row.managerInherited() ? 1 : 0;
		}
		assertThat(inherited).as("units with an inherited manager").isGreaterThan(10);
		assertThat(survey.units()).filteredOn(r -> r.hasManager() && !r.managerInherited()).hasSizeGreaterThan(10);
	}

	@Test
	void aTeamWithoutManagerGetsTheManagerOfTheNearestUnitAboveWithOne() {
		LocalDate at = LocalDate.parse(REFERENCE_DATE);
		SurveyExport survey = this.exporter.export(at, null, SurveyOptions.defaults());
		Map<UUID, UnitRow> rows = survey.units().stream().collect(Collectors.toMap(UnitRow::unit, r -> r));
		Map<UUID, UUID> heldBy = managersAt(at);
		int checked = 0;
		for (UnitRow row : survey.units()) {
			if (heldBy.containsKey(row.unit()) || row.parent() == null) {
				continue;
			}
			UUID above = row.parent();
			while (above != null && !heldBy.containsKey(above)) {
				above = rows.get(above).parent();
			}
			assertThat(row.managerUnit()).as(row.path()).isEqualTo(above);
			assertThat(row.managerPerson()).isEqualTo(heldBy.get(above));
			assertThat(row.managerInherited()).isTrue();
			assertThat(row.managerName()).isEqualTo(name(heldBy.get(above)));
			assertThat(row.managerEmail()).isEqualTo(this.estate.workEmails().get(heldBy.get(above)));
			checked++;
		}
		assertThat(checked).isGreaterThan(20);
	}

	@ParameterizedTest
	@ValueSource(strings = { REFERENCE_DATE, EARLIER_DATE })
	void thereIsOneRespondentRowPerEngagementValidAtTheDate(String date) {
		LocalDate at = LocalDate.parse(date);
		SurveyExport survey = this.exporter.export(at, null, SurveyOptions.defaults());
		Map<String, Engagement> expected = engagementsAt(at);
		Map<UUID, UUID> managers = managersAt(at);

		assertThat(survey.respondents()).extracting(RespondentRow::employmentNumber)
			.containsExactlyInAnyOrderElementsOf(expected.keySet());
		for (RespondentRow row : survey.respondents()) {
			Engagement engagement = expected.get(row.employmentNumber());
			assertThat(row.unit()).isEqualTo(engagement.unit());
			assertThat(row.person()).isEqualTo(engagement.person());
			assertThat(row.name()).isEqualTo(name(engagement.person()));
			assertThat(row.unitName()).isEqualTo(this.municipality.units().get(row.unit()).at(at).orElseThrow().name());
			assertThat(row.email()).isEqualTo(this.estate.workEmails().get(row.person()));
			assertThat(row.manager()).isEqualTo(row.person().equals(managers.get(row.unit())));
			assertThat(row.primary()).isEqualTo(engagement.primary());
			assertThat(row.ageBand()).isNull();
			assertThat(row.sex()).isNull();
		}
		assertThat(survey.respondents()).filteredOn(RespondentRow::manager).hasSizeGreaterThan(10);
		assertThat(survey.respondents()).filteredOn(r -> !r.primary()).isNotEmpty();
		Map<UUID, Long> perUnit = survey.respondents()
			.stream()
			.collect(Collectors.groupingBy(RespondentRow::unit, Collectors.counting()));
		survey.units().forEach(u -> assertThat((long) u.respondents()).isEqualTo(perUnit.getOrDefault(u.unit(), 0L)));
	}

	@Test
	void theTwoDatesGiveDifferentLists() {
		SurveyExport now = this.exporter.export(LocalDate.parse(REFERENCE_DATE), null, SurveyOptions.defaults());
		SurveyExport earlier = this.exporter.export(LocalDate.parse(EARLIER_DATE), null, SurveyOptions.defaults());

		assertThat(earlier.units().size()).isLessThan(now.units().size());
		assertThat(earlier.respondents().size()).isLessThan(now.respondents().size());
	}

	@ParameterizedTest
	@ValueSource(strings = { REFERENCE_DATE, EARLIER_DATE })
	void onePerPersonListsEachPersonOnceByThePrimaryEngagement(String date) {
		LocalDate at = LocalDate.parse(date);
		SurveyExport survey = this.exporter.export(at, null, SurveyOptions.defaults().withRows(RowMode.PER_PERSON));
		Map<UUID, Engagement> primaries = new HashMap<>();
		engagementsAt(at).values().stream().filter(Engagement::primary).forEach(e -> primaries.put(e.person(), e));

		assertThat(survey.respondents()).extracting(RespondentRow::person)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(primaries.keySet());
		for (RespondentRow row : survey.respondents()) {
			assertThat(row.employmentNumber()).isEqualTo(primaries.get(row.person()).userKey());
			assertThat(row.primary()).isTrue();
		}
		assertThat(survey.findings(FindingKind.NO_PRIMARY_ENGAGEMENT)).isEmpty();
		assertThat(survey.respondents().size())
			.isLessThan(this.exporter.export(at, null, SurveyOptions.defaults()).respondents().size());
	}

	@ParameterizedTest
	@ValueSource(strings = { REFERENCE_DATE, EARLIER_DATE })
	void findsEmployeesAndManagersWithoutEmailAndEngagementsInUnitsThatEnd(String date) {
		LocalDate at = LocalDate.parse(date);
		SurveyExport survey = this.exporter.export(at, null, SurveyOptions.defaults());
		Set<UUID> respondents = survey.respondents().stream().map(RespondentRow::person).collect(Collectors.toSet());

		Set<UUID> withoutEmail = new HashSet<>(this.estate.personsWithoutWorkEmail());
		withoutEmail.retainAll(respondents);
		assertThat(withoutEmail).isNotEmpty();
		assertThat(survey.findings(FindingKind.EMPLOYEE_WITHOUT_EMAIL)).extracting(Finding::object)
			.containsExactlyInAnyOrderElementsOf(withoutEmail);

		Set<UUID> managersWithoutEmail = survey.units()
			.stream()
			.map(UnitRow::managerPerson)
			.filter(p -> p != null && this.estate.personsWithoutWorkEmail().contains(p))
			.collect(Collectors.toSet());
		assertThat(survey.findings(FindingKind.MANAGER_WITHOUT_EMAIL)).extracting(Finding::object)
			.containsExactlyInAnyOrderElementsOf(managersWithoutEmail);

		Map<String, LocalDate> ending = new HashMap<>();
		engagementsAt(at).forEach((number, engagement) -> {
			List<Validity> coverage = this.municipality.units().get(engagement.unit()).coverage();
			LocalDate end = coverage.get(coverage.size() - 1).to();
			if (end != null) {
				ending.put(number, end);
			}
		});
		assertThat(survey.findings(FindingKind.ENGAGEMENT_IN_CLOSING_UNIT)).extracting(Finding::userKey)
			.containsExactlyInAnyOrderElementsOf(ending.keySet());
		survey.findings(FindingKind.ENGAGEMENT_IN_CLOSING_UNIT)
			.forEach(f -> assertThat(f.detail()).endsWith("ends on " + ending.get(f.userKey())));
		assertThat(survey.findings(FindingKind.ENGAGEMENT_IN_ENDED_UNIT)).isEmpty();
	}

	@Test
	void unitsClosingLaterShowUpOnlyAtTheEarlierDate() {
		assertThat(this.exporter.export(LocalDate.parse(EARLIER_DATE), null, SurveyOptions.defaults())
			.findings(FindingKind.ENGAGEMENT_IN_CLOSING_UNIT)).isNotEmpty();
		assertThat(this.exporter.export(LocalDate.parse(REFERENCE_DATE), null, SurveyOptions.defaults())
			.findings(FindingKind.ENGAGEMENT_IN_CLOSING_UNIT)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { REFERENCE_DATE, EARLIER_DATE })
	void vacantManagerRolesAreReportedWithTheManagerShownInstead(String date) {
		LocalDate at = LocalDate.parse(date);
		SurveyExport survey = this.exporter.export(at, null, SurveyOptions.defaults());
		Set<UUID> vacantOnly = new HashSet<>();
		Set<UUID> held = managersAt(at).keySet();
		for (Timeline<Manager> timeline : this.municipality.managers().values()) {
			timeline.at(at).filter(Manager::isVacant).map(Manager::unit).ifPresent(vacantOnly::add);
		}
		vacantOnly.removeAll(held);

		assertThat(vacantOnly).isNotEmpty();
		assertThat(survey.findings(FindingKind.VACANT_MANAGER_ROLE)).extracting(Finding::object)
			.containsExactlyInAnyOrderElementsOf(vacantOnly);
		for (Finding finding : survey.findings(FindingKind.VACANT_MANAGER_ROLE)) {
			UnitRow row = survey.units().stream().filter(u -> u.unit().equals(finding.object())).findFirst().get();
			assertThat(row.managerInherited()).isTrue();
			assertThat(finding.detail()).contains(row.managerName());
		}
		assertThat(survey.findings(FindingKind.UNIT_WITHOUT_MANAGER)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { REFERENCE_DATE, EARLIER_DATE })
	void aRootUnitLimitsTheExportToItsSubtree(String date) {
		LocalDate at = LocalDate.parse(date);
		OrgUnit department = this.municipality.units()
			.values()
			.stream()
			.map(t -> t.at(at).orElse(null))
			.filter(u -> u != null && this.municipality.root().equals(u.parent()))
			.findFirst()
			.orElseThrow();
		SurveyExport whole = this.exporter.export(at, null, SurveyOptions.defaults());
		SurveyExport part = this.exporter.export(at, department.userKey(), SurveyOptions.defaults());

		Set<UUID> subtree = new HashSet<>();
		for (UnitRow row : whole.units()) {
			if (row.path().startsWith("Sample Kommune / " + department.name())) {
				subtree.add(row.unit());
			}
		}
		assertThat(part.root()).isEqualTo(department.uuid());
		assertThat(part.units().get(0).unit()).isEqualTo(department.uuid());
		assertThat(part.units()).extracting(UnitRow::unit).containsExactlyInAnyOrderElementsOf(subtree);
		assertThat(part.respondents()).containsExactlyInAnyOrderElementsOf(
				whole.respondents().stream().filter(r -> subtree.contains(r.unit())).toList());
		assertThat(part.findings()).isNotEmpty()
			.allSatisfy(f -> assertThat(subtree).contains(f.unit()))
			.isSubsetOf(whole.findings());
		assertThat(part.toDocument().baseName()).isEqualTo("survey-" + date + "-" + department.userKey());
		SurveyExport byUuid = this.exporter.export(at, department.uuid().toString(), SurveyOptions.defaults());
		assertThat(byUuid.units()).isEqualTo(part.units());
		assertThat(byUuid.respondents()).isEqualTo(part.respondents());
		assertThat(byUuid.findings()).isEqualTo(part.findings());
	}

	@Test
	void anUnknownRootIsRefused() {
		assertThatThrownBy(
				() -> this.exporter.export(LocalDate.parse(REFERENCE_DATE), "NO-SUCH-UNIT", SurveyOptions.defaults()))
			.isInstanceOf(UnknownUnitException.class)
			.hasMessageContaining("NO-SUCH-UNIT")
			.hasMessageContaining(REFERENCE_DATE);
	}

	@Test
	void ageBandAndSexComeFromTheCprNumberOnlyWhenAskedFor() {
		LocalDate at = LocalDate.parse(REFERENCE_DATE);
		SurveyExport survey = this.exporter.export(at, null, SurveyOptions.defaults().withAgeBand(true).withSex(true));
		Map<String, Integer> bands = new HashMap<>();
		for (RespondentRow row : survey.respondents()) {
			Person person = this.municipality.persons().get(row.person()).at(at).orElseThrow();
			Cpr.Check check = Cpr.check(person.cpr());
			int age = java.time.Period.between(check.birthDate(), at).getYears();
			int lastDigit = person.cpr().charAt(9) - '0';
			assertThat(row.sex()).isEqualTo((lastDigit % 2 == 1) ? Sex.MALE : Sex.FEMALE);
			assertThat(row.ageBand()).isEqualTo(expectedBand(age));
			bands.merge(row.ageBand(), 1, Integer::sum);
		}
		assertThat(bands).containsOnlyKeys("under 25", "25-34", "35-44", "45-54", "55-64", "65 and over");
		assertThat(survey.respondents()).extracting(RespondentRow::sex).contains(Sex.MALE, Sex.FEMALE);
		assertThat(survey.findings(FindingKind.CPR_NOT_USABLE)).isEmpty();
		assertThat(survey.toDocument().table(SurveyExport.RESPONDENTS).headers()).endsWith("Age band", "Sex");
	}

	private static String expectedBand(int age) {
		if (age < 25) {
			return "under 25";
		}
		if (age >= 65) {
			return "65 and over";
		}
		int low = 25 + (age - 25) / 10 * 10;
		return low + "-" + (low + 9);
	}

	private Map<UUID, OrgUnit> unitsValidAt(LocalDate at) {
		Map<UUID, OrgUnit> units = new HashMap<>();
		this.municipality.units().forEach((uuid, t) -> t.at(at).ifPresent(u -> units.put(uuid, u)));
		return units;
	}

	private Map<String, Engagement> engagementsAt(LocalDate at) {
		Map<String, Engagement> engagements = new HashMap<>();
		this.municipality.engagements().values().forEach(t -> t.at(at).ifPresent(e -> engagements.put(e.userKey(), e)));
		return engagements;
	}

	/** Unit to the person holding its (first) manager role at the date. */
	private Map<UUID, UUID> managersAt(LocalDate at) {
		Map<UUID, UUID> managers = new HashMap<>();
		this.municipality.managers()
			.values()
			.forEach(t -> t.at(at)
				.filter(m -> !m.isVacant())
				.ifPresent(m -> managers.putIfAbsent(m.unit(), m.person())));
		return managers;
	}

	private String name(UUID person) {
		Person p = this.municipality.persons().get(person).segments().get(0).value();
		return p.givenName() + " " + p.surname();
	}

}
