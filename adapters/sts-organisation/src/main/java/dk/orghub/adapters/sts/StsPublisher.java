package dk.orghub.adapters.sts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.adapters.sts.StsObject.Rel;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.store.ReadPoint;

/**
 * Publishes the canonical state to STS Organisation: maps it, compares every object's
 * hash with what was last sent, and sends only what differs, in dependency order
 * (addresses and persons, then units parents first, then users, then functions), with a
 * bounded number of calls in flight. New objects go with {@code importer}, changed ones
 * with {@code ret}. Temporary failures (status 45, SOAP faults from the server, 5xx,
 * connection errors, timeouts) are retried with exponential backoff; permanent ones (40,
 * 41, schema errors) and exhausted retries go to quarantine and the run goes on. Objects
 * the hub sent before that no longer exist in the canonical state are deactivated
 * (Gyldighed Inaktiv, relations ended), never deleted.
 */
public final class StsPublisher {

	private static final Logger log = LoggerFactory.getLogger(StsPublisher.class);

	/**
	 * What a run did.
	 *
	 * @param done the changes STS accepted, for the run's log (not in
	 * {@link #toString()})
	 * @param failed the objects the run tried and could not send (now in the quarantine)
	 */
	public record Report(int mapped, int created, int changed, int deactivated, int unchanged, int skipped,
			int quarantined, long calls, Duration duration, List<StsPlan.Change> done, List<Key> failed) {

		public Report {
			done = List.copyOf(done);
			failed = List.copyOf(failed);
		}

		public int written() {
			return this.created + this.changed + this.deactivated;
		}

		@Override
		public String toString() {
			return "Report[mapped=" + this.mapped + ", created=" + this.created + ", changed=" + this.changed
					+ ", deactivated=" + this.deactivated + ", unchanged=" + this.unchanged + ", skipped="
					+ this.skipped + ", quarantined=" + this.quarantined + ", calls=" + this.calls + ", duration="
					+ this.duration + "]";
		}

	}

	private final StsSettings settings;

	private final StsClient client;

	private final SentLedger ledger;

	private final StsMapper mapper;

	private final Clock clock;

	public StsPublisher(StsSettings settings, StsClient client, SentLedger ledger, Clock clock) {
		this.settings = settings;
		this.client = client;
		this.ledger = ledger;
		this.mapper = new StsMapper(settings);
		this.clock = clock;
	}

	public StsMapper mapper() {
		return this.mapper;
	}

	/** Sends every object of the state that differs from what was last sent. */
	public Report publish(CanonicalState state) {
		return publish(this.mapper.map(state, ReadPoint.today(this.clock)), null);
	}

	/**
	 * Sends the objects of {@code wanted} that differ from what was last sent, and
	 * deactivates objects sent before that are no longer wanted; with a {@code scope},
	 * only objects whose key is in it are considered (the rest is left as it is).
	 * @param wanted the mapped objects (in full, or at least every object in scope)
	 * @param scope the keys to consider, {@code null} for all
	 */
	public Report publish(Map<Key, StsObject> wanted, Set<Key> scope) {
		return publish(plan(wanted, scope));
	}

	/**
	 * What {@link #publish(Map, Set)} would send, without sending: compares every
	 * object's hash with the ledger's.
	 */
	public StsPlan plan(Map<Key, StsObject> wanted, Set<Key> scope) {
		return plan(wanted, scope, this.ledger.hashes(), Map.of(), Set.of());
	}

