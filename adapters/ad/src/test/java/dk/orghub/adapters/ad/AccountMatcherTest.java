package dk.orghub.adapters.ad;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.SourceContext;

import static org.assertj.core.api.Assertions.assertThat;

class AccountMatcherTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	private static final UUID ANNE = UUID.randomUUID();

	private static final UUID PER = UUID.randomUUID();

	private final AdConfiguration ad = AdConfiguration.of(AdConfiguration.Mode.AD, "ldap://dc01", "CN=x,DC=k", "secret",
			List.of("DC=k"));

	private final SourceContext context = new SourceContext() {

		@Override
		public Clock clock() {
			return Clock.systemUTC();
		}

		@Override
		public Optional<UUID> knownIdentity(ObjectType type, String externalId) {
			return Optional.empty();
		}

	};

	private final Account anne = account("g-anne", "annjen", "0105801234", "annjen@k.example", "+45 11 22 33 44", true,
			LocalDate.of(2015, 1, 1));

	private final Account anneAdmin = account("g-anne-adm", "adm-annjen", "0105801234", "adm-annjen@k.example",
			"+45 55 66 77 88", true, LocalDate.of(2014, 1, 1));

	private final Account per = account("g-per", "perhan", "0202701235", "perhan@k.example", "not a phone", true,
			LocalDate.of(2016, 1, 1));

	private final Account leaver = account("g-ole", "oleols", "0303601236", "oleols@k.example", null, false,
			LocalDate.of(2010, 1, 1));

	private final Map<String, List<UUID>> persons = Map.of("0105801234", List.of(ANNE), "0202701235", List.of(PER),
			"0303601236", List.of(UUID.randomUUID()), "0404501237", List.of(UUID.randomUUID(), UUID.randomUUID()));

	@Test
	void everyAccountOfAPersonIsAnItUserAndThePrimaryGivesTheAddresses() {
		AccountMatcher.Result result = matcher(this.ad.withPrimary(null, "^adm-", null))
			.match(List.of(this.anne, this.anneAdmin, this.per, this.leaver), this.persons);

		List<ItUser> itUsers = values(result, ItUser.class);
		assertThat(itUsers).extracting(ItUser::userKey).containsExactly("annjen", "adm-annjen", "perhan");
		assertThat(itUsers).allSatisfy(u -> {
			assertThat(u.itSystem()).isEqualTo(DefaultClasses.classUuid(DefaultClasses.IT_SYSTEM, "Active Directory"));
			assertThat(u.enabled()).isTrue();
		});
		assertThat(itUsers.get(0).person()).isEqualTo(ANNE);
		assertThat(itUsers.get(0).externalId()).isEqualTo("g-anne");
		assertThat(result.objects()).allSatisfy(o -> assertThat(o.timeline().segments()).singleElement()
			.satisfies(s -> assertThat(s.validity().from()).isEqualTo(TODAY)));

		List<Address> addresses = values(result, Address.class);
		assertThat(addresses).extracting(Address::value)
			.as("adm- accounts are secondary even though older; Per's phone is not a phone")
			.containsExactly("annjen@k.example", "+45 11 22 33 44", "perhan@k.example");
		assertThat(addresses).allSatisfy(a -> assertThat(a.ownerKind()).hasToString("PERSON"));
		assertThat(result.warnings()).singleElement()
			.satisfies(w -> assertThat(w.message()).startsWith("phone left out: 'not a phone' is not a phone number"));
		assertThat(result.conflicts()).singleElement().satisfies(c -> {
			assertThat(c.person()).isEqualTo(ANNE);
			assertThat(c.primary()).isEqualTo("annjen");
			assertThat(c.fields()).containsExactly("email", "phone");
			assertThat(c.maskedCpr()).isEqualTo("010580-xxxx");
		});
		assertThat(result.disabled()).isEqualTo(1);
	}

	@Test
	void withoutASecondaryPatternTheOldestAccountIsPrimary() {
		AccountMatcher.Result result = matcher(this.ad).match(List.of(this.anne, this.anneAdmin), this.persons);
		assertThat(values(result, Address.class)).extracting(Address::value)
			.containsExactly("adm-annjen@k.example", "+45 55 66 77 88");
		AccountMatcher.Result byName = matcher(
				this.ad.withPrimary(AdConfiguration.PrimaryAccount.ACCOUNT_NAME, null, null))
			.match(List.of(this.anne, this.anneAdmin), this.persons);
		assertThat(byName.addressIds()).containsExactlyInAnyOrder("g-anne-adm/email", "g-anne-adm/phone");
	}

	@Test
	void disabledAccountsEndOrStayAsConfigured() {
		assertThat(matcher(this.ad).match(List.of(this.leaver), this.persons).objects()).isEmpty();
		AccountMatcher.Result kept = matcher(this.ad.withPrimary(null, null, AdConfiguration.DisabledAccounts.KEEP))
			.match(List.of(this.leaver), this.persons);
		assertThat(values(kept, ItUser.class)).singleElement().satisfies(u -> assertThat(u.enabled()).isFalse());
		assertThat(values(kept, Address.class)).as("a disabled account gives no addresses").isEmpty();
	}

	@Test
	void accountsWithoutAPersonAreReportedWithTheReason() {
		Account service = account("g-svc", "svc-print", null, null, null, true, null);
		Account external = account("g-ext", "konnum1", "0909901238", null, null, true, null);
		Account shared = account("g-two", "twoppl", "0404501237", null, null, true, null);
		AccountMatcher.Result result = matcher(this.ad).match(List.of(service, external, shared), this.persons);
		assertThat(result.objects()).isEmpty();
		assertThat(result.unmatched())
			.extracting(AdReport.UnmatchedAccount::accountName, AdReport.UnmatchedAccount::reason,
					AdReport.UnmatchedAccount::maskedCpr)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("svc-print", AdReport.Reason.NO_CPR, null),
					org.assertj.core.groups.Tuple.tuple("konnum1", AdReport.Reason.UNKNOWN_CPR, "090990-xxxx"),
					org.assertj.core.groups.Tuple.tuple("twoppl", AdReport.Reason.SEVERAL_PERSONS, "040450-xxxx"));
	}

	@Test
	void uuidsAreStableAndNotFromTheCpr() {
		AccountMatcher.Result first = matcher(this.ad).match(List.of(this.anne), this.persons);
		AccountMatcher.Result again = matcher(this.ad).match(List.of(this.anne), this.persons);
		assertThat(first.objects()).extracting(DesiredObject::uuid)
			.containsExactlyElementsOf(again.objects().stream().map(DesiredObject::uuid).toList())
			.doesNotContain(UUID.nameUUIDFromBytes("0105801234".getBytes()));
	}

	private AccountMatcher matcher(AdConfiguration config) {
		return new AccountMatcher(config, this.context, TODAY);
	}

	private static <T> List<T> values(AccountMatcher.Result result, Class<T> type) {
		return result.objects()
			.stream()
			.map(o -> o.timeline().segments().get(0).value())
			.filter(type::isInstance)
			.map(type::cast)
			.toList();
	}

	private static Account account(String id, String name, String cpr, String mail, String phone, boolean enabled,
			LocalDate created) {
		return new Account("CN=" + name + ",DC=k", id, name, cpr, mail, phone, null, enabled, created, "1", null);
	}

}
