package dk.orghub.adapters.sd;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.rules.RuleContext;
import dk.orghub.core.rules.RulePipeline;
import dk.orghub.core.spi.DesiredObject;

import static dk.orghub.adapters.sd.SdFixtures.ANNA;
import static dk.orghub.adapters.sd.SdFixtures.BO;
import static dk.orghub.adapters.sd.SdFixtures.NO_MODULUS;
import static dk.orghub.adapters.sd.SdFixtures.OPEN;
import static dk.orghub.adapters.sd.SdFixtures.chain;
import static dk.orghub.adapters.sd.SdFixtures.department;
import static dk.orghub.adapters.sd.SdFixtures.departments;
import static dk.orghub.adapters.sd.SdFixtures.employment;
import static dk.orghub.adapters.sd.SdFixtures.employmentAnswer;
import static dk.orghub.adapters.sd.SdFixtures.employments;
import static dk.orghub.adapters.sd.SdFixtures.inDepartment;
import static dk.orghub.adapters.sd.SdFixtures.person;
import static dk.orghub.adapters.sd.SdFixtures.persons;
import static dk.orghub.adapters.sd.SdFixtures.profession;
import static dk.orghub.adapters.sd.SdFixtures.rate;
import static dk.orghub.adapters.sd.SdFixtures.status;
import static dk.orghub.adapters.sd.SdFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

class SdMapperTest {

	private static final LocalDate JAN = LocalDate.of(2024, 1, 15);

	private final SdConfig config = SdConfig.of(URI.create("http://localhost/"), "XY", "u", "p");

	private final SdMapper mapper = new SdMapper(this.config);

	private final Map<UUID, Klasse> classes = new LinkedHashMap<>();

	private final List<SdProblem> rejected = new ArrayList<>();

	private final List<SdProblem> warnings = new ArrayList<>();

	private static final String ROOT = department("R", "NY0-niveau", "Kommunen");

	private static final String AREA = department("A", "NY1-niveau", "Børn og Unge");

	private static final String SCHOOL = department("S", "NY4-niveau", "Vestskolen");

	private static final String TEAM = department("T", "Afdelings-niveau", "Indskoling");

	private SdMapper.Units standardUnits() {
		return this.mapper.units(departments(ROOT, AREA, SCHOOL, TEAM), tree(chain("T", "S", "A", "R")), this.classes,
				this.rejected, this.warnings);
	}