	/**
	 * A plan against a given record of what was sent.
	 * @param sent the hashes of what STS holds from the hub
	 * @param held what STS is known to hold of objects (a reconcile's read); objects not
	 * in it are looked up in the ledger
	 * @param forget keys the plan forgets in the ledger before sending
	 */
	StsPlan plan(Map<Key, StsObject> wanted, Set<Key> scope, Map<Key, String> sent, Map<Key, StsObject> held,
			Set<Key> forget) {
		LocalDate today = ReadPoint.today(this.clock);
		List<StsObject> toSend = new ArrayList<>();
		int unchanged = 0;
		int skipped = 0;
		int considered = 0;
		for (Map.Entry<Key, StsObject> e : wanted.entrySet()) {
			if (scope != null && !scope.contains(e.getKey())) {
				continue;
			}
			considered++;
			String hash = sent.get(e.getKey());
			if (e.getValue().hash().equals(hash)) {
				unchanged++;
			}
			else if (hash == null && !held.containsKey(e.getKey()) && endedBy(e.getValue(), today)) {
				skipped++;
			}
			else {
				toSend.add(e.getValue());
			}
		}
		List<Key> orphans = sent.keySet()
			.stream()
			.filter(k -> !wanted.containsKey(k) && (scope == null || scope.contains(k)))
			.sorted(Comparator.comparing(Key::kind).thenComparing(Key::uuid))
			.toList();
		Set<Key> lookUp = new HashSet<>(orphans);
		toSend.stream().map(Key::of).filter(k -> sent.containsKey(k) && !held.containsKey(k)).forEach(lookUp::add);
		Map<Key, StsObject> before = new HashMap<>(this.ledger.contents(lookUp));
		before.putAll(held);
		List<StsPlan.Send> sends = new ArrayList<>(toSend.size());
		for (List<StsObject> wave : waves(toSend)) {
			for (StsObject o : wave) {
				Key key = Key.of(o);
				boolean there = sent.containsKey(key) || held.containsKey(key);
				sends.add(new StsPlan.Send(o, sent.containsKey(key), before.get(key),
						there && endedBy(o, today) && (before.get(key) == null || !endedBy(before.get(key), today))));
			}
		}
		List<StsPlan.Orphan> orphaned = orphans.stream().map(k -> new StsPlan.Orphan(k, before.get(k))).toList();
		Map<StsKind, Integer> counts = new EnumMap<>(StsKind.class);
		sent.keySet().forEach(k -> counts.merge(k.kind(), 1, Integer::sum));
		return new StsPlan(sends, orphaned, forget, considered, unchanged, skipped, counts, today);
	}

	/**
	 * Carries out a plan: forgets what it forgets, sends its objects in dependency order
	 * and deactivates its orphans.
	 */
	public Report publish(StsPlan plan) {
		Instant start = this.clock.instant();
		long callsBefore = this.client.calls();
		LocalDate today = plan.today();
		plan.forget().forEach(this.ledger::forget);
		Counters counters = new Counters(this.settings.stopAfterFailures());
		if (!plan.empty()) {
			ExecutorService pool = Executors.newFixedThreadPool(this.settings.concurrency());
			try {
				Set<UUID> failed = ConcurrentHashMap.newKeySet();
				Map<Key, StsPlan.Send> byKey = new HashMap<>();
				plan.sends().forEach(s -> byKey.put(Key.of(s.object()), s));
				for (List<StsObject> wave : waves(plan.sends().stream().map(StsPlan.Send::object).toList())) {
					runWave(pool, wave, byKey, failed, counters);
				}
				List<Future<?>> futures = new ArrayList<>();
				for (StsPlan.Orphan orphan : plan.orphans()) {
					futures.add(pool.submit(() -> deactivateOrphan(orphan, today, counters)));
				}
				await(futures);
			}
			finally {
				pool.shutdownNow();
				counters.flush(this.ledger);
			}
		}
		StsFailure stop = counters.stop;
		if (stop != null) {
			log.warn("STS Organisation publish stopped: {} ({} sent before)", stop.getMessage(),
					counters.created.get() + counters.changed.get() + counters.deactivated.get());
			throw new StsFailure(stop.kind(),
					"STS Organisation publish stopped (" + stop.kind() + "): " + stop.getMessage()
							+ "; what was not sent waits for the next run",
					stop.isTemporary(), true, stop.retryAfter(), stop);
		}
		Report report = new Report(plan.considered(), counters.created.get(), counters.changed.get(),
				counters.deactivated.get(), plan.unchanged(), plan.skipped(), counters.quarantined.get(),
				this.client.calls() - callsBefore, Duration.between(start, this.clock.instant()),
				new ArrayList<>(counters.done), new ArrayList<>(counters.failed));
		if (plan.forget().isEmpty() && (plan.considered() > 1000 || report.written() > 0 || report.quarantined() > 0)) {
			log.info("STS Organisation publish: {}", report);
		}
		return report;
	}

