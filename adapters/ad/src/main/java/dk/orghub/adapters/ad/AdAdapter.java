package dk.orghub.adapters.ad;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.support.LdapEncoder;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.ChangeBatch;
import dk.orghub.core.spi.ChangeFeedSource;
import dk.orghub.core.spi.ConnectionTestable;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.store.ReadPoint;

/**
 * Active Directory, or any LDAP directory, as a source of IT users and of the e-mail
 * addresses, phone numbers (and optionally job titles) the directory owns.
 * <p>
 * Reads the accounts under each base DN with the configured filter, page by page on one
 * bound connection, and gives each account to the person (delivered by payroll) with its
 * CPR number, found through a {@link PersonLookup}. Each account of a person becomes an
 * IT user in the configured IT system (account name, the objectGUID or entryUUID as
 * external id, enabled or not); the person's primary account gives the person's
 * addresses. Objects are valid from today: the directory knows no history. Accounts that
 * match no person and persons whose accounts disagree are in the run's {@link AdReport}
 * ({@link #lastReport()}, {@link #read}, {@link #changes}) and in the log with masked CPR
 * numbers.
 * <p>
 * Bad data (a malformed CPR value, a GUID of the wrong length, no account name) fails the
 * run with an {@link AdapterException} naming every bad account, before anything is
 * delivered. So do an unreachable or slow directory and a refused bind; nothing is
 * changed then.
 * <p>
 * The change feed follows {@code uSNChanged} (AD) or {@code modifyTimestamp}; on AD it
 * also reads the tombstones of deleted accounts. A disabled or deleted account ends its
 * IT user. Plain Java: built with an {@link AdConfiguration}, no Spring context needed.
 * Not thread-safe (the hub never calls it from two threads at once).
 */
public final class AdAdapter implements SnapshotSource, ChangeFeedSource, ConnectionTestable {

	private static final Logger log = LoggerFactory.getLogger(AdAdapter.class);

	private static final String PAGED_RESULTS_OID = "1.2.840.113556.1.4.319";

	private static final int LOGGED_PER_KIND = 50;

	private static final int CPRS_PER_SEARCH = 200;

	private static final SourceOwnership OWNERSHIP = new SourceOwnership(
			Map.of(ObjectType.IT_USER, Set.of("userKey", "person", "itSystem", "externalId", "enabled"),
					ObjectType.ADDRESS, Set.of("userKey", "owner", "ownerKind", "addressType", "value", "visibility")));

	private final AdConfiguration config;

	private final PersonLookup persons;

	private Directory directory;

	private AdReport lastReport;

	public AdAdapter(AdConfiguration config, PersonLookup persons) {
		this.config = Objects.requireNonNull(config, "config");
		this.persons = Objects.requireNonNull(persons, "persons");
	}

	@Override
	public String name() {
		return this.config.name();
	}

	public AdConfiguration configuration() {
		return this.config;
	}

	@Override
	public SourceOwnership ownership() {
		return OWNERSHIP;
	}

	@Override
	public void validate() {
		this.config.validate();
	}

	/** Binds and reads the root DSE; checks paged results and that the base DNs exist. */
	@Override
	public void testConnection() {
		validate();
		network("testing the connection to", () -> directory().session(session -> {
			Map<String, List<String>> root = session.rootDse("supportedControl", "namingContexts");
			List<String> controls = root.getOrDefault("supportedcontrol", List.of());
			if (!controls.isEmpty() && !controls.contains(PAGED_RESULTS_OID)) {
				throw new AdapterException(name() + ": the directory at " + this.config.url()
						+ " does not support paged results (" + PAGED_RESULTS_OID + ")", false);
			}
			for (String base : this.config.baseDns()) {
				try {
					session.lookup(base);
				}
				catch (NameNotFoundException ex) {
					throw new AdapterException(
							name() + ": base DN '" + base + "' does not exist in the directory at " + this.config.url(),
							false, ex);
				}
			}
			return null;
		}));
	}

	@Override
	public Snapshot snapshot(SourceContext context) {
		return read(context).snapshot();
	}

	@Override
	public ChangeBatch changesSince(SourceContext context, String token) {
		return changes(context, token).batch();
	}

	/** The report of the last run, if there was one. */
	public Optional<AdReport> lastReport() {
		return Optional.ofNullable(this.lastReport);
	}

