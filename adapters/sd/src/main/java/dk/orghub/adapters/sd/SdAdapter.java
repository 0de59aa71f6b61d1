package dk.orghub.adapters.sd;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.ChangeBatch;
import dk.orghub.core.spi.ChangeFeedSource;
import dk.orghub.core.spi.ConnectionTestable;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.spi.SourceRules;

/**
 * SD-Løn as a source.
 * <ul>
 * <li>{@link #snapshot}: the whole unit tree (GetOrganization, GetDepartment, and
 * GetDepartmentParent for a unit GetOrganization lacks), every person (GetPerson) and
 * every employment's whole timeline (GetEmploymentChanged from 01.01.0001 to 31.12.9999);
 * {@code effectiveFrom} is {@code null} because SD gives the history. The token is the
 * date read, so the change feed resumes from it.</li>
 * <li>{@link #changesSince}: the token is the last date fetched (ISO {@code yyyy-mm-dd});
 * persons and employments changed from that date to today (GetPersonChangedAtDate,
 * GetEmploymentChangedAtDate with changes dated ahead) are read again in full (GetPerson
 * and GetEmploymentChanged per person), and the unit tree is delivered whole every run,
 * because SD has no change feed for departments (the hub writes only what differs).</li>
 * </ul>
 * A record the model cannot take is rejected and reported ({@link #lastRead()}); what
 * depends on it (an employment in a rejected department) is rejected too. A snapshot with
 * rejected records of a type is not complete for that type, so nothing of it is ended. An
 * unreachable or slow service, a refused login or a malformed answer is an
 * {@link AdapterException}, and nothing is changed.
 * <p>
 * The unit tree is SD's tree today; a unit that is not valid today is placed in the tree
 * of its last (or, for a future unit, its first) day.
 */
public final class SdAdapter implements SnapshotSource, ChangeFeedSource, ConnectionTestable {

	private static final Logger log = LoggerFactory.getLogger(SdAdapter.class);

	/**
	 * The object types a full read is complete for (when nothing of them is rejected).
	 */
	public static final Set<ObjectType> SCOPE = Set.of(ObjectType.ORG_UNIT, ObjectType.ADDRESS, ObjectType.PERSON,
			ObjectType.ENGAGEMENT);

	/** At most this many extra GetOrganization calls for units not valid today. */
	static final int MAX_TREE_DATES = 100;

	private static final Set<String> ORGANIZATION = Set.of("Organization", "InstitutionUUIDIdentifier");

	private static final String GET_PERSON = "GetPerson20111201";

	/** Employment timelines: lists of dated records per kind. */
	static final String EMPLOYMENT_TIMELINES = "GetEmploymentChanged20111201";

	static final String DEPARTMENT_PARENT = "GetDepartmentParent20190701";

	private static final Set<String> DEPARTMENT_PARENT_RECORD = Set.of("DepartmentParent");

	private static final Set<String> DEPARTMENT = Set.of("Department");

	private static final Set<String> PERSON = Set.of("Person");

	private final SdConfig config;

	private final SdMapper mapper;

	private final java.time.Clock clock;

	private SdClient client;

	private SdRead lastRead;

	/**
	 * @param clock gives the date of a connection test (reads use the context's clock)
	 */
	public SdAdapter(SdConfig config, java.time.Clock clock) {
		this.config = java.util.Objects.requireNonNull(config, "config");
		this.clock = java.util.Objects.requireNonNull(clock, "clock");
		this.mapper = new SdMapper(config);
	}

	public SdAdapter(SdConfig config) {
		this(config, java.time.Clock.systemDefaultZone());
	}

	@Override
	public String name() {
		return this.config.sourceName();
	}

	public SdConfig config() {
		return this.config;
	}

	@Override
	public void validate() {
		this.config.validate();
	}

	@Override
	public SourceOwnership ownership() {
		Map<ObjectType, Set<String>> fields = new HashMap<>();
		fields.put(ObjectType.ORG_UNIT, Set.of("userKey", "name", "parent", "unitType", "unitLevel"));
		fields.put(ObjectType.ADDRESS, Set.of("userKey", "owner", "ownerKind", "addressType", "value", "visibility"));
		fields.put(ObjectType.PERSON, Set.of("userKey", "cpr", "givenName", "surname"));
		fields.put(ObjectType.ENGAGEMENT, Set.of("userKey", "person", "unit", "jobFunction", "engagementType",
				"fraction", "primary", "originalUnit"));
		fields.put(ObjectType.KLASSE, Set.of("userKey", "facet", "title", "scope"));
		return new SourceOwnership(fields);
	}

