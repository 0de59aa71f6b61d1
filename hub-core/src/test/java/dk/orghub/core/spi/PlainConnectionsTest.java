package dk.orghub.core.spi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Unencrypted connections to another machine are refused unless a setting allows them.
 */
class PlainConnectionsTest {

	private static final String KEY = "hub.sources.ad.url";

	private static final String ALLOW = "hub.sources.ad.allow-plain-ldap";

	@Test
	void ldapWithoutTlsToAnotherMachineIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> PlainConnections.check(KEY, "ldap://dc01.kommune.local:389", "ldap", "ldaps", ALLOW, false))
			.withMessageStartingWith(KEY + ": ldap://dc01.kommune.local would send passwords and CPR numbers")
			.withMessageContaining("use ldaps://")
			.withMessageContaining(ALLOW + "=true");
		assertThatIllegalStateException()
			.isThrownBy(() -> PlainConnections.check(KEY, "LDAP://10.0.0.5", "ldap", "ldaps", ALLOW, false));
	}

	@Test
	void tlsLoopbackOrTheSettingIsAccepted() {
		for (String url : new String[] { "ldaps://dc01.kommune.local:636", "ldap://127.0.0.1:33389",
				"ldap://localhost:389", "ldap://[::1]:389" }) {
			assertThatCode(() -> PlainConnections.check(KEY, url, "ldap", "ldaps", ALLOW, false)).as(url)
				.doesNotThrowAnyException();
		}
		assertThatCode(() -> PlainConnections.check(KEY, "ldap://dc01.kommune.local", "ldap", "ldaps", ALLOW, true))
			.doesNotThrowAnyException();
	}

}