	/**
	 * Sends one object (already mapped) as {@code importer} or {@code ret}, whichever the
	 * ledger says, with retries; true when STS holds it afterwards.
	 */
	boolean sendOne(StsObject object) {
		boolean known = this.ledger.hashes().containsKey(Key.of(object));
		Counters counters = new Counters();
		boolean sent = send(object, known, counters);
		counters.flush(this.ledger);
		if (counters.stop != null) {
			throw counters.stop;
		}
		return sent;
	}

	/**
	 * A run's counts and its stop: a failure that stops every call (e.g. the token
	 * refused), or {@code limit} objects in a row that failed the same way.
	 */
	private static final class Counters {

		private final int limit;

		volatile StsFailure stop;

		private String lastKind;

		private int consecutive;

		Counters() {
			this(Integer.MAX_VALUE);
		}

		Counters(int limit) {
			this.limit = limit;
		}

		boolean stopped() {
			return this.stop != null;
		}

		synchronized void stop(StsFailure failure) {
			if (this.stop == null) {
				this.stop = failure;
			}
		}

		synchronized void succeeded() {
			this.consecutive = 0;
			this.lastKind = null;
		}

		/**
		 * Counts a failed object; stops the run when {@code limit} in a row failed alike.
		 */
		synchronized void failed(AdapterException failure) {
			String kind = StsFailure.kindOf(failure);
			this.consecutive = kind.equals(this.lastKind) ? this.consecutive + 1 : 1;
			this.lastKind = kind;
			if (this.consecutive >= this.limit && this.stop == null) {
				this.stop = new StsFailure(kind, this.consecutive + " objects in a row failed: " + failure.getMessage(),
						failure.isTemporary(), true, null, failure);
			}
		}

		final AtomicInteger created = new AtomicInteger();

		final AtomicInteger changed = new AtomicInteger();

		final AtomicInteger deactivated = new AtomicInteger();

		final AtomicInteger quarantined = new AtomicInteger();

		final Queue<StsPlan.Change> done = new ConcurrentLinkedQueue<>();

		final Queue<Key> failed = new ConcurrentLinkedQueue<>();

		/** Objects STS accepted and the ledger does not know yet. */
		private List<SentLedger.Sent> unrecorded = new ArrayList<>();

		/**
		 * Notes an object STS accepted; the ledger records it with others, in batches of
		 * {@value #RECORD_BATCH} (an object sent and not recorded when the hub stops is
		 * found in STS on the next run: {@code importer} answers 49 and {@code laes}
		 * shows it equal, so it is recorded without a second registration).
		 */
		void record(SentLedger ledger, StsObject object, String hash, boolean known) {
			// the ledger's text of the object is written here, outside the lock
			SentLedger.Sent sent = new SentLedger.Sent(object, hash, known);
			List<SentLedger.Sent> batch = null;
			synchronized (this) {
				this.unrecorded.add(sent);
				if (this.unrecorded.size() >= RECORD_BATCH) {
					batch = this.unrecorded;
					this.unrecorded = new ArrayList<>();
				}
			}
			if (batch != null) {
				ledger.sent(batch);
			}
		}

		/** Records what was noted and not recorded yet. */
		void flush(SentLedger ledger) {
			List<SentLedger.Sent> batch;
			synchronized (this) {
				batch = this.unrecorded;
				this.unrecorded = new ArrayList<>();
			}
			ledger.sent(batch);
		}

	}

	/** Sent objects the ledger records in one transaction. */
	static final int RECORD_BATCH = 256;

	/**
	 * Whether an object is over (Inaktiv, or all its properties ended) by {@code today}.
	 */
	static boolean endedBy(StsObject o, LocalDate today) {
		if (!o.states().isEmpty()) {
			StsObject.State last = o.states().get(o.states().size() - 1);
			return !last.active() && last.period().to() == null && !last.period().from().isAfter(today);
		}
		return o.properties().stream().allMatch(p -> p.period().to() != null && !p.period().to().isAfter(today));
	}

