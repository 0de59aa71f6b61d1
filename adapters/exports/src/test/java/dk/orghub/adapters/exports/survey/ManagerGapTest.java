package dk.orghub.adapters.exports.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.orghub.adapters.exports.SampleEstate;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.query.OrganisationQueries;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.MunicipalityGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample municipality after its director's manager role ended on 2024-06-01 with no
 * successor registered: before that date every unit has a manager; after it, the units
 * with no manager of their own up to the root are reported.
 */
class ManagerGapTest {

	static final LocalDate DIRECTOR_LEFT = LocalDate.of(2024, 6, 1);

	static SampleEstate estate;

	@BeforeAll
	static void directorLeaves() {
		estate = SampleEstate.load(MunicipalityGenerator.generate(SampleEstate.SEED, 500), TestStores.h2());
		UUID root = estate.municipality().root();
		UUID role = estate.municipality()
			.managers()
			.entrySet()
			.stream()
			.filter(e -> e.getValue().segments().get(0).value().unit().equals(root))
			.map(java.util.Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		estate.store().apply(ChangeSet.by(Actor.user("hr")).end(ObjectType.MANAGER, role, DIRECTOR_LEFT).build());
	}

	@Test
	void beforeTheDirectorLeftEveryUnitHasAManager() {
		SurveyExport survey = new SurveyExporter(estate.store(), Clock.systemUTC()).export(LocalDate.of(2024, 1, 1),
				null, SurveyOptions.defaults());

		assertThat(survey.units()).allMatch(UnitRow::hasManager);
		assertThat(survey.findings(FindingKind.UNIT_WITHOUT_MANAGER)).isEmpty();
	}

	@Test
	void afterwardsTheUnitsWithoutAManagerUpToTheRootAreErrors() {
		LocalDate at = LocalDate.of(2025, 1, 1);
		ReadPoint point = ReadPoint.of(at, null, Clock.systemUTC());
		SurveyExport survey = new SurveyExporter(estate.store(), Clock.systemUTC()).export(point, null,
				SurveyOptions.defaults());
		OrganisationQueries queries = new OrganisationQueries(estate.store());
		List<String> expected = survey.units()
			.stream()
			.filter(u -> queries.managerOf(u.unit(), point, true).isEmpty())
			.map(UnitRow::userKey)
			.toList();

		assertThat(expected).contains("U00000").hasSizeLessThan(survey.units().size());
		assertThat(survey.findings(FindingKind.UNIT_WITHOUT_MANAGER)).extracting(Finding::userKey)
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(survey.findings().get(0).kind()).isEqualTo(FindingKind.UNIT_WITHOUT_MANAGER);
		assertThat(survey.units()).filteredOn(u -> expected.contains(u.userKey()))
			.allSatisfy(u -> assertThat(u.managerName()).isNull());
	}

}
