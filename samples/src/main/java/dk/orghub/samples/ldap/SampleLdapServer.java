package dk.orghub.samples.ldap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedCompareRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;

import dk.orghub.samples.BackgroundStart;

/**
 * An in-process LDAP server (UnboundID) holding the sample accounts, listening on a free
 * loopback port: the fake directory of demos, tests and benchmarks.
 * <p>
 * Like AD it returns at most {@value #MAX_PAGE_SIZE} entries to one search request (a
 * client must page to read more), and the change methods keep {@code uSNChanged} the way
 * AD does: every change takes the next number, and a deleted account leaves a tombstone
 * ({@code isDeleted: TRUE}, the GUID and the account name kept) under
 * {@code CN=Deleted Objects}. On a standard directory the server itself keeps
 * {@code entryUUID} and {@code modifyTimestamp}.
 * <p>
 * The hub binds as {@link SampleDirectory#bindDn()} with
 * {@link SampleDirectory#BIND_PASSWORD}; anonymous searches are refused. Thread-safe.
 */
public final class SampleLdapServer implements AutoCloseable {

	/** The most entries one search request returns, as on AD. */
	public static final int MAX_PAGE_SIZE = 1000;

	private static final long STALL_LIMIT_SECONDS = 60;

	/** How long searches and {@link #awaitLoaded()} wait for the entries at most. */
	private static final Duration LOAD_LIMIT = Duration.ofMinutes(2);

	private final SampleDirectory directory;

	private final InMemoryDirectoryServer server;

	private final AtomicLong usn = new AtomicLong();

	private final BackgroundStart loaded = new BackgroundStart("loading the sample directory's entries", LOAD_LIMIT);

	private final AtomicInteger waitingForEntries = new AtomicInteger();

	private volatile CountDownLatch stall;