	/**
	 * Reads every account and returns the snapshot with the run's report. The snapshot
	 * speaks from today ({@code effectiveFrom}); its token resumes the change feed.
	 * @throws AdapterException naming the connection or every bad account
	 */
	public AdRun read(SourceContext context) {
		validate();
		LocalDate today = ReadPoint.today(context.clock());
		AccountParser parser = new AccountParser(this.config);
		List<String> problems = new ArrayList<>();
		long started = System.nanoTime();
		List<Account> read = network("reading", () -> directory().session(session -> {
			List<Account> all = new ArrayList<>();
			for (String base : this.config.baseDns()) {
				all.addAll(inBase(base, () -> session.search(base, this.config.filter(), parser.attributes(), false,
						accountMapper(parser, problems))));
				context.progress(all.size(), -1);
			}
			return all;
		}));
		List<Account> accounts = distinct(read, problems);
		failOn(problems);
		long readAt = System.nanoTime();
		Map<String, List<UUID>> byCpr = this.persons.personsByCpr(cprs(accounts), today);
		long lookedUpAt = System.nanoTime();
		Set<UUID> withoutCpr = this.persons.personsWithoutCpr(personUuids(accounts), today);
		AccountMatcher.Result result = new AccountMatcher(this.config, context, today).match(accounts, byCpr,
				withoutCpr);
		ChangeToken token = ChangeToken.start(this.config.changeTracking());
		for (Account account : accounts) {
			token = token.max(account.token());
		}
		Snapshot snapshot = new Snapshot(Set.of(ObjectType.IT_USER, ObjectType.ADDRESS), today, result.objects(),
				token.toString());
		AdReport report = report("snapshot", accounts.size(), result, 0);
		timings(started, readAt, lookedUpAt);
		return new AdRun(snapshot, report);
	}

	/**
	 * Reads the accounts changed since {@code token} (and, on AD, the tombstones of
	 * deleted ones) and returns the batch with the run's report. With a {@code null}
	 * token it only finds the current token.
	 * @throws AdapterException naming the connection or every bad account
	 */
	public AdChanges changes(SourceContext context, String token) {
		validate();
		LocalDate today = ReadPoint.today(context.clock());
		if (token == null) {
			ChangeToken current = network("reading", () -> directory().session(session -> currentToken(session)));
			AccountMatcher.Result none = new AccountMatcher(this.config, context, today).match(List.of(), Map.of());
			return new AdChanges(new ChangeBatch(List.of(), List.of(), current.toString(), false),
					report("changes", 0, none, 0));
		}
		ChangeToken since = ChangeToken.parse(this.config, token);
		AccountParser parser = new AccountParser(this.config);
		List<String> problems = new ArrayList<>();
		List<String[]> tombstones = new ArrayList<>();
		long started = System.nanoTime();
		List<Account> considered = network("reading", () -> directory().session(session -> {
			List<Account> changed = new ArrayList<>();
			String filter = "(&" + this.config.filter() + since.filter(this.config) + ")";
			for (String base : this.config.baseDns()) {
				changed.addAll(inBase(base, () -> session.search(base, filter, parser.attributes(), false,
						accountMapper(parser, problems))));
			}
			if (this.config.readsTombstones()) {
				tombstones.addAll(tombstones(session, since, parser, problems));
			}
			List<Account> all = new ArrayList<>(changed);
			all.addAll(samePersons(session, cprs(changed), parser, problems));
			return all;
		}));
		List<Account> accounts = distinct(considered, problems);
		failOn(problems);
		long readAt = System.nanoTime();
		Map<String, List<UUID>> byCpr = this.persons.personsByCpr(cprs(accounts), today);
		long lookedUpAt = System.nanoTime();
		Set<UUID> withoutCpr = this.persons.personsWithoutCpr(personUuids(accounts), today);
		AccountMatcher.Result result = new AccountMatcher(this.config, context, today).match(accounts, byCpr,
				withoutCpr);
		Set<ChangeBatch.EndedObject> ended = new LinkedHashSet<>();
		ChangeToken next = since;
		for (Account account : accounts) {
			next = next.max(account.token());
			end(ended, account.id(), result, today);
		}
		for (String[] tombstone : tombstones) {
			next = next.max(tombstone[1]);
			end(ended, tombstone[0], result, today);
		}
		ChangeBatch batch = new ChangeBatch(result.objects(), List.copyOf(ended), next.toString(), false, today);
		AdReport report = report("changes", accounts.size() + tombstones.size(), result,
				(int) ended.stream().filter(e -> e.type() == ObjectType.IT_USER).count());
		timings(started, readAt, lookedUpAt);
		return new AdChanges(batch, report);
	}

	@Override
	public void close() {
		this.directory = null;
	}

	private Directory directory() {
		if (this.directory == null) {
			this.directory = new Directory(this.config);
		}
		return this.directory;
	}

