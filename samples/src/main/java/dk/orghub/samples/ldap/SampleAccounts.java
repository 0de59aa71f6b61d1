package dk.orghub.samples.ldap;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.samples.municipality.Municipality;

/**
 * The directory accounts of a generated {@link Municipality}: the same municipality
 * always gives the same accounts (same GUIDs, names and order).
 * <ul>
 * <li>every person with an engagement on the reference date has an enabled account in
 * {@link #EMPLOYEES}, with e-mail, phone, the title of the primary engagement and the CPR
 * number;</li>
 * <li>about one employee in 150 has a second account ({@code adm-...}) with another
 * e-mail and phone, created later;</li>
 * <li>a person whose engagements all ended has a disabled account ({@code LEAVER});</li>
 * <li>persons whose first engagement starts after the reference date have none yet;</li>
 * <li>{@link #EXTERNALS} holds consultants with a valid CPR number that is no person of
 * the municipality and two service accounts without a CPR number;</li>
 * <li>{@link #SERVICES} holds more service accounts (outside the usual base DNs).</li>
 * </ul>
 * Account names follow the usual pattern: three letters of the given name and three of
 * the surname, with æ→ae, ø→oe, å→aa, and a number when taken.
 */
public final class SampleAccounts {

	/** The mail domain of the sample municipality (fictitious). */
	public static final String DOMAIN = "samplekommune.example";

	/** The OU of the employees' accounts. */
	public static final String EMPLOYEES = "Medarbejdere";

	/** The OU of consultants and a few service accounts. */
	public static final String EXTERNALS = "Eksterne";

	/** The OU of most service accounts. */
	public static final String SERVICES = "Servicekonti";

	private static final LocalDate EARLIEST_ACCOUNT = LocalDate.of(2003, 1, 1);

	private final Municipality municipality;

	private final List<SampleAccount> accounts;

	private SampleAccounts(Municipality municipality, List<SampleAccount> accounts) {
		this.municipality = municipality;
		this.accounts = List.copyOf(accounts);
	}

	/** The accounts of a municipality. */
	public static SampleAccounts of(Municipality municipality) {
		Objects.requireNonNull(municipality, "municipality");
		return new SampleAccounts(municipality, new Builder(municipality).build());
	}

	public Municipality municipality() {
		return this.municipality;
	}

	/** All accounts, employees first, in a stable order. */
	public List<SampleAccount> all() {
		return this.accounts;
	}

	public List<SampleAccount> of(SampleAccount.Kind kind) {
		return this.accounts.stream().filter(a -> a.kind() == kind).toList();
	}

	public List<SampleAccount> in(String ou) {
		return this.accounts.stream().filter(a -> a.ou().equals(ou)).toList();
	}

	public List<SampleAccount> ofPerson(UUID person) {
		return this.accounts.stream().filter(a -> person.equals(a.person())).toList();
	}