	private SampleLdapServer(SampleDirectory directory) throws LDAPException {
		this.directory = directory;
		InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(directory.baseDn());
		config.setListenerConfigs(
				InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
		config.addAdditionalBindCredentials(directory.bindDn(), SampleDirectory.BIND_PASSWORD);
		config.setAuthenticationRequiredOperationTypes(com.unboundid.ldap.sdk.OperationType.SEARCH,
				com.unboundid.ldap.sdk.OperationType.COMPARE);
		config.setMaxSizeLimit(MAX_PAGE_SIZE);
		config.setSchema(directory.isActiveDirectory()
				? Schema.mergeSchemas(Schema.getDefaultStandardSchema(), activeDirectorySchema())
				: Schema.getDefaultStandardSchema());
		config.setEqualityIndexAttributes(
				directory.isActiveDirectory() ? List.of("sAMAccountName", "objectGUID", directory.cprAttribute())
						: List.of("uid", directory.cprAttribute()));
		config.addInMemoryOperationInterceptor(new StallingInterceptor());
		this.server = new InMemoryDirectoryServer(config);
	}

	private void load(InputStream ldif) {
		List<Entry> entries = read(ldif);
		try {
			this.server.addEntries(entries);
		}
		catch (LDAPException ex) {
			throw new IllegalStateException("cannot add the sample directory's entries: " + ex.getMessage(), ex);
		}
		this.usn.set(highestUsn(entries));
	}

	/** Starts a server holding the accounts, loaded from their LDIF. */
	public static SampleLdapServer start(SampleDirectory directory, SampleAccounts accounts) {
		return start(directory, ldif(directory, accounts));
	}

	/**
	 * Starts a server on a free loopback port and loads the accounts {@code accounts}
	 * gives on a thread of its own: {@link #url()} is known and connections are accepted
	 * at once, and searches wait (at most two minutes) until the entries are in;
	 * {@link #awaitLoaded()} waits for that too and reports a failure. For a start that
	 * should not wait for the directory (the demo's).
	 */
	public static SampleLdapServer startInBackground(SampleDirectory directory, Supplier<SampleAccounts> accounts) {
		Objects.requireNonNull(accounts, "accounts");
		SampleLdapServer server = listening(directory);
		server.loaded.runOnThread("sample-ldap-load", () -> server.load(ldif(directory, accounts.get())));
		return server;
	}

	private static InputStream ldif(SampleDirectory directory, SampleAccounts accounts) {
		ByteArrayOutputStream ldif = new ByteArrayOutputStream(accounts.all().size() * 600);
		try {
			SampleLdif.write(directory, accounts, ldif);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ByteArrayInputStream(ldif.toByteArray());
	}

	/** Starts a server holding the entries of an LDIF (as {@link SampleLdif} writes). */
	public static SampleLdapServer start(SampleDirectory directory, InputStream ldif) {
		SampleLdapServer server = listening(directory);
		server.loaded.run(() -> server.load(ldif));
		server.awaitLoaded();
		return server;
	}

	private static SampleLdapServer listening(SampleDirectory directory) {
		Objects.requireNonNull(directory, "directory");
		try {
			SampleLdapServer server = new SampleLdapServer(directory);
			server.server.startListening();
			return server;
		}
		catch (LDAPException ex) {
			throw new IllegalStateException("cannot start the sample LDAP server: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Waits until the entries are loaded (at once for a server not started
	 * {@link #startInBackground in the background}).
	 * @throws IllegalStateException when loading them failed (the server is then shut
	 * down) or took longer than two minutes
	 */
	public void awaitLoaded() {
		try {
			this.loaded.await();
		}
		catch (IllegalStateException ex) {
			if (this.loaded.isDone()) {
				this.server.shutDown(true);
			}
			throw ex;
		}
	}

	/** Searches and compares waiting at this moment for the entries to be loaded. */
	int waitingForEntries() {
		return this.waitingForEntries.get();
	}

	public SampleDirectory directory() {
		return this.directory;
	}

	public int port() {
		return this.server.getListenPort();
	}

	/** {@code ldap://127.0.0.1:<port>}. */
	public String url() {
		return "ldap://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port();
	}

	/** The highest update sequence number in use (AD). */
	public long highestUsn() {
		awaitLoaded();
		return this.usn.get();
	}

	/** How many entries the directory holds (base, OUs and accounts). */
	public int entryCount() {
		awaitLoaded();
		return this.server.countEntries();
	}

	/**
	 * Sets ({@code value} not null) or removes an attribute of an account, as a change:
	 * AD's {@code uSNChanged} takes the next number.
	 */
	public void modify(String accountName, String attribute, String value) {
		Modification change = (value != null) ? new Modification(ModificationType.REPLACE, attribute, value)
				: new Modification(ModificationType.DELETE, attribute);
		modify(accountName, change);
	}

	/** Disables an account ({@code userAccountControl} 514 on AD). */
	public void disable(String accountName) {
		requireActiveDirectory("disabling");
		modify(accountName, new Modification(ModificationType.REPLACE, "userAccountControl", "514"));
	}

	/** Enables an account ({@code userAccountControl} 512 on AD). */
	public void enable(String accountName) {
		requireActiveDirectory("enabling");
		modify(accountName, new Modification(ModificationType.REPLACE, "userAccountControl", "512"));
	}

	/**
	 * Deletes an account. On AD it becomes a tombstone in {@code CN=Deleted Objects} with
	 * its GUID, its account name and the next {@code uSNChanged}.
	 */
	public void delete(String accountName) {
		awaitLoaded();
		try {
			SearchResultEntry entry = find(accountName);
			this.server.delete(entry.getDN());
			if (this.directory.isActiveDirectory()) {
				byte[] guid = entry.getAttributeValueBytes("objectGUID");
				Entry tombstone = new Entry("CN=" + accountName + " DEL " + HexFormat.of().formatHex(guid) + ","
						+ this.directory.deletedObjectsDn());
				tombstone.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
				tombstone.addAttribute("cn", accountName);
				tombstone.addAttribute("sn", accountName);
				tombstone.addAttribute("sAMAccountName", accountName);
				tombstone.addAttribute("objectGUID", guid);
				tombstone.addAttribute("isDeleted", "TRUE");
				tombstone.addAttribute("lastKnownParent", entry.getParentDNString());
				tombstone.addAttribute("uSNChanged", Long.toString(this.usn.incrementAndGet()));
				this.server.add(tombstone);
			}
		}
		catch (LDAPException ex) {
			throw new IllegalStateException("cannot delete " + accountName + ": " + ex.getMessage(), ex);
		}
	}

	/** Adds an account, with the next update sequence number. */
	public void add(SampleAccount account) {
		awaitLoaded();
		try {
			this.server.add(SampleLdif.entry(this.directory, account, this.usn.incrementAndGet()));
		}
		catch (LDAPException ex) {
			throw new IllegalStateException("cannot add " + account.accountName() + ": " + ex.getMessage(), ex);
		}
	}

	/** Adds any entry as it is (for tests with malformed data). */
	public void addEntry(Entry entry) {
		awaitLoaded();
		try {
			this.server.add(entry);
		}
		catch (LDAPException ex) {
			throw new IllegalStateException("cannot add " + entry.getDN() + ": " + ex.getMessage(), ex);
		}
	}

	/** The next update sequence number, for entries added with {@link #addEntry}. */
	public long nextUsn() {
		return this.usn.incrementAndGet();
	}

	/**
	 * Makes searches hang (a slow directory) until the returned handle is closed, or at
	 * most a minute.
	 */
	public Stall stallSearches() {
		CountDownLatch latch = new CountDownLatch(1);
		this.stall = latch;
		return () -> {
			this.stall = null;
			latch.countDown();
		};
	}

	@Override
	public void close() {
		CountDownLatch latch = this.stall;
		if (latch != null) {
			latch.countDown();
		}
		this.server.shutDown(true);
	}

	/** Releases stalled searches. */
	@FunctionalInterface
	public interface Stall extends AutoCloseable {

		@Override
		void close();

	}

	private void modify(String accountName, Modification change) {
		awaitLoaded();
		try {
			SearchResultEntry entry = find(accountName);
			if (this.directory.isActiveDirectory()) {
				this.server.modify(entry.getDN(), change, new Modification(ModificationType.REPLACE, "uSNChanged",
						Long.toString(this.usn.incrementAndGet())));
			}
			else {
				this.server.modify(entry.getDN(), change);
			}
		}
		catch (LDAPException ex) {
			throw new IllegalStateException("cannot change " + accountName + ": " + ex.getMessage(), ex);
		}
	}

	private SearchResultEntry find(String accountName) throws LDAPException {
		String attribute = this.directory.isActiveDirectory() ? "sAMAccountName" : "uid";
		List<SearchResultEntry> found = this.server
			.search(this.directory.baseDn(), SearchScope.SUB,
					com.unboundid.ldap.sdk.Filter.createEqualityFilter(attribute, accountName))
			.getSearchEntries();
		if (found.isEmpty()) {
			throw new IllegalArgumentException("no account " + accountName + " in the sample directory");
		}
		return found.get(0);
	}

	private static List<Entry> read(InputStream ldif) {
		List<Entry> entries = new ArrayList<>();
		try (LDIFReader reader = new LDIFReader(ldif)) {
			for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
				entries.add(entry);
			}
		}
		catch (IOException | LDIFException ex) {
			throw new IllegalStateException("cannot read the LDIF of the sample directory: " + ex.getMessage(), ex);
		}
		return entries;
	}

	private static long highestUsn(List<Entry> entries) {
		long highest = SampleLdif.FIRST_USN - 1;
		for (Entry entry : entries) {
			Long usn = entry.getAttributeValueAsLong("uSNChanged");
			if (usn != null) {
				highest = Math.max(highest, usn);
			}
		}
		return highest;
	}

	private void requireActiveDirectory(String what) {
		if (!this.directory.isActiveDirectory()) {
			throw new UnsupportedOperationException(what + " needs the Active Directory flavour");
		}
	}

	private static Schema activeDirectorySchema() {
		try (InputStream in = SampleLdapServer.class.getResourceAsStream("ad-schema.ldif");
				LDIFReader reader = new LDIFReader(Objects.requireNonNull(in, "ad-schema.ldif"))) {
			return new Schema(reader.readEntry());
		}
		catch (IOException | LDIFException ex) {
			throw new IllegalStateException("cannot read the AD schema of the sample directory", ex);
		}
	}

	private final class StallingInterceptor extends InMemoryOperationInterceptor {

		@Override
		public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
			awaitEntries();
			CountDownLatch latch = SampleLdapServer.this.stall;
			if (latch != null) {
				try {
					latch.await(STALL_LIMIT_SECONDS, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public void processCompareRequest(InMemoryInterceptedCompareRequest request) {
			awaitEntries();
		}

		/**
		 * A request before the entries are in waits for them (after a failed load it
		 * finds none).
		 */
		private void awaitEntries() {
			BackgroundStart entries = SampleLdapServer.this.loaded;
			if (entries.isDone()) {
				return;
			}
			SampleLdapServer.this.waitingForEntries.incrementAndGet();
			try {
				entries.awaitQuietly(); // after a failure or the limit: answered from
										// what there is
			}
			finally {
				SampleLdapServer.this.waitingForEntries.decrementAndGet();
			}
		}

	}

}
