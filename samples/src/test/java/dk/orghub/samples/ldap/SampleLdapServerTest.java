package dk.orghub.samples.ldap;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dk.orghub.samples.municipality.MunicipalityGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-process directory over a real socket, with the UnboundID client. */
class SampleLdapServerTest {

	private static SampleAccounts accounts;

	private static SampleLdapServer server;

	@BeforeAll
	static void start() {
		accounts = SampleAccounts.of(MunicipalityGenerator.generate(20_070_101L, 2_500));
		server = SampleLdapServer.start(SampleDirectory.activeDirectory(), accounts);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void answersOnALoopbackPortAndRefusesAWrongPassword() throws LDAPException {
		assertThat(server.url()).startsWith("ldap://127.0.0.1:");
		try (LDAPConnection connection = new LDAPConnection("127.0.0.1", server.port())) {
			assertThatThrownBy(() -> connection.bind(server.directory().bindDn(), "wrong")).isInstanceOfSatisfying(
					LDAPException.class,
					ex -> assertThat(ex.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
			assertThatThrownBy(() -> connection.search(server.directory().baseDn(), SearchScope.SUB, "(cn=*)"))
				.isInstanceOf(LDAPSearchException.class);
		}
	}

	@Test
	@Timeout(120)
	void startedInTheBackgroundAcceptsConnectionsAtOnceAndSearchesWaitForTheEntries() throws Exception {
		CountDownLatch generate = new CountDownLatch(1);
		SampleLdapServer background = SampleLdapServer.startInBackground(SampleDirectory.activeDirectory(), () -> {
			try {
				generate.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return accounts;
		});
		String accountName = accounts.all().get(0).accountName();
		try (background; LDAPConnection connection = new LDAPConnection("127.0.0.1", background.port())) {
			connection.bind(background.directory().bindDn(), SampleDirectory.BIND_PASSWORD);
			CompletableFuture<Integer> found = CompletableFuture.supplyAsync(() -> {
				try {
					return connection
						.search(background.directory().baseDn(), SearchScope.SUB,
								"(sAMAccountName=" + accountName + ")")
						.getEntryCount();
				}
				catch (LDAPSearchException ex) {
					throw new IllegalStateException(ex);
				}
			});
			while (background.waitingForEntries() == 0) {
				Thread.yield();
			}
			generate.countDown();
			assertThat(found.get()).isEqualTo(1);
			assertThat(background.entryCount()).isGreaterThan(accounts.all().size());
		}
	}

	@Test
	void aLoadInTheBackgroundThatFailsIsReportedByAwaitLoaded() {
		SampleLdapServer failing = SampleLdapServer.startInBackground(SampleDirectory.activeDirectory(), () -> {
			throw new IllegalStateException("no accounts today");
		});
		try (failing) {
			assertThatThrownBy(failing::awaitLoaded).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("no accounts today");
		}
	}

	@Test
	void returnsAtMostAThousandEntriesWithoutPagingAndAllWithIt() throws LDAPException {
		String employees = server.directory().ouDn(SampleAccounts.EMPLOYEES);
		long expected = accounts.in(SampleAccounts.EMPLOYEES).size();
		assertThat(expected).isGreaterThan(2 * SampleLdapServer.MAX_PAGE_SIZE);
		try (LDAPConnection connection = bound()) {
			assertThatThrownBy(() -> connection.search(employees, SearchScope.ONE, "(objectClass=user)", "cn"))
				.isInstanceOfSatisfying(LDAPSearchException.class, ex -> {
					assertThat(ex.getResultCode()).isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED);
					assertThat(ex.getEntryCount()).isEqualTo(SampleLdapServer.MAX_PAGE_SIZE);
				});
			SearchRequest request = new SearchRequest(employees, SearchScope.ONE, "(objectClass=user)", "cn");
			long read = 0;
			int pages = 0;
			com.unboundid.asn1.ASN1OctetString cookie = null;
			do {
				request.setControls(new SimplePagedResultsControl(SampleLdapServer.MAX_PAGE_SIZE, cookie));
				SearchResult result = connection.search(request);
				read += result.getEntryCount();
				pages++;
				cookie = SimplePagedResultsControl.get(result).getCookie();
			}
			while (cookie != null && cookie.getValueLength() > 0);
			assertThat(read).isEqualTo(expected);
			assertThat(pages).isGreaterThan(2);
		}
	}

	@Test
	void changesTakeTheNextUsnAndADeletedAccountLeavesATombstone() throws LDAPException {
		SampleAccounts small = SampleAccounts.of(MunicipalityGenerator.generate(1L, 100));
		SampleAccount leaver = small.of(SampleAccount.Kind.EMPLOYEE).get(5);
		SampleAccount deleted = small.of(SampleAccount.Kind.EMPLOYEE).get(6);
		try (SampleLdapServer server = SampleLdapServer.start(SampleDirectory.activeDirectory(), small)) {
			changeAndDelete(server, leaver, deleted);
		}
	}

	private static void changeAndDelete(SampleLdapServer server, SampleAccount leaver, SampleAccount deleted)
			throws LDAPException {
		long before = server.highestUsn();
		server.modify(leaver.accountName(), "telephoneNumber", "+45 11 22 33 44");
		server.disable(leaver.accountName());
		server.delete(deleted.accountName());
		assertThat(server.highestUsn()).isEqualTo(before + 3);
		try (LDAPConnection connection = bound(server)) {
			SearchResultEntry changed = connection.searchForEntry(server.directory().baseDn(), SearchScope.SUB,
					"(sAMAccountName=" + leaver.accountName() + ")");
			assertThat(changed.getAttributeValue("userAccountControl")).isEqualTo("514");
			assertThat(changed.getAttributeValueAsLong("uSNChanged")).isEqualTo(before + 2);
			List<SearchResultEntry> tombstones = connection
				.search(server.directory().deletedObjectsDn(), SearchScope.ONE,
						"(&(isDeleted=TRUE)(uSNChanged>=" + (before + 1) + "))")
				.getSearchEntries();
			assertThat(tombstones).singleElement().satisfies(t -> {
				assertThat(t.getAttributeValue("sAMAccountName")).isEqualTo(deleted.accountName());
				assertThat(t.getAttributeValueBytes("objectGUID")).isEqualTo(SampleLdif.guidBytes(deleted.id()));
			});
		}
	}

	@Test
	void aStandardDirectoryKeepsEntryUuidAndModifyTimestamp() throws LDAPException {
		SampleAccounts small = SampleAccounts.of(MunicipalityGenerator.generate(1L, 100));
		String uid = small.of(SampleAccount.Kind.EMPLOYEE).get(0).accountName();
		try (SampleLdapServer standard = SampleLdapServer.start(SampleDirectory.inetOrgPerson(), small);
				LDAPConnection connection = new LDAPConnection("127.0.0.1", standard.port())) {
			connection.bind(standard.directory().bindDn(), SampleDirectory.BIND_PASSWORD);
			SearchResultEntry entry = connection.searchForEntry(standard.directory().baseDn(), SearchScope.SUB,
					"(uid=" + uid + ")", "entryUUID", "modifyTimestamp", "uid", "employeeNumber");
			assertThat(entry.getAttributeValue("entryUUID")).hasSize(36);
			assertThat(entry.getAttributeValue("modifyTimestamp")).endsWith("Z");
			assertThat(entry.getAttributeValue("employeeNumber")).hasSize(10);
		}
	}

	private static LDAPConnection bound() throws LDAPException {
		return bound(server);
	}

	private static LDAPConnection bound(SampleLdapServer server) throws LDAPException {
		LDAPConnection connection = new LDAPConnection("127.0.0.1", server.port());
		connection.bind(server.directory().bindDn(), SampleDirectory.BIND_PASSWORD);
		return connection;
	}

}
