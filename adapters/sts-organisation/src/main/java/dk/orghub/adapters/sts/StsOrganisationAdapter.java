package dk.orghub.adapters.sts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.ConnectionTestable;
import dk.orghub.core.spi.Deactivator;
import dk.orghub.core.spi.OutboxBatch;
import dk.orghub.core.spi.PlanningTarget;
import dk.orghub.core.spi.ReadBack;
import dk.orghub.core.spi.TargetJob;
import dk.orghub.core.spi.TargetObject;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.store.ReadPoint;

/**
 * The STS Organisation target: publishes canonical objects (and what depends on them) to
 * KOMBIT's STS Organisation, deactivates, reads back, reconciles and checks the consumer
 * profiles.
 * <p>
 * It keeps the canonical state it last mapped (loaded once from {@code states}, then
 * patched with every published object), so publishing a changed object sends exactly the
 * STS objects whose mapping changed: the object itself and, e.g., the unit that lists a
 * changed address, the functions that name a changed Bruger. {@link #publishAll()}
 * reloads the state and sends everything that differs from what was last sent.
 * <p>
 * Its operations take the adapter's lock one at a time (the calls of one publish run
 * concurrently inside it); {@link #profiles()} reads the last mapping without it, or maps
 * the store's state itself when that mapping is older than the store's latest change.
 */