	/** Addresses and persons; units by depth; users; functions. */
	static List<List<StsObject>> waves(List<StsObject> objects) {
		List<StsObject> first = new ArrayList<>();
		Map<UUID, StsObject> units = new HashMap<>();
		List<StsObject> users = new ArrayList<>();
		List<StsObject> functions = new ArrayList<>();
		for (StsObject o : objects) {
			switch (o.kind()) {
				case ADRESSE, PERSON -> first.add(o);
				case ENHED -> units.put(o.uuid(), o);
				case BRUGER -> users.add(o);
				case FUNKTION -> functions.add(o);
			}
		}
		Map<UUID, Integer> depth = new HashMap<>();
		int max = 0;
		for (StsObject unit : units.values()) {
			max = Math.max(max, depth(unit.uuid(), units, depth, 0));
		}
		List<List<StsObject>> waves = new ArrayList<>();
		waves.add(first);
		for (int d = 0; d <= max; d++) {
			int level = d;
			waves.add(units.values().stream().filter(u -> depth.get(u.uuid()) == level).toList());
		}
		waves.add(users);
		waves.add(functions);
		return waves;
	}

	private static int depth(UUID uuid, Map<UUID, StsObject> units, Map<UUID, Integer> depth, int guard) {
		Integer known = depth.get(uuid);
		if (known != null) {
			return known;
		}
		int result = 0;
		StsObject unit = units.get(uuid);
		if (unit != null && guard < 1000) {
			for (Rel rel : unit.relations()) {
				if (rel.name().equals("Overordnet") && units.containsKey(rel.target())) {
					result = Math.max(result, depth(rel.target(), units, depth, guard + 1) + 1);
				}
			}
		}
		depth.put(uuid, result);
		return result;
	}

	private void runWave(ExecutorService pool, List<StsObject> wave, Map<Key, StsPlan.Send> sends, Set<UUID> failed,
			Counters counters) {
		List<Future<?>> futures = new ArrayList<>(wave.size());
		for (StsObject o : wave) {
			futures.add(pool.submit(() -> {
				if (counters.stopped()) {
					return;
				}
				for (UUID dependency : o.dependencies()) {
					if (failed.contains(dependency)) {
						failed.add(o.uuid());
						quarantine(o, "not sent: it refers to " + dependency + ", which could not be sent", true, 0,
								counters);
						return;
					}
				}
				StsPlan.Send planned = sends.get(Key.of(o));
				if (send(o, planned.known(), counters)) {
					counters.succeeded();
					if (planned.ending()) {
						counters.changed.decrementAndGet();
						counters.deactivated.incrementAndGet();
					}
					counters.done.add(StsPlan.change(planned));
				}
				else {
					failed.add(o.uuid());
				}
			}));
		}
		await(futures);
		counters.flush(this.ledger);
	}

