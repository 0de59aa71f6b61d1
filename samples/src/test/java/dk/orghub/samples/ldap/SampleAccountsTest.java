package dk.orghub.samples.ldap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Cpr;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class SampleAccountsTest {

	private static final Municipality MUNICIPALITY = MunicipalityGenerator.generate(20_070_101L, 1_500);

	private final SampleAccounts accounts = SampleAccounts.of(MUNICIPALITY);

	@Test
	void theSameMunicipalityGivesTheSameAccounts() {
		SampleAccounts again = SampleAccounts.of(MunicipalityGenerator.generate(20_070_101L, 1_500));
		assertThat(again.all()).isEqualTo(this.accounts.all());
		SampleAccounts other = SampleAccounts.of(MunicipalityGenerator.generate(7L, 1_500));
		assertThat(other.all().get(0).id()).isNotEqualTo(this.accounts.all().get(0).id());
	}

	@Test
	void hasEveryKindOfAccountTheImportMustHandle() {
		assertThat(this.accounts.of(SampleAccount.Kind.EMPLOYEE)).hasSizeGreaterThan(1_000)
			.allSatisfy(a -> assertThat(a.enabled()).isTrue());
		assertThat(this.accounts.of(SampleAccount.Kind.LEAVER)).isNotEmpty()
			.allSatisfy(a -> assertThat(a.enabled()).isFalse());
		assertThat(this.accounts.of(SampleAccount.Kind.SECOND)).isNotEmpty().allSatisfy(second -> {
			assertThat(this.accounts.ofPerson(second.person())).hasSize(2);
			assertThat(second.mail()).startsWith("adm-");
		});
		assertThat(this.accounts.of(SampleAccount.Kind.EXTERNAL)).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy(a -> assertThat(a.person()).isNull());
		assertThat(this.accounts.of(SampleAccount.Kind.SERVICE)).isNotEmpty()
			.allSatisfy(a -> assertThat(a.cpr()).isNull());
		assertThat(this.accounts.in(SampleAccounts.EXTERNALS)).extracting(SampleAccount::kind)
			.contains(SampleAccount.Kind.EXTERNAL, SampleAccount.Kind.SERVICE);
	}

	@Test
	void accountsOfPersonsCarryTheirCprAndOthersAValidUnknownOne() {
		Set<String> personCprs = new HashSet<>();
		MUNICIPALITY.persons().values().forEach(t -> personCprs.add(t.segments().get(0).value().cpr()));
		for (SampleAccount account : this.accounts.all()) {
			if (account.person() != null) {
				assertThat(MUNICIPALITY.persons().get(account.person()).segments().get(0).value().cpr())
					.isEqualTo(account.cpr());
			}
			else if (account.cpr() != null) {
				assertThat(Cpr.check(account.cpr()).valid()).isTrue();
				assertThat(personCprs).doesNotContain(account.cpr());
			}
		}
	}

	@Test
	void accountNamesAreUniqueAsciiAndFollowThePattern() {
		Set<String> names = new HashSet<>();
		for (SampleAccount account : this.accounts.all()) {
			assertThat(names.add(account.accountName().toLowerCase())).as(account.accountName()).isTrue();
			assertThat(account.accountName()).matches("[a-z0-9-]{1,20}");
		}
		SampleAccount employee = this.accounts.of(SampleAccount.Kind.EMPLOYEE).get(0);
		assertThat(employee.mail()).isEqualTo(employee.accountName() + "@samplekommune.example");
		assertThat(employee.phone()).matches("\\+45( [0-9]{2}){4}");
	}

	@Test
	void guidsAreWrittenInAdByteOrder() {
		UUID guid = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
		assertThat(SampleLdif.guidBytes(guid)).containsExactly(0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88,
				0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff);
	}

	@Test
	void ldifHasAnEntryPerAccountInBothFlavours() throws IOException {
		String ad = ldif(SampleDirectory.activeDirectory().withCpr("extensionAttribute1", "-"));
		assertThat(ad).contains("dn: CN=Deleted Objects,DC=samplekommune,DC=example")
			.contains("objectGUID:: ")
			.contains("userAccountControl: 514");
		SampleAccount first = this.accounts.all().get(0);
		assertThat(ad).contains("extensionAttribute1: " + first.cpr().substring(0, 6) + "-" + first.cpr().substring(6));
		assertThat(count(ad, "\nsAMAccountName: ")).isEqualTo(this.accounts.all().size());

		String standard = ldif(SampleDirectory.inetOrgPerson());
		long enabled = this.accounts.all().stream().filter(SampleAccount::enabled).count();
		assertThat(count(standard, "objectClass: inetOrgPerson")).isEqualTo(enabled);
		assertThat(standard).doesNotContain("objectGUID").contains("employeeNumber: " + first.cpr());
	}

	private String ldif(SampleDirectory directory) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SampleLdif.write(directory, this.accounts, out);
		return out.toString(StandardCharsets.UTF_8);
	}

	private static long count(String text, String part) {
		return List.of(text.split(java.util.regex.Pattern.quote(part), -1)).size() - 1;
	}

}
