package dk.orghub.adapters.sd;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.reconcile.StoreSourceContext;
import dk.orghub.core.rules.PrimaryEngagementRule;
import dk.orghub.core.rules.RuleContext;
import dk.orghub.core.rules.RulePipeline;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.ChangeBatch;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sd.SdStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 500-employee sample municipality read from the SD stub over HTTP into an H2 store:
 * a full load, then changes in SD (a move, an ended employment, a rename) read from the
 * change feed with the stored token; the organisation checked at several dates.
 */
class SdStubIT {

	private static final UUID TEAM_LEVEL = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_LEVEL, "Afdelings-niveau");

	private static final LocalDate LOADED = LocalDate.of(2025, 1, 15);

	private static final LocalDate CHANGED = LocalDate.of(2025, 2, 1);

	private final MutableClock clock = new MutableClock(Instant.parse("2025-01-15T02:00:00Z"));

	private Municipality municipality;

	private SdStub stub;

	private SdAdapter adapter;

	private JdbcOrgStore store;

	@BeforeEach
	void start() {
		this.municipality = MunicipalityGenerator.generate(20070101L, 500);
		this.stub = SdStub.start(this.municipality, "hub", "secret", "XY");
		this.adapter = new SdAdapter(SdConfig.of(this.stub.baseUri(), "XY", "hub", "secret"), this.clock);
		this.store = TestStores.h2(this.clock);
	}

	@AfterEach
	void stop() {
		this.adapter.close();
		this.stub.close();
	}

	@Test
	void fullLoadThenChangeFeedGiveTheOrganisationAtEachDate() {
		Reconciler reconciler = new Reconciler(this.store, FieldPolicy.none());
		Snapshot snapshot = this.adapter.snapshot(context());
		assertThat(this.adapter.lastRead().rejected()).isEmpty();
		assertThat(this.adapter.lastRead().warnings()).as("the sample has CPR numbers without modulus 11")
			.isNotEmpty()
			.allSatisfy(w -> assertThat(w.reason()).contains("modulus-11"));
		assertThat(snapshot.scope()).isEqualTo(SdAdapter.SCOPE);
		assertThat(snapshot.effectiveFrom()).isNull();
		assertThat(snapshot.token()).isEqualTo("2025-01-15");
		ApplyResult first = reconciler.reconcile("sd", this.adapter.ownership(), ruled(snapshot), false);
		assertThat(first.applied()).isTrue();
		assertThat(this.store.token("sd")).contains("2025-01-15");

		assertThat(list(OrgUnit.class, LOADED)).hasSize(count(this.municipality.units(), LOADED));
		assertThat(list(Engagement.class, LOADED)).hasSize(count(this.municipality.engagements(), LOADED));
		assertThat(unit(this.municipality.root(), LOADED).parent()).isNull();

		Map.Entry<UUID, Timeline<Engagement>> inTeam = this.municipality.engagements()
			.entrySet()
			.stream()
			.filter(e -> e.getValue().at(LOADED).map(g -> isTeam(g.unit())).orElse(false))
			.findFirst()
			.orElseThrow();
		Engagement team = inTeam.getValue().at(LOADED).orElseThrow();
		Engagement lifted = engagement(team.userKey(), LOADED).orElseThrow();
		assertThat(lifted.originalUnit()).as("keeps the team payroll gave").isEqualTo(team.unit());
		assertThat(lifted.unit()).as("placed in the line unit above the team")
			.isEqualTo(unit(team.unit(), LOADED).parent());

		checkPrimaries(LOADED);
		List<Engagement> withSeveral = severalAt(LOADED);
		assertThat(withSeveral).as("the sample has persons with several engagements").isNotEmpty();

		Municipality changed = change(this.municipality);
		this.stub.update(changed, CHANGED);
		this.clock.set(Instant.parse("2025-02-03T02:00:00Z"));
		ChangeBatch batch = this.adapter.changesSince(context(), this.store.token("sd").orElseThrow());
		assertThat(batch.nextToken()).isEqualTo("2025-02-03");
		assertThat(this.adapter.lastRead().rejected()).isEmpty();
		ApplyResult second = this.store.apply(reconciler.plan("sd", this.adapter.ownership(), ruled(batch)));
		assertThat(second.applied()).isTrue();
		assertThat(this.store.token("sd")).contains("2025-02-03");

		LocalDate before = CHANGED.minusDays(1);
		assertThat(engagement(this.moved.userKey(), before).orElseThrow().unit()).isEqualTo(this.moved.unit());
		assertThat(engagement(this.moved.userKey(), CHANGED).orElseThrow().unit()).isEqualTo(this.movedTo);
		assertThat(engagement(this.ended.userKey(), before)).isPresent();
		assertThat(engagement(this.ended.userKey(), CHANGED)).isEmpty();
		assertThat(unit(this.renamed, before).name()).isNotEqualTo("Omdøbt enhed");
		assertThat(unit(this.renamed, CHANGED).name()).isEqualTo("Omdøbt enhed");
		assertThat(engagement(team.userKey(), CHANGED)).isPresent();
		checkPrimaries(before);
		checkPrimaries(CHANGED);

		ChangeBatch again = this.adapter.changesSince(context(), "2025-02-03");
		assertThat(reconciler.plan("sd", this.adapter.ownership(), ruled(again)).operations())
			.as("nothing changed in SD since the last run")
			.isEmpty();
	}

	/** The snapshot as the hub's rules step leaves it, with SD's default rules. */
	private Snapshot ruled(Snapshot snapshot) {
		return new Snapshot(snapshot.scope(), snapshot.effectiveFrom(),
				RulePipeline.of(this.adapter.rules()).apply(snapshot.objects(), RuleContext.of(this.store)),
				snapshot.token());
	}

	/** The batch as the hub's rules step leaves it, with SD's default rules. */
	private ChangeBatch ruled(ChangeBatch batch) {
		return new ChangeBatch(RulePipeline.of(this.adapter.rules()).apply(batch.changed(), RuleContext.of(this.store)),
				batch.ended(), batch.nextToken(), batch.more(), batch.effectiveFrom());
	}

	@Test
	void aWrongPasswordIsAPermanentErrorAndChangesNothing() {
		SdAdapter wrong = new SdAdapter(SdConfig.of(this.stub.baseUri(), "XY", "hub", "wrong"), this.clock);
		assertThatThrownBy(() -> wrong.snapshot(context())).isInstanceOf(AdapterException.class)
			.hasMessageContaining("refused the login")
			.satisfies(ex -> assertThat(((AdapterException) ex).isTemporary()).isFalse());
		assertThat(this.store.token("sd")).isEmpty();
	}

	@Test
	void anUnknownInstitutionIsReportedWithTheOperation() {
		SdAdapter other = new SdAdapter(SdConfig.of(this.stub.baseUri(), "ZZ", "hub", "secret"), this.clock);
		assertThatThrownBy(() -> other.snapshot(context())).isInstanceOf(AdapterException.class)
			.hasMessageContaining("GetOrganization20111201")
			.hasMessageContaining("HTTP 400");
	}

	@Test
	void aServiceThatDoesNotAnswerIsATemporaryError() {
		SdAdapter closed = new SdAdapter(SdConfig.of(SdConnectionContractIT.closedPort(), "XY", "hub", "secret")
			.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)), this.clock);
		assertThatThrownBy(() -> closed.snapshot(context())).isInstanceOf(AdapterException.class)
			.hasMessageContaining("sd: SD GetOrganization20111201")
			.satisfies(ex -> assertThat(((AdapterException) ex).isTemporary()).isTrue());
	}

	private Engagement moved;

	private UUID movedTo;

	private Engagement ended;

	private UUID renamed;

	/** The municipality with one engagement moved, one ended and one unit renamed. */
	private Municipality change(Municipality m) {
		Map<UUID, Timeline<Engagement>> engagements = new LinkedHashMap<>(m.engagements());
		Map<UUID, Timeline<OrgUnit>> units = new LinkedHashMap<>(m.units());
		Map<UUID, Integer> perPerson = new HashMap<>();
		m.engagements().values().forEach(t -> perPerson.merge(t.segments().get(0).value().person(), 1, Integer::sum));
		List<Map.Entry<UUID, Timeline<Engagement>>> open = m.engagements()
			.entrySet()
			.stream()
			.filter(e -> e.getValue().covers(Validity.from(LOADED)))
			.filter(e -> e.getValue().at(LOADED).map(g -> !isTeam(g.unit())).orElse(false))
			.filter(e -> perPerson.get(e.getValue().segments().get(0).value().person()) == 1)
			.toList();
		Map.Entry<UUID, Timeline<Engagement>> move = open.get(0);
		Map.Entry<UUID, Timeline<Engagement>> end = open.get(1);
		this.moved = move.getValue().at(LOADED).orElseThrow();
		this.movedTo = m.units()
			.values()
			.stream()
			.map(t -> t.at(LOADED).orElse(null))
			.filter(u -> u != null && u.parent() != null && !isTeam(u.uuid()) && !u.uuid().equals(this.moved.unit())
					&& m.units().get(u.uuid()).covers(Validity.from(LOADED)))
			.map(OrgUnit::uuid)
			.findFirst()
			.orElseThrow();
		Engagement movedValue = new Engagement(this.moved.uuid(), this.moved.userKey(), this.moved.person(),
				this.movedTo, this.moved.jobFunction(), this.moved.engagementType(), this.moved.fraction(),
				this.moved.primary());
		engagements.put(move.getKey(), move.getValue().put(Validity.from(CHANGED), movedValue));
		this.ended = end.getValue().at(LOADED).orElseThrow();
		engagements.put(end.getKey(), end.getValue().remove(Validity.from(CHANGED)));
		this.renamed = this.moved.unit();
		OrgUnit unit = units.get(this.renamed).at(LOADED).orElseThrow();
		units.put(this.renamed,
				units.get(this.renamed)
					.put(Validity.from(CHANGED), new OrgUnit(unit.uuid(), unit.userKey(), "Omdøbt enhed", unit.parent(),
							unit.unitType(), unit.unitLevel(), unit.payoutUnit())));
		return new Municipality(m.seed(), m.employees(), m.referenceDate(), m.organisation(), units, m.persons(),
				engagements, m.managers(), m.addresses(), m.kle());
	}

	/**
	 * One primary per person, and it is the highest fraction, ties to the lowest number.
	 */
	private void checkPrimaries(LocalDate date) {
		Map<UUID, List<Engagement>> byPerson = list(Engagement.class, date).stream()
			.map(Versioned::value)
			.collect(Collectors.groupingBy(Engagement::person));
		Comparator<Engagement> best = PrimaryEngagementRule.byHighestFraction();
		byPerson.forEach((person, engagements) -> {
			assertThat(engagements.stream().filter(Engagement::primary)).as("one primary on %s", date).hasSize(1);
			Engagement primary = engagements.stream().filter(Engagement::primary).findFirst().orElseThrow();
			for (Engagement other : engagements) {
				BigDecimal a = (primary.fraction() != null) ? primary.fraction() : BigDecimal.ZERO;
				BigDecimal b = (other.fraction() != null) ? other.fraction() : BigDecimal.ZERO;
				assertThat(a).as("primary has the highest fraction").isGreaterThanOrEqualTo(b);
			}
			assertThat(engagements.stream().min(best)).contains(primary);
		});
	}

	private List<Engagement> severalAt(LocalDate date) {
		Map<UUID, List<Engagement>> byPerson = list(Engagement.class, date).stream()
			.map(Versioned::value)
			.collect(Collectors.groupingBy(Engagement::person));
		List<Engagement> result = new ArrayList<>();
		byPerson.values().stream().filter(l -> l.size() > 1).forEach(result::addAll);
		return result;
	}

	private boolean isTeam(UUID unit) {
		return this.municipality.units().get(unit).segments().get(0).value().unitLevel().equals(TEAM_LEVEL);
	}

	private static <T extends dk.orghub.core.model.OrgObject> int count(Map<UUID, Timeline<T>> objects,
			LocalDate date) {
		return (int) objects.values().stream().filter(t -> t.at(date).isPresent()).count();
	}

	private StoreSourceContext context() {
		return new StoreSourceContext(this.store, "sd", this.clock);
	}

	private <T extends dk.orghub.core.model.OrgObject> List<Versioned<T>> list(Class<T> type, LocalDate date) {
		return this.store.list(Query.of(type, point(date)).page(0, Query.MAX_LIMIT)).items();
	}

	private OrgUnit unit(UUID uuid, LocalDate date) {
		return this.store.get(OrgUnit.class, uuid, point(date)).orElseThrow().value();
	}

	private Optional<Engagement> engagement(String employment, LocalDate date) {
		UUID uuid = this.store.identity("sd", ObjectType.ENGAGEMENT, employment).orElseThrow();
		return this.store.get(Engagement.class, uuid, point(date)).map(Versioned::value);
	}

	private ReadPoint point(LocalDate date) {
		return ReadPoint.of(date, null, this.clock);
	}

}