	@Test
	void departmentsBecomeUnitsInTheTreeWithLevelsTypesAndUuids() {
		String given = "6f1c7e0e-8f7a-4c1e-9a55-0b1e5d2c7a10";
		SdMapper.Units units = this.mapper.units(
				departments(ROOT,
						department("A", "NY1-niveau", "Børn og Unge", "2000-01-01", "2023-12-31",
								"<DepartmentUUIDIdentifier>" + given + "</DepartmentUUIDIdentifier>"),
						department("A", "NY1-niveau", "Børn, Unge og Familie", "2024-01-01", OPEN,
								"<DepartmentUUIDIdentifier>" + given + "</DepartmentUUIDIdentifier>"),
						TEAM.replace("<DepartmentName>",
								"<DepartmentUUIDIdentifier>" + given.replace('6', '7')
										+ "</DepartmentUUIDIdentifier><DepartmentName>")),
				tree(chain("T", "A", "R")), this.classes, this.rejected, this.warnings);

		assertThat(this.rejected).isEmpty();
		UUID area = unit(units, "A");
		assertThat(area).isEqualTo(UUID.fromString(given));
		assertThat(unit(units, "R")).isEqualTo(this.mapper.unitUuid("R"));
		Timeline<OrgUnit> a = units.timelines().get(area);
		assertThat(a.at(LocalDate.of(2023, 6, 1)).orElseThrow().name()).isEqualTo("Børn og Unge");
		assertThat(a.at(JAN).orElseThrow().name()).isEqualTo("Børn, Unge og Familie");
		assertThat(a.at(JAN).orElseThrow().parent()).isEqualTo(unit(units, "R"));
		assertThat(a.at(JAN).orElseThrow().unitLevel())
			.isEqualTo(DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_LEVEL, "NY1-niveau"));
		assertThat(a.at(JAN).orElseThrow().unitType())
			.isEqualTo(DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling"));
		OrgUnit team = units.timelines().get(unit(units, "T")).at(JAN).orElseThrow();
		assertThat(team.unitType()).isEqualTo(DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Team"));
		assertThat(units.timelines().get(unit(units, "R")).at(JAN).orElseThrow().parent()).isNull();
		assertThat(this.classes).as("only default classes were used").isEmpty();
	}

	@Test
	void contactDataBecomeAddressesAndPlaceholdersAreLeftOut() {
		String contact = "<PostalAddress><StandardAddressIdentifier>Skolevej 1</StandardAddressIdentifier>"
				+ "<PostalCode>8000</PostalCode><DistrictName>Aarhus C</DistrictName></PostalAddress>"
				+ "<ContactInformation><TelephoneNumberIdentifier>00000000</TelephoneNumberIdentifier>"
				+ "<EmailAddressIdentifier>Empty@Empty</EmailAddressIdentifier></ContactInformation>"
				+ "<ProductionUnitIdentifier>12345</ProductionUnitIdentifier>";
		SdMapper.Units units = this.mapper.units(
				departments(department("R", "NY0-niveau", "Kommunen", "2000-01-01", OPEN, contact)), tree(chain("R")),
				this.classes, this.rejected, this.warnings);

		List<Address> addresses = units.objects()
			.stream()
			.filter(o -> o.type() == ObjectType.ADDRESS)
			.map(o -> (Address) o.timeline().segments().get(0).value())
			.toList();
		assertThat(addresses).extracting(Address::value).containsExactly("Skolevej 1, 8000 Aarhus C");
		assertThat(this.warnings).singleElement()
			.satisfies(w -> assertThat(w.toString()).contains("Department 'R'")
				.contains("PNUMBER left out")
				.contains("10 digits"));
	}

	@Test
	void aUnitWhoseParentDoesNotExistIsRejectedAndSoIsWhatIsBelowIt() {
		SdMapper.Units units = this.mapper.units(departments(ROOT, SCHOOL, TEAM), tree(chain("T", "S", "X", "R")),
				this.classes, this.rejected, this.warnings);

		assertThat(units.timelines().keySet()).containsExactly(unit(units, "R"));
		assertThat(this.rejected).extracting(SdProblem::id).containsExactlyInAnyOrder("S", "T");
		assertThat(problem("S").reason()).contains("parent department 'X' does not exist");
		assertThat(problem("S").operation()).isEqualTo("GetDepartment20111201");
		assertThat(problem("S").uuid()).isEqualTo(this.mapper.unitUuid("S"));
		assertThat(problem("S").toString()).doesNotContain("line");
		assertThat(problem("T").reason()).contains("parent department 'S' is rejected");
	}

	@Test
	void aCycleInAnOrganizationAnswerIsRejected() {
		SdMapper.Units units = this.mapper.units(departments(ROOT, AREA, SCHOOL, TEAM),
				tree(chain("A", "S", "T", "A", "R")), this.classes, this.rejected, this.warnings);

		assertThat(units.timelines().keySet()).containsExactly(unit(units, "R"));
		assertThat(problem("A").reason()).contains("two parents, 'S' and 'R'");
		assertThat(problem("T").reason()).contains("parent department 'A' is rejected");
	}

	@Test
	void aCycleInTheParentsIsRejectedNamingTheCycle() {
		SdMapper.Tree tree = SdMapper.Tree.empty();
		tree.parents().putAll(Map.of("id:R", SdMapper.Tree.ROOT, "id:A", "id:S", "id:S", "id:T", "id:T", "id:A"));
		SdMapper.Units units = this.mapper.units(departments(ROOT, AREA, SCHOOL, TEAM), tree, this.classes,
				this.rejected, this.warnings);

		assertThat(units.timelines().keySet()).containsExactly(unit(units, "R"));
		assertThat(this.rejected).extracting(SdProblem::id).containsExactlyInAnyOrder("A", "S", "T");
		assertThat(problem("A").reason()).contains("is its own ancestor (cycle A -> S -> T -> A)");
	}

	@Test
	void aDuplicateDepartmentIdWithOverlappingDatesIsRejected() {
		this.mapper.units(departments(ROOT, AREA, department("A", "NY1-niveau", "Igen", "2010-01-01", OPEN, "")),
				tree(chain("A", "R")), this.classes, this.rejected, this.warnings);

		assertThat(problem("A").reason()).contains("two records of the department have overlapping dates");
	}

	@Test
	void datesOutOfOrderRejectTheDepartment() {
		this.mapper.units(departments(ROOT, department("A", "NY1-niveau", "Baglæns", "2020-01-01", "2019-12-31", "")),
				tree(chain("A", "R")), this.classes, this.rejected, this.warnings);

		assertThat(problem("A").reason()).contains("dates out of order").contains("2019-12-31");
	}

	@Test
	void aDepartmentMissingFromTheTreeIsRejected() {
		SdMapper.Units units = this.mapper.units(departments(ROOT, AREA), tree(chain("R")), this.classes, this.rejected,
				this.warnings);

		assertThat(units.timelines().keySet()).containsExactly(unit(units, "R"));
		assertThat(problem("A").reason()).contains("not in the organisation tree");
	}

	@Test
	void aUnitThatStartsBeforeItsParentStartsWithItsParentWithAWarning() {
		SdMapper.Units units = this.mapper.units(
				departments(department("R", "NY0-niveau", "Kommunen", "2010-01-01", OPEN, ""),
						department("A", "NY1-niveau", "Tidlig", "2005-01-01", OPEN, "")),
				tree(chain("A", "R")), this.classes, this.rejected, this.warnings);

		assertThat(this.rejected).isEmpty();
		assertThat(units.timelines().get(unit(units, "A")).coverage())
			.containsExactly(Validity.from(LocalDate.of(2010, 1, 1)));
		assertThat(this.warnings).singleElement()
			.satisfies(
					w -> assertThat(w.toString()).contains("Department 'A'").contains("partly outside its parent 'R'"));
	}

	@Test
	void aUnitNeverValidWhileItsParentIsIsRejected() {
		this.mapper.units(
				departments(department("R", "NY0-niveau", "Kommunen", "2010-01-01", OPEN, ""),
						department("A", "NY1-niveau", "Lukket", "2005-01-01", "2008-12-31", "")),
				tree(chain("A", "R")), this.classes, this.rejected, this.warnings);

		assertThat(problem("A").reason()).contains("never while its parent 'R' is");
	}

	@Test
	void aRenumberedDepartmentIsOneUnitKeyedByItsUuidWithItsIdentifiersOverTime() {
		String uuid = "6f1c7e0e-8f7a-4c1e-9a55-0b1e5d2c7a10";
		String keep = "<DepartmentUUIDIdentifier>" + uuid + "</DepartmentUUIDIdentifier>";
		SdMapper.Units units = this.mapper.units(
				departments(ROOT, department("A100", "NY1-niveau", "Børn", "2000-01-01", "2019-12-31", keep),
						department("A200", "NY1-niveau", "Børn", "2020-01-01", OPEN, keep)),
				tree("<DepartmentReference><DepartmentIdentifier>A200</DepartmentIdentifier>" + keep
						+ "<DepartmentReference><DepartmentIdentifier>R</DepartmentIdentifier>"
						+ "</DepartmentReference></DepartmentReference>"),
				this.classes, this.rejected, this.warnings);

		assertThat(this.rejected).isEmpty();
		assertThat(units.objects()).filteredOn(o -> o.type() == ObjectType.ORG_UNIT)
			.extracting(DesiredObject::externalId)
			.containsExactlyInAnyOrder(uuid, this.mapper.unitUuid("R").toString());
		Timeline<OrgUnit> area = units.timelines().get(UUID.fromString(uuid));
		assertThat(area.coverage()).containsExactly(Validity.from(LocalDate.of(2000, 1, 1)));
		assertThat(area.at(LocalDate.of(2010, 1, 1)).orElseThrow().userKey()).isEqualTo("A100");
		assertThat(area.at(JAN).orElseThrow().userKey()).isEqualTo("A200");
		List<DesiredObject<?>> result = this.mapper.engagements("GetEmploymentChanged20111201",
				employmentAnswer(employments(ANNA,
						employment("100", inDepartment("A100", "2010-01-01", "2019-12-31"),
								inDepartment("A200", "2020-01-01", OPEN), status("1", "2010-01-01", OPEN)))),
				anna(), units, this.classes, this.rejected, this.warnings);
		assertThat(this.rejected).isEmpty();
		assertThat(engagement(result, "100").segments()).extracting(s -> s.value().unit())
			.containsOnly(UUID.fromString(uuid));
		assertThat(engagement(result, "100").coverage()).containsExactly(Validity.from(LocalDate.of(2010, 1, 1)));
	}

	@Test
	void aUnitGetOrganizationLacksIsPlacedUnderTheParentGetDepartmentParentNamesWithAWarning() {
		String uuid = "6f1c7e0e-8f7a-4c1e-9a55-0b1e5d2c7a10";
		String institution = "11111111-2222-3333-4444-555555555555";
		SdMapper.Tree tree = tree(chain("A", "R"));
		tree.institution(institution);
		tree.addParent(UUID.fromString(uuid), this.mapper.unitUuid("A").toString());
		tree.addParent(this.mapper.unitUuid("R"), institution);
		SdMapper.Units units = this.mapper.units(
				departments(ROOT, AREA,
						department("N", "NY2-niveau", "Ny", "2000-01-01", OPEN,
								"<DepartmentUUIDIdentifier>" + uuid + "</DepartmentUUIDIdentifier>"),
						department("O", "NY2-niveau", "Forældreløs", "2000-01-01", OPEN,
								"<DepartmentUUIDIdentifier>" + uuid.replace('6', '9') + "</DepartmentUUIDIdentifier>")),
				tree, this.classes, this.rejected, this.warnings);

		assertThat(units.timelines().get(UUID.fromString(uuid)).at(JAN).orElseThrow().parent())
			.isEqualTo(unit(units, "A"));
		assertThat(this.warnings).singleElement()
			.satisfies(w -> assertThat(w.toString()).contains("Department 'N'").contains("GetDepartmentParent"));
		assertThat(problem("O").reason()).contains("has no parent");
	}

	@Test
	void personsGetUuidsFromTheCallerAndAnInvalidCprRejectsThePersonAndItsEmployments() {
		SdMapper.Units units = standardUnits();
		Map<String, UUID> given = new HashMap<>();
		Map<String, DesiredObject<Person>> persons = this.mapper.persons("GetPerson20111201",
				persons(person(ANNA, "Anna", "Test"), person("3213801234", "Ugyldig", "Dato"),
						person(NO_MODULUS, "Uden", "Modulus")),
				cpr -> given.computeIfAbsent(cpr, c -> UUID.randomUUID()), this.rejected, this.warnings);

		assertThat(persons).containsOnlyKeys(ANNA, NO_MODULUS);
		Person anna = persons.get(ANNA).timeline().at(JAN).orElseThrow();
		assertThat(anna.uuid()).isEqualTo(given.get(ANNA));
		assertThat(anna.userKey()).isNotEqualTo(ANNA);
		assertThat(persons.get(ANNA).timeline().coverage()).containsExactly(Validity.from(LocalDate.of(1980, 1, 1)));
		assertThat(this.rejected).singleElement().satisfies(p -> {
			assertThat(p.reason()).contains("valid date").doesNotContain("3213801234");
			assertThat(p.id()).doesNotContain("3213801234");
		});
		assertThat(this.warnings).singleElement()
			.satisfies(w -> assertThat(w.reason()).containsIgnoringCase("modulus").doesNotContain(NO_MODULUS));

		List<DesiredObject<?>> engagements = this.mapper.engagements("GetEmploymentChanged20111201",
				employmentAnswer(employments("3213801234",
						employment("100", inDepartment("S", "2020-01-01", OPEN), status("1", "2020-01-01", OPEN)))),
				persons, units, this.classes, this.rejected, this.warnings);
		assertThat(engagements).isEmpty();
		assertThat(this.rejected).last()
			.satisfies(p -> assertThat(p.toString()).contains("Employment '100'")
				.contains("valid date")
				.doesNotContain("3213801234"));
	}

	@Test
	void intervalsAreCombinedAtTheirBreakpointsAndStatusDecidesWhenItIsAnEngagement() {
		SdMapper.Units units = standardUnits();
		Map<String, DesiredObject<Person>> persons = anna();
		List<DesiredObject<?>> result = this.mapper.engagements("GetEmploymentChanged20111201",
				employmentAnswer(employments(ANNA,
						employment("100", inDepartment("S", "2020-01-01", "2021-12-31"),
								inDepartment("A", "2022-01-01", OPEN), profession("Lærer", "2020-01-01", OPEN),
								rate("1.0000", "2020-01-01", "2020-12-31"), rate("0.8", "2021-01-01", OPEN),
								status("1", "2020-01-01", "2022-05-31"), status("3", "2022-06-01", "2022-12-31"),
								status("8", "2023-01-01", "2023-12-31"), status("1", "2024-01-01", "2024-06-30"),
								status("S", "2024-07-01", OPEN)))),
				persons, units, this.classes, this.rejected, this.warnings);

		assertThat(this.rejected).isEmpty();
		Timeline<Engagement> e = engagement(result, "100");
		assertThat(e.coverage()).as("employed 0/1/3, not 8 or S; back to 1 on rehire")
			.containsExactly(Validity.between(LocalDate.of(2020, 1, 1), LocalDate.of(2023, 1, 1)),
					Validity.between(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 7, 1)));
		assertThat(e.at(LocalDate.of(2020, 6, 1)).orElseThrow().unit()).isEqualTo(unit(units, "S"));
		assertThat(e.at(LocalDate.of(2020, 6, 1)).orElseThrow().fraction()).isEqualByComparingTo("1");
		assertThat(e.at(LocalDate.of(2021, 6, 1)).orElseThrow().fraction()).isEqualByComparingTo("0.8");
		assertThat(e.at(LocalDate.of(2022, 6, 1)).orElseThrow().unit()).as("on leave (3) is still engaged")
			.isEqualTo(unit(units, "A"));
		assertThat(e.at(LocalDate.of(2022, 6, 1)).orElseThrow().jobFunction())
			.isEqualTo(DefaultClasses.classUuid(DefaultClasses.JOB_FUNCTION, "Lærer"));
		assertThat(e.at(JAN).orElseThrow().userKey()).isEqualTo("100");
		assertThat(e.at(JAN).orElseThrow().uuid()).isEqualTo(this.mapper.engagementUuid("100"));
	}

