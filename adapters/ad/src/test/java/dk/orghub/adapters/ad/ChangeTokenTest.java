package dk.orghub.adapters.ad;

import java.util.List;

import org.junit.jupiter.api.Test;

import dk.orghub.core.spi.AdapterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeTokenTest {

	private final AdConfiguration ad = AdConfiguration.of(AdConfiguration.Mode.AD, "ldap://dc01", "CN=x,DC=k", "secret",
			List.of("DC=k"));

	private final AdConfiguration ldap = AdConfiguration.of(AdConfiguration.Mode.LDAP, "ldap://ldap", "uid=x,dc=k",
			"secret", List.of("dc=k"));

	@Test
	void usnTokensAskForGreaterNumbersAndKeepTheHighest() {
		ChangeToken token = ChangeToken.parse(this.ad, "usn:20500");
		assertThat(token.filter(this.ad)).isEqualTo("(uSNChanged>=20501)");
		assertThat(token.max("20499").toString()).isEqualTo("usn:20500");
		assertThat(token.max("100000").max("not a number").toString()).isEqualTo("usn:100000");
	}

	@Test
	void timestampTokensCompareByInstantAndAskForEqualOrLater() {
		ChangeToken token = ChangeToken.parse(this.ldap, "modifyTimestamp:20250101120000.5Z");
		assertThat(token.filter(this.ldap)).isEqualTo("(modifyTimestamp>=20250101120000.5Z)");
		assertThat(token.max("20250101120000.499Z").toString()).isEqualTo("modifyTimestamp:20250101120000.5Z");
		assertThat(token.max("20250101120001Z").toString()).isEqualTo("modifyTimestamp:20250101120001Z");
	}

	@Test
	void aTokenOfAnotherTrackingOrMalformedIsAClearError() {
		assertThatThrownBy(() -> ChangeToken.parse(this.ad, "modifyTimestamp:20250101120000Z"))
			.isInstanceOf(AdapterException.class)
			.hasMessageContaining("ad: the stored change token follows MODIFY_TIMESTAMP")
			.hasMessageContaining("full snapshot");
		assertThatThrownBy(() -> ChangeToken.parse(this.ad, "usn:abc")).isInstanceOf(AdapterException.class)
			.hasMessageContaining("malformed");
		assertThatThrownBy(() -> ChangeToken.parse(this.ad, "42")).isInstanceOf(AdapterException.class)
			.hasMessageContaining("not one this source writes");
	}

}
