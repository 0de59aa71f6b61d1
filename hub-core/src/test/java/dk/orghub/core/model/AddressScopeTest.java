package dk.orghub.core.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressScopeTest {

	@ParameterizedTest
	@CsvSource({ "EMAIL, borgerservice@sample.dk, true", "EMAIL, borgerservice.sample.dk, false",
			"PHONE, +45 70 20 30 40, true", "PHONE, 4444, true", "PHONE, 12, false", "PHONE, call me, false",
			"EAN, 5798000123458, true", "EAN, 5798000123456, false", "EAN, 579800012345, false",
			"EAN, 5790000000006, false", "EAN, 4006381333931, true", "PNUMBER, 1003456789, true",
			"PNUMBER, 10034567, false", "CVR, 29189838, true", "WWW, https://sample.dk, true",
			"WWW, sample.dk, false" })
	void validatesValuesByScope(AddressScope scope, String value, boolean valid) {
		assertThat(scope.validate(value).isEmpty()).isEqualTo(valid);
	}

	@org.junit.jupiter.api.Test
	void anEanWithAWrongCheckDigitNamesTheRightOne() {
		assertThat(AddressScope.EAN.validate("5798000123456"))
			.hasValueSatisfying((message) -> assertThat(message).contains("5798000123456", "check digit should be 8"));
	}

}