	@Test
	void aConflictCountsAsEmployedAndLeaveCarriesTheLeaveType() {
		SdMapper.Units units = standardUnits();
		List<DesiredObject<?>> result = this.mapper.engagements("GetEmploymentChanged20111201",
				employmentAnswer(employments(ANNA,
						employment("100", inDepartment("S", "2020-01-01", OPEN),
								status("1", "2020-01-01", "2020-03-31"), status("4", "2020-04-01", "2020-04-30"),
								status("3", "2020-05-01", "2020-12-31"), status("1", "2021-01-01", OPEN)))),
				anna(), units, this.classes, this.rejected, this.warnings);

		assertThat(this.rejected).isEmpty();
		Timeline<Engagement> e = engagement(result, "100");
		assertThat(e.coverage()).containsExactly(Validity.from(LocalDate.of(2020, 1, 1)));
		UUID leave = DefaultClasses.classUuid(DefaultClasses.ENGAGEMENT_TYPE, "Orlov");
		assertThat(e.at(LocalDate.of(2020, 4, 15)).orElseThrow().engagementType()).as("strike: employed").isNull();
		assertThat(e.at(LocalDate.of(2020, 6, 1)).orElseThrow().engagementType()).isEqualTo(leave);
		assertThat(e.at(JAN).orElseThrow().engagementType()).isNull();
		assertThat(this.classes).containsKey(leave);
	}