	private static void await(List<Future<?>> futures) {
		for (Future<?> f : futures) {
			try {
				f.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AdapterException("publish interrupted", true, ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("publish failed: " + ex.getCause().getMessage(), ex.getCause());
			}
		}
	}

	/**
	 * Sends one object until it is accepted or given up; true when accepted. Not sent
	 * (false, nothing quarantined) when the run stops.
	 */
	boolean send(StsObject o, boolean known, Counters counters) {
		boolean create = !known;
		String hash = o.hash();
		AdapterException last = null;
		boolean retrying = false;
		int switches = 0;
		for (int attempt = 1; attempt <= this.settings.maxAttempts(); attempt++) {
			if (counters.stopped()) {
				return false;
			}
			try {
				if (retrying && !create
						&& this.client.laes(o.kind(), o.uuid()).map(held -> held.hash().equals(hash)).orElse(false)) {
					// the failed attempt was carried out although its answer was lost
					counters.record(this.ledger, o, hash, known);
					counters.changed.incrementAndGet();
					return true;
				}
				retrying = true;
				var retur = create ? this.client.importer(o) : this.client.ret(o);
				int status = retur.getStatusKode().intValue();
				if (status == StsClient.OK) {
					counters.record(this.ledger, o, hash, known);
					(create ? counters.created : counters.changed).incrementAndGet();
					return true;
				}
				boolean switchToRet = create && status == StsClient.EXISTS_OR_PASSIVE;
				boolean switchToImporter = !create && status == StsClient.NOT_FOUND;
				// a switch uses no attempt, but there are no more switches than attempts
				if ((switchToRet || switchToImporter) && ++switches > this.settings.maxAttempts()) {
					quarantine(o,
							"importer and ret disagree: STS Organisation answered " + status + " after "
									+ (switches - 1) + " switches between them: " + retur.getFejlbeskedTekst(),
							false, attempt, counters);
					return false;
				}
				if (switchToRet) {
					Optional<StsObject> existing = this.client.laes(o.kind(), o.uuid());
					if (existing.isEmpty()) {
						quarantine(o, "importer: status 49 and the object is passivated in STS Organisation: "
								+ retur.getFejlbeskedTekst(), false, attempt, counters);
						return false;
					}
					if (existing.get().hash().equals(hash)) {
						// an earlier attempt was carried out although its answer was lost
						counters.record(this.ledger, o, hash, known);
						counters.created.incrementAndGet();
						return true;
					}
					create = false;
					retrying = false;
					attempt--;
					continue;
				}
				if (switchToImporter) {
					create = true;
					retrying = false;
					attempt--;
					continue;
				}
				last = StsClient.failure(o.kind(), create ? "importer" : "ret", o.uuid(), retur);
			}
			catch (AdapterException ex) {
				last = ex;
			}
			if (last instanceof StsFailure f && f.stopsRun()) {
				counters.stop(f);
				return false;
			}
			if (!last.isTemporary()) {
				break;
			}
			if (attempt < this.settings.maxAttempts()) {
				backoff(attempt, last);
			}
		}
		if (counters.stopped()) {
			return false;
		}
		quarantine(o, last.getMessage(), last.isTemporary(), this.settings.maxAttempts(), counters);
		if (last.isTemporary()) {
			counters.failed(last);
		}
		return false;
	}

	/**
	 * Waits before the next attempt: the exponential backoff with jitter (between half
	 * and all of it), or as long as the service asked (Retry-After) when that is longer,
	 * never more than five minutes.
	 */
	private void backoff(int attempt, AdapterException last) {
		long exponential = Math.min(this.settings.maxBackoff().toMillis(),
				this.settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
		long millis = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
		if (last instanceof StsFailure f && f.retryAfter() != null) {
			millis = Math.max(millis, Math.min(f.retryAfter().toMillis(), Duration.ofMinutes(5).toMillis()));
		}
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AdapterException("publish interrupted", true, ex);
		}
	}

	private void quarantine(StsObject o, String reason, boolean temporary, int attempts, Counters counters) {
		log.warn("STS Organisation: {} {} ({}) quarantined: {}", o.kind(), o.uuid(), o.source(), reason);
		this.ledger.quarantine(o, reason, temporary, attempts);
		counters.quarantined.incrementAndGet();
		counters.failed.add(Key.of(o));
	}

	private void deactivateOrphan(StsPlan.Orphan orphan, LocalDate today, Counters counters) {
		Key key = orphan.key();
		if (counters.stopped()) {
			return;
		}
		try {
			Optional<StsObject> held = this.client.laes(key.kind(), key.uuid());
			if (held.isEmpty()) {
				return;
			}
			if (endedBy(held.get(), today)) {
				this.ledger.forget(key);
				return;
			}
			StsObject ended = held.get().endedOn(today);
			if (send(ended, true, counters)) {
				// recorded first, so that forgetting it is the last word
				counters.flush(this.ledger);
				this.ledger.forget(key);
				counters.changed.decrementAndGet();
				counters.deactivated.incrementAndGet();
				counters.done.add(StsPlan.change(new StsPlan.Orphan(key, held.get()), today));
			}
		}
		catch (AdapterException ex) {
			if (ex instanceof StsFailure f && f.stopsRun()) {
				counters.stop(f);
				return;
			}
			log.warn("STS Organisation: cannot deactivate {} {}: {}", key.kind(), key.uuid(), ex.getMessage());
			counters.quarantined.incrementAndGet();
			counters.failed.add(key);
		}
	}

}
