package dk.orghub.adapters.exports.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dk.orghub.adapters.exports.SampleEstate;
import dk.orghub.adapters.exports.table.Table;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.samples.municipality.Municipality;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey grouped by the MED organisation of the sample municipality: each respondent
 * in the group of the committee covering their line unit (the lowest covering one), each
 * group naming its work-environment representatives.
 */
class SurveyMedGroupsTest {

	private static final LocalDate AT = LocalDate.parse(SurveyExportTest.REFERENCE_DATE);

	private static final UUID REPRESENTATIVE = DefaultClasses.classUuid(DefaultClasses.ASSOCIATION_TYPE,
			"Arbejdsmiljørepræsentant");

	private final SampleEstate estate = SampleEstate.of(1_500);

	private final Municipality municipality = this.estate.municipality();

	private final SurveyExporter exporter = new SurveyExporter(this.estate.store(), Clock.systemUTC());

	@Test
	void everyRespondentIsInTheGroupOfTheLowestCommitteeCoveringTheirUnit() {
		SurveyExport survey = this.exporter.export(AT, null, SurveyOptions.defaults().withMedGroups(true));

		Map<UUID, OrgUnit> committees = committeesAt(AT);
		assertThat(committees.values()).filteredOn(c -> c.name().startsWith("Lokal-MED ")).isNotEmpty();
		assertThat(survey.respondents()).isNotEmpty().allSatisfy(r -> {
			assertThat(r.medGroup()).as(r.employmentNumber()).isEqualTo(expectedGroup(r.unit(), committees));
			assertThat(r.medGroupName()).isEqualTo(committees.get(r.medGroup()).name());
		});
		assertThat(survey.respondents()).extracting(RespondentRow::medGroupName)
			.anyMatch(n -> n.startsWith("Lokal-MED "))
			.anyMatch(n -> n.startsWith("Område-MED "));
	}

	@Test
	void eachGroupCountsItsRespondentsAndNamesItsWorkEnvironmentRepresentatives() {
		SurveyExport survey = this.exporter.export(AT, null, SurveyOptions.defaults().withMedGroups(true));

		Map<UUID, OrgUnit> committees = committeesAt(AT);
		assertThat(survey.medGroups()).extracting(MedGroupRow::committee)
			.containsExactlyInAnyOrderElementsOf(committees.keySet());
		Map<UUID, Long> perGroup = survey.respondents()
			.stream()
			.collect(Collectors.groupingBy(RespondentRow::medGroup, Collectors.counting()));
		for (MedGroupRow group : survey.medGroups()) {
			assertThat(group.respondents()).as(group.userKey())
				.isEqualTo(perGroup.getOrDefault(group.committee(), 0L).intValue());
			List<String> representatives = representativesAt(group.committee(), AT);
			if (representatives.isEmpty()) {
				assertThat(group.representatives()).isNull();
			}
			else {
				assertThat(group.representatives()).as(group.userKey()).isEqualTo(String.join("; ", representatives));
			}
		}
		assertThat(survey.medGroups()).filteredOn(g -> g.representatives() != null).hasSizeGreaterThan(5);
		assertThat(survey.medGroups()).filteredOn(g -> g.representativeEmails() != null).isNotEmpty();
		Table sheet = survey.toDocument()
			.tables()
			.stream()
			.filter(t -> t.key().equals(SurveyExport.MED_GROUPS))
			.findFirst()
			.orElseThrow();
		assertThat(sheet.rows()).hasSize(survey.medGroups().size());
	}

	@Test
	void withoutTheOptionTheSurveyIsGroupedByTheLineOrganisationOnly() {
		SurveyExport survey = this.exporter.export(AT, null, SurveyOptions.defaults());

		assertThat(survey.medGroups()).isEmpty();
		assertThat(survey.respondents()).allSatisfy(r -> assertThat(r.medGroup()).isNull());
		assertThat(survey.toDocument().tables()).extracting(Table::key)
			.containsExactly(SurveyExport.UNITS, SurveyExport.RESPONDENTS, SurveyExport.DATA_QUALITY);
	}

	private UUID expectedGroup(UUID unit, Map<UUID, OrgUnit> committees) {
		UUID current = unit;
		while (current != null) {
			UUID line = current;
			OrgUnit lowest = committees.values()
				.stream()
				.filter(c -> c.covers().contains(line))
				.max((a, b) -> Integer.compare(depth(a, committees), depth(b, committees)))
				.orElse(null);
			if (lowest != null) {
				return lowest.uuid();
			}
			current = this.municipality.units().get(current).at(AT).orElseThrow().parent();
		}
		return null;
	}

	private static int depth(OrgUnit committee, Map<UUID, OrgUnit> committees) {
		int depth = 0;
		for (UUID p = committee.parent(); p != null; p = committees.get(p).parent()) {
			depth++;
		}
		return depth;
	}

	private Map<UUID, OrgUnit> committeesAt(LocalDate at) {
		return this.municipality.actors()
			.medUnits()
			.values()
			.stream()
			.map(t -> t.at(at).orElse(null))
			.filter(Objects::nonNull)
			.collect(Collectors.toMap(OrgUnit::uuid, u -> u));
	}

	private List<String> representativesAt(UUID committee, LocalDate at) {
		List<Association> found = new ArrayList<>();
		for (Timeline<Association> timeline : this.municipality.actors().associations().values()) {
			timeline.at(at)
				.filter(a -> a.unit().equals(committee) && REPRESENTATIVE.equals(a.associationType()))
				.ifPresent(found::add);
		}
		found.sort((a, b) -> a.userKey().compareTo(b.userKey()));
		return found.stream().map(a -> {
			var person = this.municipality.persons().get(a.person()).at(at).orElseThrow();
			return person.givenName() + " " + person.surname();
		}).toList();
	}

}
