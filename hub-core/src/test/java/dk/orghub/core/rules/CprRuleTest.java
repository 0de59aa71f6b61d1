package dk.orghub.core.rules;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CprRuleTest {

	@Test
	void acceptsAValidNumberWithOrWithoutADash() {
		CprRule.Outcome outcome = CprRule.check("010580-1237");
		assertThat(outcome.accepted()).isTrue();
		assertThat(outcome.cpr()).isEqualTo("0105801237");
		assertThat(outcome.birthDate()).isEqualTo(LocalDate.of(1980, 5, 1));
	}

	@Test
	void appliesTheCenturyRule() {
		assertThat(CprRule.check("0101104000").birthDate()).isEqualTo(LocalDate.of(2010, 1, 1));
		assertThat(CprRule.check("0101604000").birthDate()).isEqualTo(LocalDate.of(1960, 1, 1));
		assertThat(CprRule.check("0101605000").birthDate()).isEqualTo(LocalDate.of(1860, 1, 1));
		assertThat(CprRule.check("0101505000").birthDate()).isEqualTo(LocalDate.of(2050, 1, 1));
	}

	@Test
	void rejectsABadFormatOrDateWithAMessageThatHidesTheNumber() {
		CprRule.Outcome letters = CprRule.check("01058O1234");
		assertThat(letters.accepted()).isFalse();
		assertThat(letters.rejection()).get().asString().contains("ten digits").doesNotContain("1234");
		CprRule.Outcome date = CprRule.check("3102801234");
		assertThat(date.rejection()).get().asString().contains("valid date").doesNotContain("1234");
		assertThat(CprRule.check(" ").rejection()).contains("CPR number is missing");
	}

	@Test
	void aFailedModulus11CheckIsOnlyAWarning() {
		CprRule.Outcome outcome = CprRule.check("0101901234");
		assertThat(outcome.accepted()).isTrue();
		assertThat(outcome.warning()).get().asString().contains("modulus-11").contains("010190-xxxx");
	}

}
