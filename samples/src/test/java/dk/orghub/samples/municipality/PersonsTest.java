package dk.orghub.samples.municipality;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonsTest {

	private final Municipality municipality = Samples.of(45_000);

	private final List<Person> persons = this.municipality.persons()
		.values()
		.stream()
		.map((t) -> t.segments().get(0).value())
		.toList();

	@Test
	void everyCprNumberIsValidUniqueAndGivesTheBirthDate() {
		List<String> problems = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Timeline<Person> timeline : this.municipality.persons().values()) {
			Person person = timeline.segments().get(0).value();
			Cpr.Check check = Cpr.check(person.cpr());
			if (!check.valid() || !person.cpr().matches("[0-9]{10}")) {
				problems.add(person.userKey() + ": " + check.error());
			}
			else if (!check.birthDate().equals(timeline.segments().get(0).validity().from())) {
				problems.add(person.userKey() + ": valid from " + timeline.segments().get(0).validity().from()
						+ ", not from the birth date in the CPR number");
			}
			if (!seen.add(person.cpr())) {
				problems.add(person.userKey() + ": CPR number given twice");
			}
		}

		assertThat(problems).isEmpty();
	}

	@Test
	void aFewCprNumbersFailModulus11AndThoseAreBornOnTheFirstOfJanuary() {
		List<Person> failing = this.persons.stream().filter((p) -> !Cpr.check(p.cpr()).modulus11()).toList();

		assertThat(failing).hasSizeBetween(100, 1_000)
			.allMatch((p) -> Cpr.check(p.cpr()).birthDate().getDayOfYear() == 1);
	}

	@Test
	void everyoneIsAnAdultOfWorkingAgeAtTheReferenceDate() {
		LocalDate today = this.municipality.referenceDate();

		assertThat(this.persons).allMatch((p) -> {
			LocalDate birth = Cpr.check(p.cpr()).birthDate();
			return !birth.plusYears(18).isAfter(today) && birth.plusYears(68).isAfter(today);
		});
	}

	@Test
	void userKeyIsAPersonNumberNeverTheCpr() {
		assertThat(this.persons).allMatch((p) -> p.userKey().matches("P[0-9]{6}"))
			.noneMatch((p) -> p.userKey().contains(p.cpr()));
	}

	@Test
	void noPersonUuidIsDerivedFromACprNumber() {
		Set<UUID> fromCprs = new HashSet<>();
		for (Person person : this.persons) {
			String cpr = person.cpr();
			for (String form : List.of(cpr, cpr.substring(0, 6) + "-" + cpr.substring(6), "cpr:" + cpr, "person:" + cpr,
					"sample:" + this.municipality.seed() + ":person:" + cpr)) {
				fromCprs.add(UUID.nameUUIDFromBytes(form.getBytes(StandardCharsets.UTF_8)));
			}
		}

		Set<UUID> derived = new HashSet<>(fromCprs);
		derived.retainAll(this.persons.stream().map(Person::uuid).collect(Collectors.toSet()));
		assertThat(fromCprs).hasSize(5 * this.persons.size());
		assertThat(derived).isEmpty();
	}

	@Test
	void givenNameFitsTheSexInTheCprNumber() {
		Set<String> male = new HashSet<>(SampleNames.MALE_GIVEN_NAMES);
		Set<String> female = new HashSet<>(SampleNames.FEMALE_GIVEN_NAMES);
		Set<String> surnames = new HashSet<>(SampleNames.SURNAMES);

		List<Person> misnamed = this.persons.stream().filter((p) -> {
			boolean isMale = (p.cpr().charAt(9) - '0') % 2 == 1;
			boolean givenNamesFit = Set.of(p.givenName().split(" "))
				.stream()
				.allMatch((isMale ? male : female)::contains);
			return !givenNamesFit || !surnames.containsAll(List.of(p.surname().split(" ")));
		}).toList();

		assertThat(misnamed).isEmpty();
		assertThat(this.persons).anyMatch((p) -> p.givenName().contains(" "))
			.anyMatch((p) -> p.surname().contains(" "));
	}

}