public final class StsOrganisationAdapter
		implements ChangePublisher, Deactivator, ReadBack, ConnectionTestable, PlanningTarget {

	/** The adapter's name in configuration and logs. */
	public static final String NAME = "sts-organisation";

	/** The canonical types whose changes can alter what is published. */
	public static final Set<ObjectType> PUBLISHED = Set.of(ObjectType.ORG_UNIT, ObjectType.PERSON,
			ObjectType.ENGAGEMENT, ObjectType.MANAGER, ObjectType.ADDRESS, ObjectType.IT_USER, ObjectType.KLE,
			ObjectType.ASSOCIATION, ObjectType.KLASSE);

	/** Told of every drain of the hub's outbox for this adapter (for its status). */
	public interface DrainObserver {

		/** A drain sent what it sent. */
		void drained(Instant started, Instant finished, OutboxBatch batch, StsPublisher.Report report);

		/** A drain failed; the rows wait for the next one. */
		void failed(RuntimeException failure);

	}

	private Outbox outbox = Outbox.DEFAULT;

	private DrainObserver observer;

	private final StsSettings settings;

	private final SentLedger ledger;

	private final Clock clock;

	private final Supplier<CanonicalState> states;

	private final StsClient.RequestListener listener;

	private final StsMapper mapper;

	private final StsReadBack readBack;

	private StsClient client;

	private StsPublisher publisher;

	private CanonicalState state;

	private Map<Key, StsObject> mapped;

	private LocalDate mappedOn;

	/**
	 * The last mapping, its day and the store's latest registration before its state was
	 * loaded, replaced whole (never emptied), so the profiles read it without waiting for
	 * a publish that holds the adapter; the publish and the profiles both set it, the
	 * mapping of the later store state wins.
	 */
	private final AtomicReference<Mapping> lastMapping = new AtomicReference<>();

	/** The store's latest registration when {@link #state} was loaded. */
	private Instant stateAsOf;

	/** The store's latest registration; {@code null}: not known (never stale). */
	private Supplier<Instant> lastRegistered = () -> null;

	/** Held while the profiles map a state of their own (never the adapter's lock). */
	private final Object profilesMapping = new Object();

	private Supplier<List<TargetJob>> jobs = List::of;

	/**
	 * @param settings the configuration ({@code hub.targets.sts.*})
	 * @param ledger what was last sent and the quarantine (tables from
	 * {@link StsSchema#migrate})
	 * @param clock the hub's clock
	 * @param states loads the full canonical state (e.g.
	 * {@code () -> CanonicalState.load(store)}); called on first use and by
	 * {@link #publishAll()}
	 */
	public StsOrganisationAdapter(StsSettings settings, SentLedger ledger, Clock clock,
			Supplier<CanonicalState> states) {
		this(settings, ledger, clock, states, null);
	}

	/** As above, with a listener told every request body (for conformance tests). */
	public StsOrganisationAdapter(StsSettings settings, SentLedger ledger, Clock clock, Supplier<CanonicalState> states,
			StsClient.RequestListener listener) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.ledger = Objects.requireNonNull(ledger, "ledger");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.states = Objects.requireNonNull(states, "states");
		this.listener = listener;
		this.mapper = new StsMapper(settings);
		this.readBack = new StsReadBack(settings);
	}

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * Offers these syncs to the hub (a full publish with its outbox drain, a reconcile):
	 * the wiring that knows the outbox and the store gives them, once, before the hub
	 * asks for {@link #jobs()}.
	 * @return this adapter
	 */
	public StsOrganisationAdapter offering(Supplier<List<TargetJob>> jobs) {
		this.jobs = Objects.requireNonNull(jobs, "jobs");
		return this;
	}

	/**
	 * Has the hub drain its outbox for this adapter as it says (e.g. as the change runs
	 * of {@code sts-publish}, whose quarantine is the adapter's); the hub's own sync by
	 * default.
	 * @return this adapter
	 */
	public StsOrganisationAdapter drainedAs(Outbox outbox) {
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		return this;
	}

	/**
	 * Tells the adapter when the store last registered a change (e.g.
	 * {@code store::lastRegistered}): the profiles never answer from a mapping of an
	 * older store state, e.g. the publish at start's, made before the first import
	 * committed.
	 * @return this adapter
	 */
	public StsOrganisationAdapter knowingRegistrations(Supplier<Instant> lastRegistered) {
		this.lastRegistered = Objects.requireNonNull(lastRegistered, "lastRegistered");
		return this;
	}

	/**
	 * Tells {@code observer} of every drain of the outbox.
	 * @return this adapter
	 */
	public StsOrganisationAdapter observingDrains(DrainObserver observer) {
		this.observer = observer;
		return this;
	}

	@Override
	public Set<ObjectType> publishedTypes() {
		return PUBLISHED;
	}

	@Override
	public Outbox outbox() {
		return this.outbox;
	}

	/**
	 * Sends one drain of the hub's outbox: exactly the STS objects whose mapping the
	 * changed objects alter ({@link #publishChanges}). When another hub instance drained
	 * since this one last did, or this one has not yet, the state in memory may miss what
	 * that drain sent; and a whole backlog (e.g. after a first load) is cheaper to
	 * compare at once. Both reload the state and compare all of it with what was last
	 * sent ({@link #publishAll()}): a state loaded now already holds the batch's changes,
	 * so comparing it with itself would find nothing to send.
	 * @throws AdapterException when STS Organisation does not answer; nothing is sent and
	 * the rows wait
	 */
	@Override
	public synchronized TargetOutcome publishBatch(OutboxBatch batch) {
		Instant started = this.clock.instant();
		try {
			// STS unreachable: leave the rows for the next drain rather than quarantine
			// them
			testConnection();
			StsPublisher.Report report;
			if (!batch.continuous() || batch.whole()) {
				report = publishAll();
			}
			else {
				// the state before the timelines, so patching it never goes back in time
				state();
				report = publishChanges(batch.objects());
			}
			if (this.observer != null) {
				this.observer.drained(started, this.clock.instant(), batch, report);
			}
			return StsOutcomes.outcome(report, null, this.ledger);
		}
		catch (RuntimeException ex) {
			if (this.observer != null) {
				this.observer.failed(ex);
			}
			throw ex;
		}
	}

	/** The syncs {@link #offering} gave; none without. */
	@Override
	public List<TargetJob> jobs() {
		return this.jobs.get();
	}

	@Override
	public void validate() {
		this.settings.validate();
	}

	public StsSettings settings() {
		return this.settings;
	}

	public SentLedger ledger() {
		return this.ledger;
	}

	/** The client (created on first use), e.g. for its call count. */
	public synchronized StsClient client() {
		if (this.client == null) {
			this.client = new StsClient(this.settings, this.clock, this.listener);
			this.publisher = new StsPublisher(this.settings, this.client, this.ledger, this.clock);
		}
		return this.client;
	}

	private StsPublisher publisher() {
		client();
		return this.publisher;
	}

	/** The canonical state the adapter works from (loaded on first use). */
	public synchronized CanonicalState state() {
		if (this.state == null) {
			this.stateAsOf = this.lastRegistered.get();
			this.state = this.states.get();
			this.mapped = null;
		}
		return this.state;
	}

	private Map<Key, StsObject> mapped() {
		LocalDate today = ReadPoint.today(this.clock);
		if (this.mapped == null || !today.equals(this.mappedOn)) {
			this.mapped = this.mapper.map(state(), today);
			this.mappedOn = today;
			// a patched state also holds later changes; its time stays that of the load
			remember(new Mapping(this.mapped, today, this.stateAsOf));
		}
		return this.mapped;
	}

	/**
	 * Reloads the canonical state and sends every object that differs from what was last
	 * sent; deactivates what was sent before and is no longer mapped.
	 */
	public synchronized StsPublisher.Report publishAll() {
		return publish(planAll());
	}

	/**
	 * Reloads the canonical state and plans a full publish without sending: what
	 * {@link #publishAll()} would send now.
	 */
	public synchronized StsPlan planAll() {
		this.state = null;
		this.mapped = null;
		return publisher().plan(mapped(), null);
	}

	/**
	 * Plans sending again the objects with these UUIDs (e.g. from the quarantine): each
	 * as far as it differs from what was last sent, or its deactivation when it is no
	 * longer mapped; nothing else.
	 */
	public synchronized StsPlan planRetry(Set<UUID> objects) {
		this.state = null;
		this.mapped = null;
		Map<Key, StsObject> wanted = mapped();
		Map<Key, String> sent = this.ledger.hashes();
		Set<Key> scope = new HashSet<>();
		wanted.keySet().stream().filter(k -> objects.contains(k.uuid())).forEach(scope::add);
		sent.keySet().stream().filter(k -> objects.contains(k.uuid())).forEach(scope::add);
		return publisher().plan(wanted, scope, sent, Map.of(), Set.of());
	}

	/** Carries out a plan made by {@link #planAll()} (or a reconcile's). */
	public synchronized StsPublisher.Report publish(StsPlan plan) {
		return publisher().publish(plan);
	}

	@Override
	public void publish(TargetObject<?> object) {
		StsPublisher.Report report = publishChanges(List.of(object));
		if (report.quarantined() > 0) {
			List<SentLedger.Quarantined> q = this.ledger.quarantined();
			boolean temporary = q.stream().allMatch(SentLedger.Quarantined::temporary);
			String reason = q.isEmpty() ? "see the quarantine" : q.get(q.size() - 1).reason();
			throw new AdapterException(NAME + ": " + object.type().collection() + " " + object.uuid()
					+ " not (fully) published: " + reason, temporary);
		}
	}

	/**
	 * Takes the current timelines of changed canonical objects (an empty timeline when an
	 * object no longer exists) and sends exactly the STS objects whose mapping changed
	 * because of them, as far as they differ from what was last sent; STS objects that
	 * are no longer mapped are deactivated. Failures go to the quarantine and are in the
	 * report.
	 */
	public synchronized StsPublisher.Report publishChanges(Collection<? extends TargetObject<?>> objects) {
		Map<Key, StsObject> before = mapped();
		for (TargetObject<?> object : objects) {
			this.state.put(object.type(), object.uuid(), object.timeline());
		}
		this.mapped = null;
		Map<Key, StsObject> after = mapped();
		Set<Key> scope = new HashSet<>();
		after.forEach((key, o) -> {
			StsObject old = before.get(key);
			if (old == null || !old.hash().equals(o.hash())) {
				scope.add(key);
			}
		});
		before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(scope::add);
		for (TargetObject<?> object : objects) {
			// the object itself, also when its mapping did not change but was never sent
			key(object.type(), object.uuid()).filter(after::containsKey).ifPresent(scope::add);
		}
		return publisher().publish(after, scope);
	}

	/** The STS key of a canonical object, when it maps to one STS object. */
	Optional<Key> key(ObjectType type, UUID uuid) {
		return switch (type) {
			case ORG_UNIT -> Optional.of(new Key(StsKind.ENHED, uuid));
			case PERSON -> Optional.of(new Key(StsKind.PERSON, uuid));
			case ADDRESS -> Optional.of(new Key(StsKind.ADRESSE, uuid));
			case ENGAGEMENT, MANAGER, ASSOCIATION -> Optional.of(new Key(StsKind.FUNKTION, uuid));
			case IT_USER -> {
				Timeline<ItUser> user = state().itUsers().get(uuid);
				UUID bruger = (user != null) ? user.latest().map(StsMapper::brugerUuid).orElse(uuid) : uuid;
				yield Optional.of(new Key(StsKind.BRUGER, bruger));
			}
			default -> Optional.empty();
		};
	}

	@Override
	public synchronized void deactivate(ObjectType type, UUID uuid, LocalDate date) {
		Key key = key(type, uuid)
			.orElseThrow(() -> new AdapterException(NAME + ": " + type + " is not published", false));
		Optional<StsObject> held = client().laes(key.kind(), key.uuid());
		if (held.isEmpty()) {
			return;
		}
		StsObject ended = held.get().endedOn(date);
		if (ended.hash().equals(held.get().hash())) {
			return;
		}
		if (!publisher().sendOne(ended)) {
			throw new AdapterException(
					NAME + ": could not deactivate " + key.kind() + " " + key.uuid() + " (see the quarantine)", true);
		}
	}

	@Override
	public synchronized Optional<TargetObject<?>> read(ObjectType type, UUID uuid) {
		Optional<Key> key = key(type, uuid);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		return client().laes(key.get().kind(), key.get().uuid())
			.map(o -> this.readBack.toCanonical(type, uuid, o, state().classes(), this::payoutUnitOf));
	}

	private Optional<UUID> payoutUnitOf(UUID function) {
		return client().laes(StsKind.FUNKTION, function)
			.filter(f -> f.relations()
				.stream()
				.anyMatch(r -> r.name().equals("Funktionstype")
						&& r.target().equals(this.settings.classes().udbetalendeEnhed())))
			.flatMap(f -> f.relations()
				.stream()
				.filter(r -> r.name().equals("TilknyttedeEnheder"))
				.map(StsObject.Rel::target)
				.findFirst());
	}

	/**
	 * Reads what STS holds for the organisation ({@code fremsoegobjekthierarki}) and
	 * corrects drift: every unit, function and user the hub maps that STS holds
	 * differently, lacks, or holds while the hub does not map it.
	 */
	public synchronized StsReconciler.Result reconcile() {
		return reconcile(findDrift());
	}

	/**
	 * Reloads the canonical state, reads what STS holds and plans the correction of the
	 * drift, without writing anything.
	 */
	public synchronized StsReconciler.Drift findDrift() {
		this.state = null;
		this.mapped = null;
		return new StsReconciler(client(), this.ledger, publisher(), this.settings.concurrency()).find(mapped(),
				ReadPoint.today(this.clock));
	}

	/** Corrects the drift {@link #findDrift()} found. */
	public synchronized StsReconciler.Result reconcile(StsReconciler.Drift drift) {
		return new StsReconciler(client(), this.ledger, publisher(), this.settings.concurrency()).correct(drift);
	}

	/**
	 * The consumer profiles' findings on the objects last mapped today from the store as
	 * it is now: a publish that is sending does not hold them up (they are what that
	 * publish is sending). When nothing was mapped today, or the store registered a
	 * change after the state last mapped was loaded (e.g. the first import after the
	 * publish at start), this loads and maps the store's state itself, without waiting
	 * for the adapter.
	 */
	public List<StsProfiles.ProfileReport> profiles() {
		LocalDate today = ReadPoint.today(this.clock);
		Mapping last = this.lastMapping.get();
		if (!current(last, today)) {
			last = mapForProfiles(today);
		}
		return new StsProfiles(this.settings).check(last.objects(), today);
	}

	private Mapping mapForProfiles(LocalDate today) {
		synchronized (this.profilesMapping) {
			Mapping last = this.lastMapping.get();
			if (current(last, today)) {
				// mapped while this waited
				return last;
			}
			Instant asOf = this.lastRegistered.get();
			Mapping fresh = new Mapping(this.mapper.map(this.states.get(), today), today, asOf);
			remember(fresh);
			return fresh;
		}
	}

	/** Whether a mapping is of today and of the store's latest registration. */
	private boolean current(Mapping mapping, LocalDate today) {
		if (mapping == null || !today.equals(mapping.on())) {
			return false;
		}
		Instant latest = this.lastRegistered.get();
		return latest == null || (mapping.asOf() != null && !latest.isAfter(mapping.asOf()));
	}

	/** Keeps the mapping unless the one kept is of a later day or a later store state. */
	private void remember(Mapping mapping) {
		this.lastMapping.accumulateAndGet(mapping,
				(kept, offered) -> (kept == null || !offered.olderThan(kept)) ? offered : kept);
	}

	/**
	 * @param asOf the store's latest registration before the state was loaded;
	 * {@code null} when not known
	 */
	private record Mapping(Map<Key, StsObject> objects, LocalDate on, Instant asOf) {

		boolean olderThan(Mapping other) {
			if (!this.on.equals(other.on)) {
				return this.on.isBefore(other.on);
			}
			return this.asOf != null && other.asOf != null && this.asOf.isBefore(other.asOf);
		}

	}

	/** One consumer profile's findings. */
	public Optional<StsProfiles.ProfileReport> profile(String name) {
		return profiles().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
	}

	/**
	 * Tests the connection step by step: with security on, a token from the token
	 * service; then {@code laes} of the municipality's Organisation object.
	 * @throws AdapterException naming the step that failed and why
	 */
	@Override
	public void testConnection() {
		StsClient client;
		try {
			client = client();
		}
		catch (RuntimeException ex) {
			throw new AdapterException(NAME + ": step 'certificates': " + ex.getMessage(), false, ex);
		}
		if (client.tokens() != null) {
			try {
				client.tokens().get();
			}
			catch (RuntimeException ex) {
				throw new AdapterException(
						NAME + ": step 'token' (" + this.settings.security().stsUrl() + "): " + ex.getMessage(), true,
						ex);
			}
		}
		boolean found;
		try {
			found = client.laesOrganisation(this.settings.organisationUuid());
		}
		catch (RuntimeException ex) {
			throw new AdapterException(
					NAME + ": step 'laes Organisation' (" + this.settings.baseUrl() + "): " + ex.getMessage(),
					!(ex instanceof AdapterException a) || a.isTemporary(), ex);
		}
		if (!found) {
			throw new AdapterException(NAME + ": step 'laes Organisation': STS Organisation at "
					+ this.settings.baseUrl() + " holds no Organisation " + this.settings.organisationUuid()
					+ " (check hub.targets.sts.organisation-uuid)", false);
		}
	}

	@Override
	public void close() {
		if (this.client != null) {
			try {
				this.client.close();
			}
			catch (RuntimeException ex) {
				// closing never throws
			}
			this.client = null;
			this.publisher = null;
		}
	}

}