	/** SD's default rules ({@link SdConfig#rules()}), which the hub runs on each read. */
	@Override
	public SourceRules rules() {
		return this.config.rules();
	}

	@Override
	public void testConnection() {
		validate();
		LocalDate today = LocalDate.now(this.clock);
		int[] count = { 0 };
		client().call(SdMapper.ORGANIZATION, Map.of("ActivationDate", SdClient.date(today), "DeactivationDate",
				SdClient.date(today), "UUIDIndicator", "true"), ORGANIZATION, n -> {
					if ("Organization".equals(n.name())) {
						count[0]++;
					}
				});
		if (count[0] == 0) {
			throw new AdapterException(name() + ": SD GetOrganization20111201 answered no organisation for institution "
					+ this.config.institution(), false);
		}
	}

	@Override
	public Snapshot snapshot(SourceContext context) {
		SdRead read = readAll(context);
		LocalDate today = LocalDate.now(context.clock());
		return new Snapshot(read.complete(), null, read.objects(), today.toString());
	}

	@Override
	public ChangeBatch changesSince(SourceContext context, String token) {
		LocalDate today = LocalDate.now(context.clock());
		LocalDate from;
		if (token == null) {
			from = null;
		}
		else {
			try {
				from = LocalDate.parse(token);
			}
			catch (DateTimeParseException ex) {
				throw new AdapterException(name() + ": the stored change token '" + token
						+ "' is not a date (yyyy-mm-dd); run a full snapshot", false, ex);
			}
		}
		SdRead read = readChanges(context, from);
		return new ChangeBatch(read.objects(), List.of(), today.toString(), false);
	}

	/** The problems of the last read (rejected records and warnings). */
	public SdRead lastRead() {
		return this.lastRead;
	}

	/**
	 * Reads everything: the unit tree, every person, and every employment's whole
	 * timeline (GetEmploymentChanged20111201 from 01.01.0001 to 31.12.9999: lists of
	 * dated records; GetEmployment20111201 would give one date only).
	 */
	public SdRead readAll(SourceContext context) {
		validate();
		long start = System.nanoTime();
		LocalDate today = LocalDate.now(context.clock());
		List<SdProblem> rejected = new ArrayList<>();
		List<SdProblem> warnings = new ArrayList<>();
		Map<UUID, Klasse> classes = new LinkedHashMap<>();
		SdMapper.Units units = units(today, classes, rejected, warnings);
		List<SdNode> personNodes = new ArrayList<>();
		client().call(GET_PERSON,
				Map.of("EffectiveDate", SdClient.date(today), "StatusActiveIndicator", "true", "StatusPassiveIndicator",
						"true", "ContactInformationIndicator", "false", "PostalAddressIndicator", "false"),
				PERSON, personNodes::add);
		int unitProblems = rejected.size();
		Map<String, DesiredObject<Person>> persons = this.mapper.persons(GET_PERSON, personNodes, personUuids(context),
				rejected, warnings);
		int personProblems = rejected.size();
		SdMapper.Employments employments = this.mapper.employments(EMPLOYMENT_TIMELINES, persons, cpr -> null, units,
				classes, rejected, warnings);
		client().call(EMPLOYMENT_TIMELINES, timelineParameters(null), PERSON, employments::accept);
		List<DesiredObject<?>> engagements = employments.finish();
		Set<ObjectType> complete = EnumSet.copyOf(SCOPE);
		if (unitProblems > 0) {
			complete.remove(ObjectType.ORG_UNIT);
			complete.remove(ObjectType.ADDRESS);
		}
		if (personProblems > unitProblems) {
			complete.remove(ObjectType.PERSON);
		}
		if (rejected.size() > personProblems) {
			complete.remove(ObjectType.ENGAGEMENT);
		}
		return done(units, persons, engagements, classes, rejected, warnings, complete, start);
	}

