package dk.orghub.core.diff;

import java.time.LocalDate;
import java.util.List;

import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.testing.TestOrg;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeDiffTest {

	private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

	private final OrgUnit unit = TestOrg.unit("U1", "Skolen", null);

	@Test
	void aRenameFromADateShowsOldAndNewNameFromThatDate() {
		Timeline<OrgUnit> before = Timeline.of(Validity.from(TestOrg.START), this.unit);
		Timeline<OrgUnit> after = before.put(Validity.from(MARCH), TestOrg.renamed(this.unit, "Skolen ved Søen"));

		List<ChangeDiff.Interval> diff = ChangeDiff.of(before, after);

		assertThat(diff).containsExactly(new ChangeDiff.Interval(MARCH, null,
				List.of(new ChangeDiff.FieldChange("name", "Skolen", "Skolen ved Søen"))));
	}

	@Test
	void anEndingShowsThatTheObjectNoLongerExists() {
		Timeline<OrgUnit> before = Timeline.of(Validity.from(TestOrg.START), this.unit);
		Timeline<OrgUnit> after = before.remove(Validity.from(MARCH));

		assertThat(ChangeDiff.of(before, after)).containsExactly(new ChangeDiff.Interval(MARCH, null,
				List.of(new ChangeDiff.FieldChange(ChangeDiff.EXISTS, "yes", "no"))));
	}

	@Test
	void aNewObjectShowsItsValuesAndNoUuid() {
		Timeline<OrgUnit> after = Timeline.of(Validity.between(TestOrg.START, MARCH), this.unit);

		List<ChangeDiff.Interval> diff = ChangeDiff.of(Timeline.empty(), after);

		assertThat(diff).hasSize(1);
		assertThat(diff.get(0).from()).isEqualTo(TestOrg.START);
		assertThat(diff.get(0).to()).isEqualTo(MARCH);
		assertThat(diff.get(0).fields()).extracting(ChangeDiff.FieldChange::field)
			.startsWith(ChangeDiff.EXISTS, "userKey", "name")
			.doesNotContain("uuid", "parent");
	}

	@Test
	void cprNumbersAreMasked() {
		Person person = TestOrg.person("P1", "Anna", "Hansen", "1234");
		Person renamed = new Person(person.uuid(), person.userKey(), "0105801235", "Anna", "Jensen", null);
		Timeline<Person> before = Timeline.of(Validity.from(TestOrg.START), person);
		Timeline<Person> after = Timeline.of(Validity.from(TestOrg.START), renamed);

		List<ChangeDiff.Interval> diff = ChangeDiff.of(before, after);

		assertThat(diff.get(0).fields()).contains(new ChangeDiff.FieldChange("surname", "Hansen", "Jensen"));
		assertThat(diff.toString()).doesNotContain(person.cpr()).doesNotContain("0105801235").contains("-xxxx");
	}

	@Test
	void adjacentIntervalsWithTheSameChangeAreJoined() {
		OrgUnit other = TestOrg.renamed(this.unit, "Skolen 2");
		Timeline<OrgUnit> before = Timeline.of(Validity.between(TestOrg.START, MARCH), this.unit)
			.put(Validity.from(MARCH), other);
		Timeline<OrgUnit> after = Timeline.empty();

		assertThat(ChangeDiff.of(before, after)).containsExactly(new ChangeDiff.Interval(TestOrg.START, null,
				List.of(new ChangeDiff.FieldChange(ChangeDiff.EXISTS, "yes", "no"))));
	}

}