	@Test
	void aPlaceholderCprIsSkippedWithAWarningNotRejected() {
		Map<String, DesiredObject<Person>> persons = this.mapper.persons("GetPerson20111201",
				persons(person("0101800000", "Ukendt", "Ukendt")), cpr -> UUID.randomUUID(), this.rejected,
				this.warnings);
		List<DesiredObject<?>> result = this.mapper.engagements("GetEmploymentChanged20111201",
				employmentAnswer(employments("0101800000",
						employment("100", inDepartment("S", "2020-01-01", OPEN), status("1", "2020-01-01", OPEN)))),
				persons, standardUnits(), this.classes, this.rejected, this.warnings);

		assertThat(persons).isEmpty();
		assertThat(result).isEmpty();
		assertThat(this.rejected).isEmpty();
		assertThat(this.warnings).hasSize(2)
			.allSatisfy(w -> assertThat(w.toString()).contains("placeholder CPR number").doesNotContain("0101800000"));
	}

	@Test
	void anUnknownProfessionBecomesANewJobFunctionClassAndAMissingOneTheFallback() {
		SdMapper.Units units = standardUnits();
		List<DesiredObject<?>> result = this.mapper.engagements("GetEmploymentChanged20111201",
				employmentAnswer(employments(ANNA, employment("100", inDepartment("S", "2020-01-01", OPEN),
						profession("Skolebibliotekar", "2020-01-01", "2021-12-31"), status("1", "2020-01-01", OPEN)))),
				anna(), units, this.classes, this.rejected, this.warnings);

		Timeline<Engagement> e = engagement(result, "100");
		assertThat(this.classes.values()).extracting(Klasse::userKey)
			.containsExactlyInAnyOrder("Skolebibliotekar", "Ukendt");
		assertThat(e.at(LocalDate.of(2022, 1, 1)).orElseThrow().jobFunction())
			.isEqualTo(DefaultClasses.classUuid(DefaultClasses.JOB_FUNCTION, "Ukendt"));
	}

