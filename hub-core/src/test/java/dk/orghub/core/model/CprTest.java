package dk.orghub.core.model;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CprTest {

	@ParameterizedTest
	@CsvSource({ "0105803000, 1980-05-01", "0101374000, 1937-01-01", "0101364000, 2036-01-01", "0101575000, 2057-01-01",
			"0101585000, 1858-01-01", "0101999000, 1999-01-01", "0101059000, 2005-01-01" })
	void centuryFollowsTheSeventhDigit(String cpr, LocalDate birth) {
		assertThat(Cpr.check(cpr).birthDate()).isEqualTo(birth);
	}

	@Test
	void dashIsAccepted() {
		assertThat(Cpr.check("010580-3000").valid()).isTrue();
	}

	@Test
	void formatAndDateMustHold() {
		assertThat(Cpr.check("01058030").error()).contains("ten digits");
		assertThat(Cpr.check("3102801234").error()).contains("valid date");
		assertThat(Cpr.check(null).valid()).isFalse();
	}

	@Test
	void modulus11IsOnlyAWarning() {
		Cpr.Check failing = Cpr.check("0101004000");
		assertThat(failing.valid()).isTrue();
		assertThat(failing.modulus11()).isFalse();
		assertThat(failing.warning()).isPresent();
		Cpr.Check passing = Cpr.check("0707614285");
		assertThat(passing.modulus11()).isTrue();
		assertThat(passing.warning()).isEmpty();
	}

	@Test
	void maskHidesTheSerialNumberAndPersonToStringHidesTheCpr() {
		assertThat(Cpr.mask("0105803000")).isEqualTo("010580-xxxx");
		Person person = new Person(java.util.UUID.randomUUID(), "P1", "0105803000", "Anna", "Jensen", null);
		assertThat(person.toString()).doesNotContain("3000").contains("010580-xxxx");
	}

}
