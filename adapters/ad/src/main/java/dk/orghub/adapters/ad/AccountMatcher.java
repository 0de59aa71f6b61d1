package dk.orghub.adapters.ad;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.AddressScope;
import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.SharedAddress;
import dk.orghub.core.spi.SourceContext;

/**
 * Gives accounts to persons by CPR number and turns them into desired objects: an IT user
 * per account of a person, and the person's e-mail, phone (and title) from the person's
 * primary account. Plain Java; what it cannot place it reports.
 * <p>
 * UUIDs: of an IT user, the one the hub already bound to the external id, else a
 * name-based one from the source's name and the directory's own id (never from a CPR
 * number); of an address, the person's {@link SharedAddress} of its type, which other
 * sources (payroll) deliver too.
 */
final class AccountMatcher {

	/**
	 * The kinds of person address the directory can own, with their external id suffix.
	 */
	enum Field {

		EMAIL("email", AddressScope.EMAIL), PHONE("phone", AddressScope.PHONE), TITLE("title", AddressScope.TEXT);

		private final String key;

		private final AddressScope scope;

		Field(String key, AddressScope scope) {
			this.key = key;
			this.scope = scope;
		}

		String key() {
			return this.key;
		}

	}

	private final AdConfiguration config;

	private final SourceContext context;

	private final LocalDate today;

	private final UUID itSystem;

	private final UUID visibility;

	private final Map<Field, UUID> addressTypes = new LinkedHashMap<>();

	private final Pattern secondary;

