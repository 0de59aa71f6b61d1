package dk.orghub.adapters.ad;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.samples.ldap.SampleLdif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountParserTest {

	private static final String DN = "CN=annjen,OU=Medarbejdere,DC=kommune,DC=local";

	private final AdConfiguration ad = AdConfiguration.of(AdConfiguration.Mode.AD, "ldap://dc01", "CN=x,DC=k", "secret",
			List.of("DC=k"));

	@Test
	void readsAGuidInAdByteOrder() {
		byte[] bytes = { 0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, (byte) 0x88, (byte) 0x99, (byte) 0xaa,
				(byte) 0xbb, (byte) 0xcc, (byte) 0xdd, (byte) 0xee, (byte) 0xff };
		assertThat(AccountParser.guidToUuid(bytes)).hasToString("00112233-4455-6677-8899-aabbccddeeff");
		UUID random = UUID.randomUUID();
		assertThat(AccountParser.guidToUuid(SampleLdif.guidBytes(random))).isEqualTo(random);
	}

	@Test
	void readsAnAdAccount() {
		UUID guid = UUID.randomUUID();
		Account account = new AccountParser(this.ad.withCpr("extensionAttribute1", "-")).parse(DN,
				attributes(guid,
						Map.of("sAMAccountName", "annjen", "extensionAttribute1", "010580-1234", "mail",
								" annjen@kommune.example ", "userAccountControl", "514", "whenCreated",
								"20190301080000.0Z", "uSNChanged", "20500")));
		assertThat(account.id()).isEqualTo(guid.toString());
		assertThat(account.cpr()).isEqualTo("0105801234");
		assertThat(account.mail()).isEqualTo("annjen@kommune.example");
		assertThat(account.phone()).isNull();
		assertThat(account.enabled()).isFalse();
		assertThat(account.created()).isEqualTo(LocalDate.of(2019, 3, 1));
		assertThat(account.token()).isEqualTo("20500");
	}

	@Test
	void aGuidOfTheWrongLengthNamesTheAccount() {
		Map<String, Object> values = new HashMap<>(Map.of("sAMAccountName", "annjen"));
		values.put("objectGUID", new byte[15]);
		assertThatThrownBy(() -> new AccountParser(this.ad).parse(DN, attributes(values)))
			.hasMessage("account 'annjen' (" + DN + "): objectGUID has 15 bytes; a GUID has 16");
	}

	@Test
	void aMalformedCprNamesTheAccountAndNeverShowsTheNumber() {
		assertThatThrownBy(() -> new AccountParser(this.ad).parse(DN,
				attributes(UUID.randomUUID(), Map.of("sAMAccountName", "annjen", "employeeID", "3113801234"))))
			.hasMessageContaining("account 'annjen' (" + DN + "): employeeID is not a valid CPR number")
			.hasMessageContaining("311380-xxxx")
			.message()
			.doesNotContain("3113801234");
		assertThatThrownBy(() -> new AccountParser(this.ad).parse(DN,
				attributes(UUID.randomUUID(), Map.of("sAMAccountName", "annjen", "employeeID", "12345"))))
			.hasMessageContaining("ten digits");
	}

	@Test
	void anEmptyCprIsNoCprAndAMissingAccountNameIsAnError() {
		assertThat(new AccountParser(this.ad)
			.parse(DN, attributes(UUID.randomUUID(), Map.of("sAMAccountName", "svc-print", "employeeID", " ")))
			.cpr()).isNull();
		assertThatThrownBy(() -> new AccountParser(this.ad).parse(DN, attributes(UUID.randomUUID(), Map.of())))
			.hasMessageContaining(DN)
			.hasMessageContaining("sAMAccountName");
	}

	@Test
	void readsEntryUuidOnAStandardDirectory() {
		AdConfiguration ldap = AdConfiguration.of(AdConfiguration.Mode.LDAP, "ldap://ldap", "uid=x,dc=k", "secret",
				List.of("dc=k"));
		UUID id = UUID.randomUUID();
		Account account = new AccountParser(ldap).parse("uid=annjen,dc=k", attributes(Map.of("uid", "annjen",
				"entryUUID", id.toString(), "userAccountControl", "514", "modifyTimestamp", "20250101120000.123Z")));
		assertThat(account.id()).isEqualTo(id.toString());
		assertThat(account.enabled()).as("userAccountControl means nothing outside AD").isTrue();
		assertThat(account.token()).isEqualTo("20250101120000.123Z");
		assertThatThrownBy(() -> new AccountParser(ldap).parse("uid=annjen,dc=k",
				attributes(Map.of("uid", "annjen", "entryUUID", "not-a-uuid"))))
			.hasMessageContaining("entryUUID 'not-a-uuid' is not a UUID");
	}

	private static AccountParser.Attributes attributes(UUID guid, Map<String, Object> values) {
		Map<String, Object> all = new HashMap<>(values);
		all.put("objectGUID", SampleLdif.guidBytes(guid));
		return attributes(all);
	}

	private static AccountParser.Attributes attributes(Map<String, Object> values) {
		return new AccountParser.Attributes() {

			@Override
			public String string(String name) {
				Object value = values.get(name);
				return (value instanceof String s) ? s : null;
			}

			@Override
			public byte[] bytes(String name) {
				Object value = values.get(name);
				return (value instanceof byte[] b) ? b : null;
			}

		};
	}

}