	@Test
	void anEngagementOnATooDeepLevelIsPlacedInTheLineUnitAboveKeepingTheOriginalUnit() {
		SdMapper.Units units = standardUnits();
		List<DesiredObject<?>> mapped = this.mapper.engagements("GetEmploymentChanged20111201",
				employmentAnswer(employments(ANNA,
						employment("100", inDepartment("T", "2020-01-01", OPEN), status("1", "2020-01-01", OPEN)))),
				anna(), units, this.classes, this.rejected, this.warnings);
		assertThat(engagement(mapped, "100").at(JAN).orElseThrow().unit()).as("the mapper places it as SD does")
			.isEqualTo(unit(units, "T"));

		Engagement e = engagement(ruled(this.config, units, mapped), "100").at(JAN).orElseThrow();
		assertThat(e.unit()).isEqualTo(unit(units, "S"));
		assertThat(e.originalUnit()).isEqualTo(unit(units, "T"));
	}

	@Test
	void theTooDeepLevelsAreConfigurable() {
		SdConfig noLevels = this.config.withTooDeepLevels(java.util.Set.of());
		SdMapper none = new SdMapper(noLevels);
		SdMapper.Units units = none.units(departments(ROOT, AREA, SCHOOL, TEAM), tree(chain("T", "S", "A", "R")),
				this.classes, this.rejected, this.warnings);
		List<DesiredObject<?>> result = none.engagements("GetEmploymentChanged20111201",
				employmentAnswer(employments(ANNA,
						employment("100", inDepartment("T", "2020-01-01", OPEN), status("1", "2020-01-01", OPEN)))),
				anna(), units, this.classes, this.rejected, this.warnings);

		Engagement e = engagement(ruled(noLevels, units, result), "100").at(JAN).orElseThrow();
		assertThat(e.unit()).isEqualTo(unit(units, "T"));
		assertThat(e.originalUnit()).isNull();
	}

