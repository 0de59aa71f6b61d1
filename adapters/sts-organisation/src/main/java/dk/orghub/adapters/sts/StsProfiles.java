package dk.orghub.adapters.sts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.adapters.sts.StsObject.Rel;

/**
 * The consumer profiles KY, KSD and SAPA: named sets of checks of what each of those
 * systems reads in STS Organisation (FORMATS.md), run on the objects the hub publishes.
 * Plain Java. A profile never blocks a publish: it reports each object that falls short
 * and why.
 * <ul>
 * <li>KY (Kommunernes Ydelsessystem): every payout unit has a LOS address; every unit has
 * KLE on Opgaver, a phone number, a location and opening hours.</li>
 * <li>KSD (Kommunernes Sygedagpengesystem): every payout unit has a LOS address, a postal
 * address and a return address.</li>
 * <li>SAPA: every Bruger has a Person with a name and at least one Enhedsrolle; every
 * unit has contact data (e-mail, phone, location or a contact place).</li>
 * </ul>
 */
public final class StsProfiles {

	/** The profile names. */
	public static final List<String> NAMES = List.of("KY", "KSD", "SAPA");

	/** What a profile misses on an object. */
	public enum Problem {

		PAYOUT_UNIT_WITHOUT_LOS("payout unit without a LOS address"), NO_KLE("no KLE on Opgaver"), NO_PHONE("no phone"),
		NO_LOCATION("no location"), NO_OPENING_HOURS("no opening hours"), NO_POSTAL("no postal address"),
		NO_RETURN_ADDRESS("no return address"), NO_PERSON_NAME("no person with a name"),
		NO_ENHEDSROLLE("no Enhedsrolle"), NO_CONTACT_DATA("no contact data (e-mail, phone, location or contact place)");

		private final String text;

		Problem(String text) {
			this.text = text;
		}

		public String text() {
			return this.text;
		}

	}

	/**
	 * One object that falls short of a profile, and why.
	 *
	 * @param name the object's name in STS ({@code null} when it has none)
	 * @param person the hub person of a Bruger ({@code null} for other kinds)
	 * @param problem what it misses, in English
	 * @param problems the same, one code each
	 */
	public record Finding(StsKind kind, UUID uuid, String userKey, String name, UUID person, String problem,
			List<Problem> problems) {

		public Finding {
			problems = List.copyOf(problems);
		}

		public Finding(StsKind kind, UUID uuid, String userKey, String problem) {
			this(kind, uuid, userKey, null, null, problem, List.of());
		}

	}

	/**
	 * A profile's result: ready when nothing falls short.
	 *
	 * @param checked how many objects the profile looked at
	 */
	public record ProfileReport(String name, String description, boolean ready, int checked, List<Finding> findings) {

		public ProfileReport {
			findings = List.copyOf(findings);
		}

	}

	private final StsSettings settings;

	public StsProfiles(StsSettings settings) {
		this.settings = settings;
	}

	/** Every profile, checked on the mapped objects (ended ones are left out). */
	public List<ProfileReport> check(Map<Key, StsObject> mapped) {
		return check(mapped, null);
	}

	/**
	 * As {@link #check(Map)}, leaving out objects ended by {@code today} when it is
	 * given.
	 */
	public List<ProfileReport> check(Map<Key, StsObject> mapped, LocalDate today) {
		View view = new View(mapped, today);
		return List.of(ky(view), ksd(view), sapa(view));
	}

	private final class View {

		final List<StsObject> units = new ArrayList<>();

		final List<StsObject> users = new ArrayList<>();

		final Map<UUID, StsObject> persons = new HashMap<>();

		final Set<UUID> payoutUnits = new HashSet<>();

		final Set<UUID> usersWithRole = new HashSet<>();

		View(Map<Key, StsObject> mapped, LocalDate today) {
			StsClassification classes = StsProfiles.this.settings.classes();
			for (StsObject o : mapped.values()) {
				if (today != null && StsPublisher.endedBy(o, today)) {
					continue;
				}
				switch (o.kind()) {
					case ENHED -> this.units.add(o);
					case BRUGER -> this.users.add(o);
					case PERSON -> this.persons.put(o.uuid(), o);
					case FUNKTION -> {
						UUID type = target(o, "Funktionstype");
						if (classes.udbetalendeEnhed().equals(type)) {
							UUID unit = target(o, "TilknyttedeEnheder");
							if (unit != null) {
								this.payoutUnits.add(unit);
							}
						}
						else if (classes.enhedsrolle().equals(type)) {
							o.relations()
								.stream()
								.filter(r -> r.name().equals("TilknyttedeBrugere"))
								.forEach(r -> this.usersWithRole.add(r.target()));
						}
					}
					default -> {
					}
				}
			}
		}

	}