	public SampleAccount named(String accountName) {
		return this.accounts.stream()
			.filter(a -> a.accountName().equals(accountName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no account " + accountName));
	}

	private static final class Builder {

		private final Municipality municipality;

		private final Random random;

		private final Set<String> names = new HashSet<>();

		private final Map<UUID, String> titles = new HashMap<>();

		private final List<SampleAccount> result = new ArrayList<>();

		Builder(Municipality municipality) {
			this.municipality = municipality;
			this.random = new Random(municipality.seed() * 7919L + 0xAD);
			for (Klasse klasse : DefaultClasses.classes()) {
				this.titles.put(klasse.uuid(), klasse.userKey());
			}
		}

		List<SampleAccount> build() {
			LocalDate today = this.municipality.referenceDate();
			Map<UUID, List<Engagement>> engagements = new LinkedHashMap<>();
			Map<UUID, LocalDate> firstStart = new HashMap<>();
			Map<UUID, LocalDate> lastEnd = new HashMap<>();
			for (Timeline<Engagement> timeline : this.municipality.engagements().values()) {
				Engagement first = timeline.segments().get(0).value();
				timeline.at(today)
					.ifPresent(e -> engagements.computeIfAbsent(e.person(), p -> new ArrayList<>()).add(e));
				for (Segment<Engagement> segment : timeline.segments()) {
					firstStart.merge(first.person(), segment.validity().from(), (a, b) -> a.isBefore(b) ? a : b);
					lastEnd.merge(first.person(), segment.validity().toOrEnd(), (a, b) -> a.isAfter(b) ? a : b);
				}
			}
			List<SampleAccount> seconds = new ArrayList<>();
			for (Timeline<Person> timeline : this.municipality.persons().values()) {
				Person person = timeline.segments().get(0).value();
				LocalDate start = firstStart.get(person.uuid());
				if (start == null || start.isAfter(today)) {
					continue;
				}
				LocalDate created = start.isBefore(EARLIEST_ACCOUNT) ? EARLIEST_ACCOUNT : start;
				List<Engagement> current = engagements.get(person.uuid());
				String name = accountName(person.givenName(), person.surname());
				if (current == null) {
					if (lastEnd.get(person.uuid()).isAfter(today)) {
						continue;
					}
					this.result.add(new SampleAccount(guid(), name, EMPLOYEES, SampleAccount.Kind.LEAVER,
							person.givenName(), person.surname(), name + "@" + DOMAIN, phone(), null, false,
							person.cpr(), person.uuid(), created));
					continue;
				}
				Engagement main = current.stream().filter(Engagement::primary).findFirst().orElse(current.get(0));
				this.result.add(new SampleAccount(guid(), name, EMPLOYEES, SampleAccount.Kind.EMPLOYEE,
						person.givenName(), person.surname(), name + "@" + DOMAIN, phone(),
						this.titles.get(main.jobFunction()), true, person.cpr(), person.uuid(), created));
				if (this.random.nextInt(150) == 0) {
					String admin = unique("adm-" + name);
					LocalDate later = created.plusDays(30 + this.random.nextInt(300));
					seconds.add(new SampleAccount(guid(), admin, EMPLOYEES, SampleAccount.Kind.SECOND,
							person.givenName(), person.surname(), admin + "@" + DOMAIN, phone(), "IT-administrator",
							true, person.cpr(), person.uuid(), later.isAfter(today) ? today : later));
				}
			}
			this.result.addAll(seconds);
			externals();
			services();
			return this.result;
		}

		private void externals() {
			Set<String> taken = new HashSet<>();
			this.municipality.persons().values().forEach(t -> taken.add(t.segments().get(0).value().cpr()));
			int count = Math.max(3, this.municipality.employees() / 200);
			for (int i = 0; i < count; i++) {
				String cpr;
				do {
					cpr = cpr();
				}
				while (!taken.add(cpr));
				String given = (i % 2 == 0) ? "Konsulent" : "Ekstern";
				String surname = "Nummer" + (i + 1);
				String name = accountName(given, surname);
				this.result.add(new SampleAccount(guid(), name, EXTERNALS, SampleAccount.Kind.EXTERNAL, given, surname,
						name + "@" + DOMAIN, phone(), "Konsulent", true, cpr, null,
						LocalDate.of(2024, 1, 1 + (i % 28))));
			}
			for (String service : List.of("svc-print", "svc-backup")) {
				this.result.add(new SampleAccount(guid(), unique(service), EXTERNALS, SampleAccount.Kind.SERVICE, null,
						service, null, null, null, true, null, null, LocalDate.of(2010, 5, 1)));
			}
		}

		private void services() {
			int count = Math.max(3, this.municipality.employees() / 500);
			for (int i = 0; i < count; i++) {
				String name = unique("svc-app" + (i + 1));
				this.result.add(new SampleAccount(guid(), name, SERVICES, SampleAccount.Kind.SERVICE, null, name, null,
						null, null, true, null, null, LocalDate.of(2012, 1, 1).plusDays(i)));
			}
		}

		private String accountName(String given, String surname) {
			String base = letters(given, 3) + letters(surname, 3);
			return unique(base.isEmpty() ? "user" : base);
		}

		private String unique(String base) {
			String candidate = base;
			for (int n = 2; !this.names.add(candidate.toLowerCase(Locale.ROOT)); n++) {
				candidate = base + n;
			}
			return candidate;
		}

		private UUID guid() {
			long high = (this.random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
			long low = (this.random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
			return new UUID(high, low);
		}

		private String phone() {
			int first = 20 + this.random.nextInt(80);
			return String.format(Locale.ROOT, "+45 %02d %02d %02d %02d", first, this.random.nextInt(100),
					this.random.nextInt(100), this.random.nextInt(100));
		}

		/** A valid CPR number of a date in 1960-1999, passing modulus 11. */
		private String cpr() {
			while (true) {
				LocalDate birth = LocalDate.of(1960 + this.random.nextInt(40), 1, 1).plusDays(this.random.nextInt(365));
				String date = String.format(Locale.ROOT, "%02d%02d%02d", birth.getDayOfMonth(), birth.getMonthValue(),
						birth.getYear() % 100);
				String candidate = date + String.format(Locale.ROOT, "%04d", this.random.nextInt(4000));
				Cpr.Check check = Cpr.check(candidate);
				if (check.valid() && check.modulus11() && birth.equals(check.birthDate())) {
					return candidate;
				}
			}
		}

		private static String letters(String name, int count) {
			if (name == null) {
				return "";
			}
			String lower = name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
			String ascii = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("[^a-z]", "");
			return ascii.substring(0, Math.min(count, ascii.length()));
		}

	}

}