	/** What the hub's rules make of the mapped engagements, with SD's default rules. */
	private static List<DesiredObject<?>> ruled(SdConfig config, SdMapper.Units units,
			List<DesiredObject<?>> engagements) {
		List<DesiredObject<?>> delivery = new java.util.ArrayList<>(units.objects());
		delivery.addAll(engagements);
		return RulePipeline.of(config.rules()).apply(delivery, RuleContext.NONE);
	}

	@Test
	void thePrimaryIsTheHighestFractionTiesToTheLowestEmploymentNumberOnEveryDate() {
		SdMapper.Units units = standardUnits();
		List<DesiredObject<?>> result = this.mapper.engagements("GetEmploymentChanged20111201",
				employmentAnswer(employments(ANNA,
						employment("200", inDepartment("S", "2020-01-01", OPEN), rate("0.5", "2020-01-01", OPEN),
								status("1", "2020-01-01", OPEN)),
						employment("1000", inDepartment("A", "2020-01-01", OPEN),
								rate("0.3", "2020-01-01", "2021-12-31"), rate("0.5", "2022-01-01", "2022-12-31"),
								rate("0.6", "2023-01-01", OPEN), status("1", "2020-01-01", OPEN)))),
				anna(), units, this.classes, this.rejected, this.warnings);
		List<DesiredObject<?>> ruled = ruled(this.config, units, result);

		Timeline<Engagement> low = engagement(ruled, "200");
		Timeline<Engagement> high = engagement(ruled, "1000");
		LocalDate y2021 = LocalDate.of(2021, 6, 1);
		LocalDate y2022 = LocalDate.of(2022, 6, 1);
		LocalDate y2023 = LocalDate.of(2023, 6, 1);
		assertThat(low.at(y2021).orElseThrow().primary()).isTrue();
		assertThat(high.at(y2021).orElseThrow().primary()).isFalse();
		assertThat(low.at(y2022).orElseThrow().primary()).as("tie: 200 is lower than 1000").isTrue();
		assertThat(high.at(y2022).orElseThrow().primary()).isFalse();
		assertThat(low.at(y2023).orElseThrow().primary()).isFalse();
		assertThat(high.at(y2023).orElseThrow().primary()).isTrue();
	}