	private static UUID target(StsObject o, String relation) {
		return o.relations().stream().filter(r -> r.name().equals(relation)).map(Rel::target).findFirst().orElse(null);
	}

	private boolean hasRole(StsObject unit, String addressType) {
		UUID role = this.settings.classes().unitAddressRoles().get(addressType);
		return role != null
				&& unit.relations().stream().anyMatch(r -> r.name().equals("Adresser") && role.equals(r.role()));
	}

	private static boolean has(StsObject o, String relation) {
		return o.relations().stream().anyMatch(r -> r.name().equals(relation));
	}

	private static Finding finding(StsObject o, List<Problem> missing) {
		String name = o.properties()
			.stream()
			.map(StsObject.Props::name)
			.filter(n -> n != null)
			.findFirst()
			.orElse(null);
		UUID person = (o.kind() == StsKind.BRUGER) ? target(o, "TilknyttedePersoner") : null;
		return new Finding(o.kind(), o.uuid(), o.userKey(), name, person,
				String.join("; ", missing.stream().map(Problem::text).toList()), missing);
	}

	private ProfileReport ky(View view) {
		List<Finding> findings = new ArrayList<>();
		for (StsObject unit : view.units) {
			List<Problem> missing = new ArrayList<>();
			if (view.payoutUnits.contains(unit.uuid()) && !hasRole(unit, "LOS_SHORT_NAME")) {
				missing.add(Problem.PAYOUT_UNIT_WITHOUT_LOS);
			}
			if (!has(unit, "Opgaver")) {
				missing.add(Problem.NO_KLE);
			}
			if (!hasRole(unit, "PHONE")) {
				missing.add(Problem.NO_PHONE);
			}
			if (!hasRole(unit, "LOCATION")) {
				missing.add(Problem.NO_LOCATION);
			}
			if (!hasRole(unit, "OPENING_HOURS")) {
				missing.add(Problem.NO_OPENING_HOURS);
			}
			if (!missing.isEmpty()) {
				findings.add(finding(unit, missing));
			}
		}
		return report("KY", "Kommunernes Ydelsessystem: payout units with a LOS address; KLE, phone, "
				+ "location and opening hours on units", view.units.size(), findings);
	}

	private ProfileReport ksd(View view) {
		List<Finding> findings = new ArrayList<>();
		int checked = 0;
		for (StsObject unit : view.units) {
			if (!view.payoutUnits.contains(unit.uuid())) {
				continue;
			}
			checked++;
			List<Problem> missing = new ArrayList<>();
			if (!hasRole(unit, "LOS_SHORT_NAME")) {
				missing.add(Problem.PAYOUT_UNIT_WITHOUT_LOS);
			}
			if (!hasRole(unit, "POSTAL")) {
				missing.add(Problem.NO_POSTAL);
			}
			if (!hasRole(unit, "RETURN_ADDRESS")) {
				missing.add(Problem.NO_RETURN_ADDRESS);
			}
			if (!missing.isEmpty()) {
				findings.add(finding(unit, missing));
			}
		}
		return report("KSD",
				"Kommunernes Sygedagpengesystem: payout units with a LOS address, a postal and a return address",
				checked, findings);
	}

	private ProfileReport sapa(View view) {
		List<Finding> findings = new ArrayList<>();
		for (StsObject user : view.users) {
			List<Problem> missing = new ArrayList<>();
			UUID person = target(user, "TilknyttedePersoner");
			StsObject p = (person != null) ? view.persons.get(person) : null;
			boolean named = p != null && p.properties().stream().anyMatch(x -> x.name() != null && !x.name().isBlank());
			if (!named) {
				missing.add(Problem.NO_PERSON_NAME);
			}
			if (!view.usersWithRole.contains(user.uuid())) {
				missing.add(Problem.NO_ENHEDSROLLE);
			}
			if (!missing.isEmpty()) {
				findings.add(finding(user, missing));
			}
		}
		for (StsObject unit : view.units) {
			if (!hasRole(unit, "EMAIL") && !hasRole(unit, "PHONE") && !hasRole(unit, "LOCATION")
					&& !hasRole(unit, "CONTACT_PLACE")) {
				findings.add(finding(unit, List.of(Problem.NO_CONTACT_DATA)));
			}
		}
		return report("SAPA", "SAPA: every user with a person name and an Enhedsrolle; contact data on units",
				view.users.size() + view.units.size(), findings);
	}

	private static ProfileReport report(String name, String description, int checked, List<Finding> findings) {
		return new ProfileReport(name, description, findings.isEmpty(), checked, findings);
	}

}
