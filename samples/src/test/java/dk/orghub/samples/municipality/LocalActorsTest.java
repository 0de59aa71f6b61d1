package dk.orghub.samples.municipality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MED organisation, interns, consultants and politicians the generator puts beside
 * payroll's organisation.
 */
class LocalActorsTest {

	private final Municipality municipality = Samples.of(2_000);

	private final LocalActors actors = this.municipality.actors();

	private final LocalDate date = this.municipality.referenceDate();

	@Test
	void theSameSeedGivesTheSameActorsAndAnotherSeedOthers() {
		LocalActors again = MunicipalityGenerator.generate(Samples.SEED, 2_000).actors();
		LocalActors other = MunicipalityGenerator.generate(Samples.SEED + 1, 2_000).actors();

		assertThat(again).isEqualTo(this.actors);
		assertThat(List.copyOf(again.associations().keySet()))
			.isEqualTo(List.copyOf(this.actors.associations().keySet()));
		assertThat(other.associations().keySet()).doesNotContainAnyElementsOf(this.actors.associations().keySet());
	}

	@Test
	void theMedOrganisationHasAMainCommitteeAnAreaCommitteePerForvaltningAndLocalCommittees() {
		List<OrgUnit> committees = this.actors.medUnits()
			.values()
			.stream()
			.map(t -> t.at(this.date).orElseThrow())
			.toList();
		assertThat(committees).allSatisfy(c -> {
			assertThat(c.hierarchy()).isEqualTo(DefaultClasses.MED_ORGANISATION);
			assertThat(c.covers()).hasSize(1);
		});
		OrgUnit main = committees.get(0);
		assertThat(main.parent()).isNull();
		assertThat(main.covers()).containsExactly(this.municipality.root());
		List<OrgUnit> areas = committees.stream().filter(c -> main.uuid().equals(c.parent())).toList();
		Set<UUID> forvaltninger = this.municipality.units()
			.values()
			.stream()
			.map(t -> t.segments().get(0).value())
			.filter(u -> this.municipality.root().equals(u.parent()))
			.map(OrgUnit::uuid)
			.collect(Collectors.toSet());
		assertThat(areas).flatExtracting(OrgUnit::covers).containsExactlyInAnyOrderElementsOf(forvaltninger);
		List<OrgUnit> locals = committees.stream()
			.filter(c -> c.parent() != null && !main.uuid().equals(c.parent()))
			.toList();
		assertThat(locals).isNotEmpty().allSatisfy(local -> {
			assertThat(areas).extracting(OrgUnit::uuid).contains(local.parent());
			assertThat(local.name()).startsWith("Lokal-MED ");
			OrgUnit institution = this.municipality.units().get(local.covers().get(0)).at(this.date).orElseThrow();
			assertThat(ancestors(institution.uuid())).contains(covered(local.parent()));
		});
	}

	@Test
	void everyCommitteeHasAChairAWorkEnvironmentAndAUnionRepresentativeEmployedBelowWhatItCovers() {
		Map<UUID, List<Association>> byCommittee = new HashMap<>();
		this.actors.associations()
			.values()
			.forEach(t -> t.segments()
				.forEach(s -> byCommittee.computeIfAbsent(s.value().unit(), k -> new ArrayList<>()).add(s.value())));
		Map<UUID, List<Timeline<Engagement>>> engagementsByPerson = this.municipality.engagements()
			.values()
			.stream()
			.collect(Collectors.groupingBy(t -> t.segments().get(0).value().person()));
		for (UUID committee : this.actors.medUnits().keySet()) {
			List<Association> members = byCommittee.get(committee);
			assertThat(members).extracting(a -> a.associationType())
				.contains(type("Udvalgsformand"), type("Arbejdsmiljørepræsentant"), type("Tillidsrepræsentant"));
			assertThat(members).extracting(Association::person).doesNotHaveDuplicates();
			UUID covered = covered(committee);
			for (Association member : members) {
				assertThat(this.municipality.persons()).containsKey(member.person());
				Segment<Association> segment = this.actors.associations().get(member.uuid()).segments().get(0);
				assertThat(engagementsByPerson.get(member.person()))
					.as("an engagement of the representative below the covered unit when elected")
					.anySatisfy(e -> {
						Engagement at = e.at(segment.validity().from()).orElse(null);
						assertThat(at).isNotNull();
						assertThat(ancestors(at.unit())).contains(covered);
					});
			}
		}
	}

	@Test
	void thereAreInternsConsultantsSomeWithoutCprAndPoliticians() {
		Map<UUID, Long> byType = this.actors.associations()
			.values()
			.stream()
			.map(t -> t.segments().get(0).value().associationType())
			.collect(Collectors.groupingBy(t -> t, Collectors.counting()));
		assertThat(byType.get(type("Praktikant"))).isGreaterThanOrEqualTo(2);
		assertThat(byType.get(type("Ekstern konsulent"))).isGreaterThanOrEqualTo(2);
		assertThat(byType.get(type("Politiker"))).isEqualTo(ActorsBuilder.POLITICIANS);
		List<Person> persons = this.actors.persons().values().stream().map(t -> t.segments().get(0).value()).toList();
		assertThat(persons).filteredOn(Person::hasNoCpr)
			.isNotEmpty()
			.allSatisfy(p -> assertThat(p.cpr()).isNull())
			.allSatisfy(p -> assertThat(p.noCprReason()).isEqualTo(ActorsBuilder.NO_CPR_REASON));
		assertThat(persons).filteredOn(p -> !p.hasNoCpr())
			.isNotEmpty()
			.allSatisfy(p -> assertThat(p.cpr()).hasSize(10));
		Set<String> employeeCprs = this.municipality.persons()
			.values()
			.stream()
			.map(t -> t.segments().get(0).value().cpr())
			.collect(Collectors.toSet());
		assertThat(persons).extracting(Person::cpr)
			.filteredOn(Objects::nonNull)
			.doesNotContainAnyElementsOf(employeeCprs);
		assertThat(this.actors.persons().keySet()).doesNotContainAnyElementsOf(this.municipality.persons().keySet());
		assertThat(this.actors.associations().values())
			.filteredOn(t -> !this.municipality.persons().containsKey(t.segments().get(0).value().person()))
			.allSatisfy(t -> assertThat(this.actors.persons()).containsKey(t.segments().get(0).value().person()));
	}

	private UUID covered(UUID committee) {
		return this.actors.medUnits().get(committee).segments().get(0).value().covers().get(0);
	}

	private List<UUID> ancestors(UUID unit) {
		List<UUID> result = new ArrayList<>();
		UUID current = unit;
		while (current != null) {
			result.add(current);
			Timeline<OrgUnit> timeline = this.municipality.units().get(current);
			current = timeline.segments().get(timeline.segments().size() - 1).value().parent();
		}
		return result;
	}

	private static UUID type(String userKey) {
		return DefaultClasses.classUuid(DefaultClasses.ASSOCIATION_TYPE, userKey);
	}

}