	@Test
	void anEmploymentInAnUnknownOrRejectedDepartmentIsRejected() {
		SdMapper.Units units = this.mapper.units(departments(ROOT, AREA, SCHOOL),
				tree(chain("S", "X", "R"), chain("A", "R")), this.classes, this.rejected, this.warnings);
		this.rejected.clear();
		List<DesiredObject<?>> result = this.mapper.engagements("GetEmploymentChanged20111201",
				employmentAnswer(employments(ANNA,
						employment("100", inDepartment("Q", "2020-01-01", OPEN), status("1", "2020-01-01", OPEN)),
						employment("101", inDepartment("S", "2020-01-01", OPEN), status("1", "2020-01-01", OPEN)),
						employment("102", inDepartment("A", "2020-01-01", OPEN), status("1", "2020-01-01", OPEN)))),
				anna(), units, this.classes, this.rejected, this.warnings);

		assertThat(result).extracting(DesiredObject::externalId).containsExactly("102");
		assertThat(problem("100").reason()).contains("department 'Q' does not exist");
		assertThat(problem("101").reason()).contains("department 'S' is rejected");
		assertThat(problem("101").element()).isEqualTo("Employment");
	}

	@Test
	void badEmploymentRecordsAreRejectedWithTheirReason() {
		SdMapper.Units units = standardUnits();
		this.mapper.engagements("GetEmploymentChanged20111201", employmentAnswer(
				employments(ANNA,
						employment("100", inDepartment("S", "2020-01-01", OPEN),
								status("1", "2020-05-01", "2020-04-30")),
						employment("101", inDepartment("S", "2020-01-01", OPEN), status("X", "2020-01-01", OPEN)),
						employment("102", inDepartment("S", "2020-01-01", OPEN), status("1", "2020-01-01", OPEN),
								status("3", "2020-06-01", OPEN)),
						employment("103", inDepartment("S", "2020-01-01", OPEN), status("1", "2019-01-01", OPEN)),
						employment("104", inDepartment("S", "2020-01-01", OPEN), rate("fuld", "2020-01-01", OPEN),
								status("1", "2020-01-01", OPEN)),
						employment("100", inDepartment("S", "2020-01-01", OPEN), status("1", "2020-01-01", OPEN))),
				employments(BO,
						employment("105", inDepartment("S", "2020-01-01", OPEN), status("1", "2020-01-01", OPEN)))),
				anna(), units, this.classes, this.rejected, this.warnings);

		assertThat(this.rejected).extracting(SdProblem::id)
			.containsExactly("100", "101", "102", "103", "104", "100", "105");
		assertThat(this.rejected.get(0).reason()).contains("dates out of order");
		assertThat(this.rejected.get(1).reason()).contains("EmploymentStatusCode 'X'");
		assertThat(this.rejected.get(2).reason()).contains("EmploymentStatus intervals overlap");
		assertThat(this.rejected.get(3).reason()).contains("no EmploymentDepartment on 2019-01-01");
		assertThat(this.rejected.get(4).reason()).contains("OccupationRate 'fuld'");
		assertThat(this.rejected.get(5).reason()).contains("duplicate employment id");
		assertThat(this.rejected.get(6).reason()).contains("not delivered").doesNotContain(BO);
	}