	private Directory.EntryMapper<Account> accountMapper(AccountParser parser, List<String> problems) {
		return (dn, attributes) -> {
			try {
				return parser.parse(dn, attributes);
			}
			catch (AccountParser.BadAccountException ex) {
				problems.add(ex.getMessage());
				return null;
			}
		};
	}

	/** The tombstones changed since the token: {id, uSNChanged} each. */
	private List<String[]> tombstones(Directory.Session session, ChangeToken since, AccountParser parser,
			List<String> problems) {
		try {
			return session.search(this.config.deletedObjectsDn(),
					"(&(isDeleted=TRUE)" + since.filter(this.config) + ")",
					new String[] { "objectGUID", "sAMAccountName", "uSNChanged" }, true, (dn, attributes) -> {
						try {
							return new String[] { parser.id("deleted account " + dn, attributes),
									attributes.string("uSNChanged") };
						}
						catch (AccountParser.BadAccountException ex) {
							problems.add(ex.getMessage());
							return null;
						}
					});
		}
		catch (NameNotFoundException ex) {
			log.warn("{}: no deleted-objects container '{}'; deleted accounts end at the next full snapshot", name(),
					this.config.deletedObjectsDn());
			return List.of();
		}
	}

	/**
	 * Every account with one of the CPR numbers, to choose each person's primary again.
	 */
	private List<Account> samePersons(Directory.Session session, Set<String> cprs, AccountParser parser,
			List<String> problems) {
		List<Account> found = new ArrayList<>();
		List<String> all = new ArrayList<>(cprs);
		for (int i = 0; i < all.size(); i += CPRS_PER_SEARCH) {
			StringBuilder any = new StringBuilder("(|");
			for (String cpr : all.subList(i, Math.min(all.size(), i + CPRS_PER_SEARCH))) {
				Set<String> forms = new LinkedHashSet<>(List.of(cpr, cpr.substring(0, 6) + "-" + cpr.substring(6),
						cpr.substring(0, 6) + this.config.cprSeparator() + cpr.substring(6)));
				for (String form : forms) {
					any.append('(')
						.append(this.config.cprAttribute())
						.append('=')
						.append(LdapEncoder.filterEncode(form))
						.append(')');
				}
			}
			String filter = "(&" + this.config.filter() + any.append(')') + ")";
			for (String base : this.config.baseDns()) {
				found.addAll(inBase(base, () -> session.search(base, filter, parser.attributes(), false,
						accountMapper(parser, problems))));
			}
		}
		return found;
	}

	private ChangeToken currentToken(Directory.Session session) {
		ChangeToken token = ChangeToken.start(this.config.changeTracking());
		String attribute = this.config.trackingAttribute();
		for (String base : this.config.baseDns()) {
			for (String value : inBase(base, () -> session.search(base, this.config.filter(),
					new String[] { attribute }, false, (dn, attributes) -> attributes.string(attribute)))) {
				token = token.max(value);
			}
		}
		return token;
	}

	private static void end(Set<ChangeBatch.EndedObject> ended, String accountId, AccountMatcher.Result result,
			LocalDate today) {
		if (!result.itUserIds().contains(accountId)) {
			ended.add(new ChangeBatch.EndedObject(ObjectType.IT_USER, accountId, today));
		}
		for (String addressId : AccountMatcher.addressIds(accountId)) {
			if (!result.addressIds().contains(addressId)) {
				ended.add(new ChangeBatch.EndedObject(ObjectType.ADDRESS, addressId, today));
			}
		}
	}

	/**
	 * The accounts by id: an entry found twice (overlapping base DNs) counts once; two
	 * entries with one id are a problem.
	 */
	private static List<Account> distinct(List<Account> accounts, List<String> problems) {
		Map<String, Account> byId = new LinkedHashMap<>();
		for (Account account : accounts) {
			Account before = byId.putIfAbsent(account.id(), account);
			if (before != null && !before.dn().equalsIgnoreCase(account.dn())) {
				problems.add(
						"accounts " + before.label() + " and " + account.label() + " have the same id " + account.id());
			}
		}
		return new ArrayList<>(byId.values());
	}

	private void failOn(List<String> problems) {
		if (problems.isEmpty()) {
			return;
		}
		List<String> distinct = new ArrayList<>(new LinkedHashSet<>(problems));
		String listed = String.join("; ", distinct.subList(0, Math.min(20, distinct.size())));
		String more = (distinct.size() > 20) ? "; and " + (distinct.size() - 20) + " more" : "";
		throw new AdapterException(name() + ": " + distinct.size() + " account(s) in the directory at "
				+ this.config.url() + " have bad data, so nothing was imported: " + listed + more, false);
	}