	/**
	 * Reads the unit tree and the persons and employments changed from {@code from} to
	 * today; only the tree when {@code from} is {@code null}. The changed-at-date calls
	 * name the changed persons (with {@code FutureInformationIndicator}, so that a change
	 * registered in the period but dated ahead, such as a termination next month, is
	 * named now); each is then read in full (GetEmploymentChanged20111201 over the whole
	 * period, so that the primary engagement is chosen from all of a person's
	 * employments).
	 */
	public SdRead readChanges(SourceContext context, LocalDate from) {
		validate();
		long start = System.nanoTime();
		LocalDate today = LocalDate.now(context.clock());
		List<SdProblem> rejected = new ArrayList<>();
		List<SdProblem> warnings = new ArrayList<>();
		Map<UUID, Klasse> classes = new LinkedHashMap<>();
		SdMapper.Units units = units(today, classes, rejected, warnings);
		Map<String, DesiredObject<Person>> persons = new LinkedHashMap<>();
		List<DesiredObject<?>> engagements = new ArrayList<>();
		if (from != null && !from.isAfter(today)) {
			Map<String, String> range = Map.of("ActivationDate", SdClient.date(from), "DeactivationDate",
					SdClient.date(today));
			Set<String> cprs = new TreeSet<>();
			List<SdNode> personNodes = new ArrayList<>();
			client().call("GetPersonChangedAtDate20111201", range, PERSON, n -> {
				personNodes.add(n);
				add(cprs, n);
			});
			Map<String, String> employmentRange = new LinkedHashMap<>(range);
			employmentRange.put("FutureInformationIndicator", "true");
			employmentRange.put("EmploymentStatusIndicator", "true");
			client().call("GetEmploymentChangedAtDate20111201", employmentRange, PERSON, n -> add(cprs, n));
			Set<String> withPerson = new LinkedHashSet<>();
			personNodes.forEach(n -> withPerson.add(n.text("PersonCivilRegistrationIdentifier")));
			List<SdNode> employmentNodes = new ArrayList<>();
			Map<String, UUID> known = new HashMap<>();
			for (String cpr : cprs) {
				if (SdMapper.placeholder(cpr)) {
					warnings.add(new SdProblem("GetEmploymentChangedAtDate20111201", "Person", Cpr.mask(cpr), null,
							"a placeholder CPR number (ending in 0000): skipped"));
					continue;
				}
				java.util.Optional<UUID> bound = withPerson.contains(cpr) ? java.util.Optional.empty()
						: context.knownIdentity(ObjectType.PERSON, cpr);
				bound.ifPresent(uuid -> known.put(cpr, uuid));
				if (!withPerson.contains(cpr) && bound.isEmpty()) {
					client().call(GET_PERSON,
							Map.of("EffectiveDate", SdClient.date(today), "PersonCivilRegistrationIdentifier", cpr,
									"StatusActiveIndicator", "true", "StatusPassiveIndicator", "true"),
							PERSON, personNodes::add);
				}
				client().call(EMPLOYMENT_TIMELINES, timelineParameters(cpr), PERSON, employmentNodes::add);
			}
			persons = this.mapper.persons("GetPersonChangedAtDate20111201", personNodes, personUuids(context), rejected,
					warnings);
			engagements = this.mapper.engagements(EMPLOYMENT_TIMELINES, employmentNodes, persons, known::get, units,
					classes, rejected, warnings);
		}
		return done(units, persons, engagements, classes, rejected, warnings, Set.of(), start);
	}

	private SdRead done(SdMapper.Units units, Map<String, DesiredObject<Person>> persons,
			List<DesiredObject<?>> engagements, Map<UUID, Klasse> classes, List<SdProblem> rejected,
			List<SdProblem> warnings, Set<ObjectType> complete, long start) {
		List<DesiredObject<?>> objects = new ArrayList<>(SdMapper.classObjects(classes));
		objects.addAll(units.objects());
		objects.addAll(persons.values());
		objects.addAll(engagements);
		SdRead read = new SdRead(objects, rejected, warnings, complete, units.rejected());
		this.lastRead = read;
		log.info("SD {}: read {} objects in {} ms, {} records rejected, {} warnings", this.config.institution(),
				objects.size(), (System.nanoTime() - start) / 1_000_000, rejected.size(), warnings.size());
		rejected.forEach(p -> log.warn("SD record rejected: {}", p));
		return read;
	}

	private static void add(Set<String> cprs, SdNode person) {
		String cpr = person.text("PersonCivilRegistrationIdentifier");
		if (cpr != null) {
			cprs.add(cpr);
		}
	}