	@Test
	void anEmploymentBeforeItsDepartmentExistsStartsWithItWithAWarning() {
		SdMapper.Units units = this.mapper.units(
				departments(ROOT, department("S", "NY4-niveau", "Ny skole", "2022-01-01", OPEN, "")),
				tree(chain("S", "R")), this.classes, this.rejected, this.warnings);
		this.mapper.engagements("GetEmploymentChanged20111201",
				employmentAnswer(employments(ANNA,
						employment("100", inDepartment("S", "2020-01-01", OPEN), status("1", "2020-01-01", OPEN)))),
				anna(), units, this.classes, this.rejected, this.warnings);

		assertThat(this.rejected).isEmpty();
		assertThat(this.warnings).singleElement()
			.satisfies(w -> assertThat(w.toString()).contains("Employment '100'")
				.contains("left out [[2020-01-01, 2022-01-01)]")
				.contains("not valid then"));

	}

	@Test
	void anEmploymentOfAPersonTheHubKnowsNeedsNoPersonRecord() {
		SdMapper.Units units = standardUnits();
		UUID known = UUID.randomUUID();
		List<DesiredObject<?>> result = this.mapper.engagements("GetEmploymentChanged20111201",
				employmentAnswer(employments(BO,
						employment("100", inDepartment("S", "2020-01-01", OPEN), status("1", "2020-01-01", OPEN)))),
				Map.of(), cpr -> BO.equals(cpr) ? known : null, units, this.classes, this.rejected, this.warnings);

		assertThat(this.rejected).isEmpty();
		assertThat(engagement(result, "100").at(JAN).orElseThrow().person()).isEqualTo(known);
	}

	private Map<String, DesiredObject<Person>> anna() {
		return this.mapper.persons("GetPerson20111201", persons(person(ANNA, "Anna", "Test")),
				cpr -> UUID.nameUUIDFromBytes("test person".getBytes()), this.rejected, this.warnings);
	}

	@SuppressWarnings("unchecked")
	private static Timeline<Engagement> engagement(List<DesiredObject<?>> objects, String id) {
		return (Timeline<Engagement>) objects.stream()
			.filter(o -> o.externalId().equals(id))
			.findFirst()
			.orElseThrow()
			.timeline();
	}

	private static UUID unit(SdMapper.Units units, String id) {
		return units.byIdentifier().get(id).iterator().next();
	}

	private SdProblem problem(String id) {
		return this.rejected.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
	}

}