	/** The person UUIDs named by accounts without a CPR number. */
	private static Set<UUID> personUuids(List<Account> accounts) {
		Set<UUID> persons = new HashSet<>();
		for (Account account : accounts) {
			if (account.cpr() == null && account.personUuid() != null) {
				persons.add(account.personUuid());
			}
		}
		return persons;
	}

	private static Set<String> cprs(List<Account> accounts) {
		Set<String> cprs = new HashSet<>();
		for (Account account : accounts) {
			if (account.cpr() != null) {
				cprs.add(account.cpr());
			}
		}
		return cprs;
	}

	private AdReport report(String run, int read, AccountMatcher.Result result, int ended) {
		int itUsers = 0;
		int addresses = 0;
		for (var object : result.objects()) {
			if (object.type() == ObjectType.IT_USER) {
				itUsers++;
			}
			else {
				addresses++;
			}
		}
		AdReport report = new AdReport(name(), run, read, itUsers, result.disabled(), addresses, ended,
				result.unmatched(), result.conflicts(), result.warnings());
		log(report);
		this.lastReport = report;
		return report;
	}

	private void log(AdReport report) {
		log.info(
				"{}: {} read {} accounts: {} IT users, {} addresses, {} disabled, {} ended; {} without a person, "
						+ "{} persons with conflicting accounts, {} values left out",
				report.source(), report.run(), report.accountsRead(), report.itUsers(), report.addresses(),
				report.disabled(), report.ended(), report.unmatched().size(), report.conflicts().size(),
				report.warnings().size());
		int withCpr = 0;
		int withoutCpr = 0;
		for (AdReport.UnmatchedAccount account : report.unmatched()) {
			if (account.reason() == AdReport.Reason.NO_CPR || account.reason() == AdReport.Reason.UNKNOWN_PERSON) {
				if (withoutCpr++ < LOGGED_PER_KIND) {
					log.info("{}: account '{}' ({}) has no CPR number and is given to no person{}", report.source(),
							account.accountName(), account.dn(), (account.reason() == AdReport.Reason.UNKNOWN_PERSON)
									? ": the person it names is no person without a CPR number" : "");
				}
			}
			else if (withCpr++ < LOGGED_PER_KIND) {
				log.warn("{}: account '{}' ({}) with CPR {} is given to no person: {}", report.source(),
						account.accountName(), account.dn(), account.maskedCpr(),
						(account.reason() == AdReport.Reason.UNKNOWN_CPR) ? "no person has the number"
								: "several persons have the number");
			}
		}
		int conflicts = 0;
		for (AdReport.PersonConflict conflict : report.conflicts()) {
			if (conflicts++ < LOGGED_PER_KIND) {
				log.warn("{}: person {} (CPR {}) has accounts {} that differ in {}; '{}' is primary", report.source(),
						conflict.person(), conflict.maskedCpr(), conflict.accounts(), conflict.fields(),
						conflict.primary());
			}
		}
		int warnings = 0;
		for (AdReport.AccountWarning warning : report.warnings()) {
			if (warnings++ < LOGGED_PER_KIND) {
				log.warn("{}: account '{}' ({}): {}", report.source(), warning.accountName(), warning.dn(),
						warning.message());
			}
		}
		int shown = Math.min(withCpr, LOGGED_PER_KIND) + Math.min(withoutCpr, LOGGED_PER_KIND)
				+ Math.min(conflicts, LOGGED_PER_KIND) + Math.min(warnings, LOGGED_PER_KIND);
		int all = report.unmatched().size() + report.conflicts().size() + report.warnings().size();
		if (all > shown) {
			log.warn("{}: {} more findings are in the run's report, not in the log", report.source(), all - shown);
		}
	}

	private void timings(long started, long readAt, long lookedUpAt) {
		long now = System.nanoTime();
		log.info("{}: directory {} ms, person lookup {} ms, matching {} ms", name(), (readAt - started) / 1_000_000,
				(lookedUpAt - readAt) / 1_000_000, (now - lookedUpAt) / 1_000_000);
	}

	/** A search under one base DN; a base DN the directory lacks is named. */
	private <T> List<T> inBase(String base, java.util.function.Supplier<List<T>> search) {
		try {
			return search.get();
		}
		catch (NameNotFoundException ex) {
			throw new AdapterException(name() + ": base DN '" + base + "' (" + AdConfiguration.PREFIX
					+ ".base-dns) does not exist in the directory at " + this.config.url(), false, ex);
		}
	}

	private <T> T network(String doing, java.util.function.Supplier<T> work) {
		try {
			return work.get();
		}
		catch (AdapterException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw DirectoryErrors.translate(this.config, doing, ex);
		}
	}

}