	/**
	 * GetEmploymentChanged20111201 over the whole period (as SDTool+ reads engagement
	 * timelines), for one person or, without {@code cpr}, the whole institution.
	 */
	private static Map<String, String> timelineParameters(String cpr) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (cpr != null) {
			parameters.put("PersonCivilRegistrationIdentifier", cpr);
		}
		parameters.put("ActivationDate", "01.01.0001");
		parameters.put("DeactivationDate", "31.12.9999");
		parameters.put("DepartmentIndicator", "true");
		parameters.put("EmploymentStatusIndicator", "true");
		parameters.put("ProfessionIndicator", "true");
		parameters.put("WorkingTimeIndicator", "true");
		parameters.put("SalaryAgreementIndicator", "false");
		parameters.put("SalaryCodeGroupIndicator", "false");
		parameters.put("UUIDIndicator", "true");
		return parameters;
	}

	private SdMapper.Units units(LocalDate today, Map<UUID, Klasse> classes, List<SdProblem> rejected,
			List<SdProblem> warnings) {
		SdMapper.Tree tree = SdMapper.Tree.empty();
		organization(today, tree);
		List<SdNode> departments = new ArrayList<>();
		client().call(SdMapper.DEPARTMENTS,
				Map.of("ActivationDate", SdClient.date(Validity.BEGINNING), "DeactivationDate",
						SdClient.date(Validity.END_OF_TIME), "ContactInformationIndicator", "true",
						"DepartmentNameIndicator", "true", "PostalAddressIndicator", "true", "UUIDIndicator", "true"),
				DEPARTMENT, departments::add);
		Map<String, LocalDate> missing = missing(departments, tree, today);
		new TreeSet<>(missing.values()).stream().limit(MAX_TREE_DATES).forEach(date -> organization(date, tree));
		missing = missing(departments, tree, today);
		missing.forEach((ref, date) -> {
			if (!ref.startsWith("id:")) {
				client().call(DEPARTMENT_PARENT,
						Map.of("EffectiveDate", SdClient.date(date), "DepartmentUUIDIdentifier", ref),
						DEPARTMENT_PARENT_RECORD,
						n -> tree.addParent(UUID.fromString(ref), n.text("DepartmentUUIDIdentifier")));
			}
		});
		return this.mapper.units(departments, tree, classes, rejected, warnings);
	}

	/**
	 * The departments the tree lacks, by reference, with a date each is valid (today,
	 * else its last day, else its first): where to ask for its tree or parent.
	 */
	private static Map<String, LocalDate> missing(List<SdNode> departments, SdMapper.Tree tree, LocalDate today) {
		Map<String, LocalDate> result = new LinkedHashMap<>();
		for (SdNode department : departments) {
			String ref = SdMapper.ref(department);
			if (ref == null || tree.contains(ref) || tree.contains("id:" + department.text("DepartmentIdentifier"))) {
				continue;
			}
			if (!ref.startsWith("id:")) {
				try {
					UUID.fromString(ref);
				}
				catch (IllegalArgumentException ex) {
					continue;
				}
			}
			try {
				Validity validity = SdMapper.validity(department, "Department");
				LocalDate date = validity.contains(today) ? today
						: validity.from().isAfter(today) ? validity.from() : validity.to().minusDays(1);
				LocalDate known = result.get(ref);
				if (known == null || !known.equals(today)) {
					result.put(ref, date);
				}
			}
			catch (SdMapper.Rejected ex) {
				// reported when the department is mapped
			}
		}
		return result;
	}

	private void organization(LocalDate date, SdMapper.Tree tree) {
		client().call(SdMapper.ORGANIZATION, Map.of("ActivationDate", SdClient.date(date), "DeactivationDate",
				SdClient.date(date), "UUIDIndicator", "true"), ORGANIZATION, n -> {
					if ("InstitutionUUIDIdentifier".equals(n.name())) {
						tree.institution(n.text());
					}
					else {
						tree.add(n);
					}
				});
	}

	/**
	 * Person UUIDs from the context ({@link SourceContext#identity}: the bound one, else
	 * the hub's stable UUID for a new person), the same for one CPR number within one
	 * read. Never a plain digest of the CPR number.
	 */
	static Function<String, UUID> personUuids(SourceContext context) {
		Map<String, UUID> known = new HashMap<>();
		return cpr -> known.computeIfAbsent(cpr, c -> context.identity(ObjectType.PERSON, c));
	}

	SdMapper mapper() {
		return this.mapper;
	}

	private SdClient client() {
		if (this.client == null) {
			this.client = new SdClient(this.config);
		}
		return this.client;
	}

}
