package dk.orghub.adapters.ad;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.orghub.core.spi.AdapterConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdConfigurationTest {

	private static final String BASE = "OU=Medarbejdere,DC=kommune,DC=local";

	private final AdConfiguration ad = AdConfiguration.of(AdConfiguration.Mode.AD, "ldaps://dc01.kommune.local:636",
			"CN=svc-orghub,OU=Servicekonti,DC=kommune,DC=local", "secret", List.of(BASE));

	@Test
	void defaultsFollowTheMode() {
		assertThat(this.ad.name()).isEqualTo("ad");
		assertThat(this.ad.cprAttribute()).isEqualTo("employeeID");
		assertThat(this.ad.accountNameAttribute()).isEqualTo("sAMAccountName");
		assertThat(this.ad.idAttribute()).isEqualTo("objectGUID");
		assertThat(this.ad.changeTracking()).isEqualTo(AdConfiguration.ChangeTracking.USN_CHANGED);
		assertThat(this.ad.deletedObjectsDn()).isEqualTo("CN=Deleted Objects,DC=kommune,DC=local");
		assertThat(this.ad.pageSize()).isEqualTo(1000);
		assertThat(this.ad.email()).isTrue();
		assertThat(this.ad.title()).isFalse();
		assertThatCode(this.ad::validate).doesNotThrowAnyException();

		AdConfiguration ldap = AdConfiguration.of(AdConfiguration.Mode.LDAP, "ldap://ldap.kommune.local",
				"uid=orghub,dc=kommune,dc=local", "secret", List.of("ou=people,dc=kommune,dc=local"));
		assertThat(ldap.cprAttribute()).isEqualTo("employeeNumber");
		assertThat(ldap.accountNameAttribute()).isEqualTo("uid");
		assertThat(ldap.idAttribute()).isEqualTo("entryUUID");
		assertThat(ldap.changeTracking()).isEqualTo(AdConfiguration.ChangeTracking.MODIFY_TIMESTAMP);
		assertThat(ldap.filter()).isEqualTo("(objectClass=inetOrgPerson)");
		assertThat(ldap.readsTombstones()).isFalse();
		assertThat(this.ad.readsTombstones()).isTrue();
	}

	@Test
	void validationNamesTheWrongSetting() {
		assertWrong(this.ad.withUrl("http://dc01", "secret"), "hub.sources.ad.url");
		assertWrong(this.ad.withUrl("ldap://dc01", ""), "hub.sources.ad.password", "HUB_SOURCES_AD_PASSWORD");
		assertWrong(AdConfiguration.of(AdConfiguration.Mode.AD, "ldap://dc01", "CN=x", "s", List.of()),
				"hub.sources.ad.base-dns");
		assertWrong(AdConfiguration.of(AdConfiguration.Mode.AD, "ldap://dc01", "CN=x", "s", List.of("not a dn")),
				"hub.sources.ad.base-dns", "not a dn");
		assertWrong(this.ad.withCpr("employee ID", null), "hub.sources.ad.cpr-attribute");
		assertWrong(this.ad.withCpr("employeeID", "1"), "hub.sources.ad.cpr-separator");
		assertWrong(this.ad.withTitle(null).withPrimary(null, "([", null), "hub.sources.ad.secondary-account-pattern");
		assertWrong(this.ad.withTimeouts(Duration.ZERO, null), "hub.sources.ad.connect-timeout");
		assertWrong(this.ad.withPageSize(0), "hub.sources.ad.page-size");
		AdConfiguration badFilter = new AdConfiguration(null, null, "ldap://dc01", "CN=x", "s", List.of(BASE),
				"(&(objectClass=user)", null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null);
		assertWrong(badFilter, "hub.sources.ad.filter");
		AdConfiguration titleWithoutType = new AdConfiguration(null, null, "ldap://dc01", "CN=x", "s", List.of(BASE),
				null, null, null, null, null, null, null, null, true, null, null, null, null, null, null, null, null,
				null, null, null, null, null);
		assertWrong(titleWithoutType, "hub.sources.ad.title-address-type");
	}

	@Test
	void thePasswordNeverShows() {
		assertThat(this.ad.withUrl("ldap://dc01", "Kodeord-2026!").toString()).doesNotContain("Kodeord")
			.contains("password=(secret)");
	}

	private static void assertWrong(AdConfiguration config, String... parts) {
		assertThatThrownBy(config::validate).isInstanceOf(AdapterConfigurationException.class)
			.message()
			.contains(parts);
	}

}
