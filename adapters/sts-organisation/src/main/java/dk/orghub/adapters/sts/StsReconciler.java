package dk.orghub.adapters.sts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.core.spi.AdapterException;

/**
 * Full reconciliation: reads every unit, function and user STS Organisation holds
 * ({@code fremsoegobjekthierarki}) and corrects drift. A mapped object STS lacks or holds
 * differently (someone changed it there, or a registration was lost) is forgotten in the
 * ledger and sent again; one the hub sent and no longer maps is deactivated by the normal
 * publish. Objects STS holds that the hub never sent (other systems' data) are counted
 * and left alone. The hierarchy is read in pages of {@value #PAGE}. Adresse and Person
 * objects are not in it: the ones the hub maps are read with {@code list}, {@value #LIST}
 * UUIDs per call ({@code concurrency} calls in flight), and compared the same way.
 */
public final class StsReconciler {

	private static final Logger log = LoggerFactory.getLogger(StsReconciler.class);

	/** The kinds {@code fremsoegobjekthierarki} returns. */
	private static final Set<StsKind> IN_HIERARCHY = EnumSet.of(StsKind.ENHED, StsKind.FUNKTION, StsKind.BRUGER);

	/**
	 * Objects of each kind per {@code fremsoegobjekthierarki} page. KOMBIT documents no
	 * maximum; at 45,000 employees a page of the functions is about 10 MB.
	 */
	static final int PAGE = 5_000;

	/** UUIDs per {@code list} call of Person and Adresse. */
	static final int LIST = 500;

	/**
	 * What a reconciliation found and did.
	 *
	 * @param held the objects read from STS: the hierarchy, and the Adresse and Person
	 * objects the hub maps
	 * @param missing mapped objects STS lacks
	 * @param differing mapped objects STS holds differently
	 * @param foreign objects STS holds that the hub did not send (left alone)
	 * @param corrected the publish that corrected the drift
	 */
	public record Result(int held, int missing, int differing, int foreign, List<Key> drifted,
			StsPublisher.Report corrected) {

	}

	/**
	 * What a reconciliation found, and the publish that would correct it (not sent yet).
	 *
	 * @param plan the correcting publish: the drifted objects, with what STS holds of
	 * them as their old values, and what the hub sent and no longer maps
	 */
	public record Drift(int held, int missing, int differing, int foreign, List<Key> drifted, StsPlan plan) {

		public Drift {
			drifted = List.copyOf(drifted);
		}

	}

	private final StsClient client;

	private final SentLedger ledger;

	private final StsPublisher publisher;

	private final int concurrency;

	StsReconciler(StsClient client, SentLedger ledger, StsPublisher publisher, int concurrency) {
		this.concurrency = Math.max(1, concurrency);
		this.client = client;
		this.ledger = ledger;
		this.publisher = publisher;
	}

	Result reconcile(Map<Key, StsObject> mapped, LocalDate today) {
		return correct(find(mapped, today));
	}

	/** Reads what STS holds and plans the correction; writes nothing. */
	Drift find(Map<Key, StsObject> mapped, LocalDate today) {
		Map<Key, StsObject> held = read(
				mapped.keySet().stream().filter(k -> !IN_HIERARCHY.contains(k.kind())).toList());
		Map<Key, String> sent = this.ledger.hashes();
		List<Key> drifted = new ArrayList<>();
		int missing = 0;
		int differing = 0;
		for (Map.Entry<Key, StsObject> e : mapped.entrySet()) {
			Key key = e.getKey();
			StsObject there = held.get(key);
			if (there == null) {
				if (!StsPublisher.endedBy(e.getValue(), today)) {
					missing++;
					drifted.add(key);
				}
			}
			else if (!there.hash().equals(e.getValue().hash())) {
				differing++;
				drifted.add(key);
			}
		}
		int foreign = 0;
		for (Key key : held.keySet()) {
			if (!mapped.containsKey(key) && !sent.containsKey(key)) {
				foreign++;
			}
		}
		Set<Key> scope = new HashSet<>(drifted);
		// what the hub sent and no longer maps is deactivated as in every publish
		sent.keySet().stream().filter(k -> !mapped.containsKey(k)).forEach(scope::add);
		// a drifted object is forgotten in the ledger and sent again, against what STS
		// holds
		Map<Key, String> remembered = new HashMap<>(sent);
		drifted.forEach(remembered::remove);
		Map<Key, StsObject> heldDrifted = new HashMap<>();
		drifted.stream().filter(held::containsKey).forEach(k -> heldDrifted.put(k, held.get(k)));
		StsPlan plan = this.publisher.plan(mapped, scope, remembered, heldDrifted, new HashSet<>(drifted));
		return new Drift(held.size(), missing, differing, foreign, drifted, plan);
	}

	/**
	 * The hierarchy, read page by page on this thread, and what STS holds of these
	 * objects, read meanwhile with {@code list} in batches of {@value #LIST} per kind
	 * (those it lacks are left out): reading one while the other is parsed keeps client
	 * and service busy at once.
	 */
	private Map<Key, StsObject> read(List<Key> keys) {
		Map<Key, StsObject> result = new ConcurrentHashMap<>();
		Map<StsKind, List<UUID>> byKind = new EnumMap<>(StsKind.class);
		keys.forEach(k -> byKind.computeIfAbsent(k.kind(), kind -> new ArrayList<>()).add(k.uuid()));
		List<Runnable> batches = new ArrayList<>();
		byKind.forEach((kind, uuids) -> {
			for (int from = 0; from < uuids.size(); from += LIST) {
				List<UUID> batch = uuids.subList(from, Math.min(uuids.size(), from + LIST));
				batches.add(() -> this.client.list(kind, batch).forEach(o -> result.put(Key.of(o), o)));
			}
		});
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(this.concurrency, batches.size())));
		try {
			List<Future<?>> reads = new ArrayList<>(batches.size());
			batches.forEach(batch -> reads.add(pool.submit(batch)));
			for (StsObject o : this.client.fremsoegObjekthierarki(PAGE)) {
				result.put(Key.of(o), o);
			}
			for (Future<?> read : reads) {
				read.get();
			}
			return result;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AdapterException("reconcile interrupted", true, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("reconcile failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Carries out the correction a {@link #find} planned. */
	Result correct(Drift drift) {
		StsPublisher.Report report = this.publisher.publish(drift.plan());
		Result result = new Result(drift.held(), drift.missing(), drift.differing(), drift.foreign(), drift.drifted(),
				report);
		log.info("STS Organisation reconcile: held {}, missing {}, differing {}, foreign {}; corrected: {}",
				result.held(), result.missing(), result.differing(), result.foreign(), report);
		return result;
	}

}