	AccountMatcher(AdConfiguration config, SourceContext context, LocalDate today) {
		this.config = config;
		this.context = context;
		this.today = today;
		this.itSystem = DefaultClasses.classUuid(DefaultClasses.IT_SYSTEM, config.itSystem());
		this.visibility = DefaultClasses.classUuid(DefaultClasses.VISIBILITY, config.addressVisibility());
		if (config.email()) {
			this.addressTypes.put(Field.EMAIL, DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, "EMAIL"));
		}
		if (config.phone()) {
			this.addressTypes.put(Field.PHONE, DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, "PHONE"));
		}
		if (config.title()) {
			this.addressTypes.put(Field.TITLE,
					DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, config.titleAddressType()));
		}
		this.secondary = (config.secondaryAccountPattern() != null) ? Pattern.compile(config.secondaryAccountPattern())
				: null;
	}

	/** The external ids of the addresses an account may give (one per field). */
	static List<String> addressIds(String accountId) {
		List<String> ids = new ArrayList<>();
		for (Field field : Field.values()) {
			ids.add(addressId(accountId, field));
		}
		return ids;
	}

	static String addressId(String accountId, Field field) {
		return accountId + "/" + field.key();
	}

	/** What matching gave. */
	record Result(List<DesiredObject<?>> objects, Set<String> itUserIds, Set<String> addressIds,
			List<AdReport.UnmatchedAccount> unmatched, List<AdReport.PersonConflict> conflicts,
			List<AdReport.AccountWarning> warnings, int disabled) {

	}

	/** Matches accounts to persons by CPR number only. */
	Result match(List<Account> accounts, Map<String, List<UUID>> personsByCpr) {
		return match(accounts, personsByCpr, Set.of());
	}

	/**
	 * Matches accounts to persons: by CPR number, and an account without one by the
	 * person UUID it names when that person has no CPR number either.
	 * @param personsByCpr the persons valid today by CPR number
	 * @param personsWithoutCpr the persons valid today without a CPR number that accounts
	 * name
	 */
	Result match(List<Account> accounts, Map<String, List<UUID>> personsByCpr, Set<UUID> personsWithoutCpr) {
		List<DesiredObject<?>> objects = new ArrayList<>();
		Set<String> itUserIds = new HashSet<>();
		Set<String> addressIds = new HashSet<>();
		List<AdReport.UnmatchedAccount> unmatched = new ArrayList<>();
		List<AdReport.PersonConflict> conflicts = new ArrayList<>();
		List<AdReport.AccountWarning> warnings = new ArrayList<>();
		Map<UUID, List<Account>> byPerson = new LinkedHashMap<>();
		int disabled = 0;
		for (Account account : accounts) {
			if (!account.enabled()) {
				disabled++;
			}
			if (account.cpr() == null) {
				if (account.personUuid() == null) {
					unmatched.add(unmatched(account, AdReport.Reason.NO_CPR));
				}
				else if (personsWithoutCpr.contains(account.personUuid())) {
					byPerson.computeIfAbsent(account.personUuid(), p -> new ArrayList<>()).add(account);
				}
				else {
					unmatched.add(unmatched(account, AdReport.Reason.UNKNOWN_PERSON));
				}
				continue;
			}
			List<UUID> persons = personsByCpr.getOrDefault(account.cpr(), List.of());
			if (persons.isEmpty()) {
				unmatched.add(unmatched(account, AdReport.Reason.UNKNOWN_CPR));
				continue;
			}
			if (persons.size() > 1) {
				unmatched.add(unmatched(account, AdReport.Reason.SEVERAL_PERSONS));
				continue;
			}
			byPerson.computeIfAbsent(persons.get(0), p -> new ArrayList<>()).add(account);
		}
		Validity from = Validity.from(this.today);
		for (Map.Entry<UUID, List<Account>> entry : byPerson.entrySet()) {
			UUID person = entry.getKey();
			for (Account account : entry.getValue()) {
				if (!account.enabled() && this.config.disabledAccounts() == AdConfiguration.DisabledAccounts.END) {
					continue;
				}
				UUID uuid = uuid(ObjectType.IT_USER, account.id(), "it-user");
				ItUser itUser = new ItUser(uuid, account.accountName(), person, this.itSystem, account.id(),
						account.enabled());
				objects.add(new DesiredObject<>(ObjectType.IT_USER, account.id(), Timeline.of(from, itUser)));
				itUserIds.add(account.id());
			}
			List<Account> enabled = entry.getValue().stream().filter(Account::enabled).sorted(primaryOrder()).toList();
			if (enabled.isEmpty()) {
				continue;
			}
			Account primary = enabled.get(0);
			if (enabled.size() > 1) {
				conflict(person, enabled, primary).ifPresent(conflicts::add);
			}
			for (Map.Entry<Field, UUID> type : this.addressTypes.entrySet()) {
				String value = value(primary, type.getKey());
				if (value == null) {
					continue;
				}
				var problem = type.getKey().scope.validate(value);
				if (problem.isPresent()) {
					warnings.add(new AdReport.AccountWarning(primary.dn(), primary.accountName(),
							type.getKey().key() + " left out: " + problem.get()));
					continue;
				}
				String externalId = addressId(primary.id(), type.getKey());
				Address address = new Address(SharedAddress.uuid(person, type.getValue()),
						primary.accountName() + "/" + type.getKey().key(), person, OwnerKind.PERSON, type.getValue(),
						value, this.visibility);
				objects.add(new DesiredObject<>(ObjectType.ADDRESS, externalId, Timeline.of(from, address)));
				addressIds.add(externalId);
			}
		}
		return new Result(objects, itUserIds, addressIds, unmatched, conflicts, warnings, disabled);
	}

	private Comparator<Account> primaryOrder() {
		Comparator<Account> secondaryLast = Comparator
			.comparing(a -> this.secondary != null && this.secondary.matcher(a.accountName()).find());
		Comparator<Account> order = (this.config.primaryAccount() == AdConfiguration.PrimaryAccount.OLDEST)
				? Comparator.comparing(Account::created, Comparator.nullsLast(Comparator.naturalOrder())) : (a, b) -> 0;
		return secondaryLast.thenComparing(order)
			.thenComparing(Account::accountName, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(Account::id);
	}

	private java.util.Optional<AdReport.PersonConflict> conflict(UUID person, List<Account> enabled, Account primary) {
		List<String> fields = new ArrayList<>();
		for (Field field : this.addressTypes.keySet()) {
			Set<String> values = new HashSet<>();
			enabled.forEach(a -> values.add(Objects.toString(value(a, field), "")));
			if (values.size() > 1) {
				fields.add(field.key());
			}
		}
		if (fields.isEmpty()) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new AdReport.PersonConflict(person, Cpr.mask(primary.cpr()),
				enabled.stream().map(Account::accountName).toList(), primary.accountName(), fields));
	}

	private static String value(Account account, Field field) {
		return switch (field) {
			case EMAIL -> account.mail();
			case PHONE -> account.phone();
			case TITLE -> account.title();
		};
	}

	private AdReport.UnmatchedAccount unmatched(Account account, AdReport.Reason reason) {
		return new AdReport.UnmatchedAccount(account.dn(), account.accountName(), account.id(), account.enabled(),
				reason, Cpr.mask(account.cpr()));
	}

	private UUID uuid(ObjectType type, String externalId, String kind) {
		return this.context.knownIdentity(type, externalId)
			.orElseGet(() -> UUID.nameUUIDFromBytes(
					("orghub:" + this.config.name() + ":" + kind + ":" + externalId).getBytes(StandardCharsets.UTF_8)));
	}

}
