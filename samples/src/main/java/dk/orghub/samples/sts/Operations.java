package dk.orghub.samples.sts;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;

import dk.orghub.samples.sts.StsRegistry.Kind;
import dk.orghub.xsd.sts.sagdok.BasicOutputType;
import dk.orghub.xsd.sts.sagdok.FlerRelationType;
import dk.orghub.xsd.sts.sagdok.IdListeType;
import dk.orghub.xsd.sts.sagdok.RegistreringType;
import dk.orghub.xsd.sts.sagdok.RelationType;
import dk.orghub.xsd.sts.sagdok.SoegInputType;
import dk.orghub.xsd.sts.sagdok.SoegOutputType;
import dk.orghub.xsd.sts.sagdok.StandardReturType;
import dk.orghub.xsd.sts.sagdok.UnikIdType;

/**
 * The behaviour shared by every object service of the local STS Organisation service:
 * status codes, references, registration times and injected faults.
 */
final class Operations {

	static final int OK = 20;

	static final int BAD_INPUT = 40;

	static final int TIME_AHEAD = 45;

	static final int NOT_FOUND = 44;

	static final int PASSIVE_OR_EXISTS = 49;

	private final StsRegistry registry;

	private final Clock clock;

	private final LocalStsService.Behaviour behaviour;

	private final Random random;

	private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

	Operations(StsRegistry registry, Clock clock, LocalStsService.Behaviour behaviour, long seed) {
		this.registry = registry;
		this.clock = clock;
		this.behaviour = behaviour;
		this.random = new Random(seed);
	}

	/** A reference from one object to another that must exist. */
	record Ref(String relation, Kind kind, String uuid) {

	}

	/** Runs one call with the configured faults around it. */
	<T> T call(Supplier<T> work) {
		Fault fault = nextFault();
		if (fault == Fault.BEFORE) {
			throw new SoapFault("Injected fault: the service is temporarily unavailable",
					Soap12.getInstance().getReceiver());
		}
		T result = work.get();
		if (fault == Fault.AFTER) {
			throw new SoapFault("Injected fault after the call was carried out", Soap12.getInstance().getReceiver());
		}
		return result;
	}

	private enum Fault {

		NONE, BEFORE, AFTER

	}

	private Fault nextFault() {
		double share = this.behaviour.faultShare();
		if (share <= 0) {
			return Fault.NONE;
		}
		synchronized (this.random) {
			if (this.random.nextDouble() >= share) {
				return Fault.NONE;
			}
			return this.random.nextBoolean() ? Fault.BEFORE : Fault.AFTER;
		}
	}

	/**
	 * {@code importer}: stores a new object (49 when the UUID exists). Synchronized with
	 * {@code ret} and {@code passiver}, so two callers of the same UUID are answered one
	 * after the other.
	 */
	synchronized BasicOutputType importer(Kind kind, String uuid, RegistreringType registration,
			Function<RegistreringType, List<Ref>> refs, Function<RegistreringType, String> pattern) {
		return counted("importer", storeNew(kind, uuid, registration, refs, pattern));
	}

	private BasicOutputType storeNew(Kind kind, String uuid, RegistreringType registration,
			Function<RegistreringType, List<Ref>> refs, Function<RegistreringType, String> pattern) {
		String timeError = timeError(registration);
		if (timeError != null) {
			return basic(TIME_AHEAD, timeError);
		}
		if (this.registry.exists(kind, uuid)) {
			return basic(PASSIVE_OR_EXISTS, kind + " " + uuid + " findes allerede");
		}
		if (this.behaviour.refuses(uuid)) {
			return basic(BAD_INPUT, kind + " " + uuid + " afvist af den lokale tjeneste");
		}
		String error = check(uuid, registration, refs, pattern);
		if (error != null) {
			return basic(BAD_INPUT, error);
		}
		this.registry.put(kind, uuid, registration);
		return basic(OK, null);
	}

	/** {@code ret}: a new registration of an existing object (44 when it is unknown). */
	synchronized BasicOutputType ret(Kind kind, String uuid, UnaryOperator<RegistreringType> merge,
			Function<RegistreringType, List<Ref>> refs, Function<RegistreringType, String> pattern) {
		return counted("ret", storeChanged(kind, uuid, merge, refs, pattern));
	}

	private BasicOutputType storeChanged(Kind kind, String uuid, UnaryOperator<RegistreringType> merge,
			Function<RegistreringType, List<Ref>> refs, Function<RegistreringType, String> pattern) {
		StsRegistry.Stored stored = this.registry.get(kind, uuid).orElse(null);
		if (stored == null) {
			return basic(NOT_FOUND, kind + " " + uuid + " findes ikke");
		}
		if (stored.passivated()) {
			return basic(PASSIVE_OR_EXISTS, kind + " " + uuid + " er passiveret");
		}
		if (this.behaviour.refuses(uuid)) {
			return basic(BAD_INPUT, kind + " " + uuid + " afvist af den lokale tjeneste");
		}
		RegistreringType merged = merge.apply(stored.registration());
		String timeError = timeError(merged);
		if (timeError != null) {
			return basic(TIME_AHEAD, timeError);
		}
		String error = check(uuid, merged, refs, pattern);
		if (error != null) {
			return basic(BAD_INPUT, error);
		}
		this.registry.put(kind, uuid, merged);
		return basic(OK, null);
	}

	/** {@code passiver}. */
	synchronized BasicOutputType passiver(Kind kind, String uuid) {
		if (!this.registry.exists(kind, uuid)) {
			return counted("passiver", basic(NOT_FOUND, kind + " " + uuid + " findes ikke"));
		}
		this.registry.passivate(kind, uuid);
		return counted("passiver", basic(OK, null));
	}

	private BasicOutputType counted(String operation, BasicOutputType output) {
		this.answers
			.computeIfAbsent(operation + " " + output.getStandardRetur().getStatusKode(), (k) -> new LongAdder())
			.increment();
		return output;
	}

	/**
	 * The writing calls answered so far, per operation and status code, e.g.
	 * {@code "importer 20"}, {@code "importer 49"}, {@code "ret 20"}.
	 */
	Map<String, Long> answers() {
		Map<String, Long> result = new TreeMap<>();
		this.answers.forEach((key, count) -> result.put(key, count.sum()));
		return result;
	}

	/** The stored registration, or {@code null} with the status set on {@code output}. */
	RegistreringType laes(Kind kind, String uuid, BasicOutputType output) {
		StsRegistry.Stored stored = this.registry.get(kind, uuid).orElse(null);
		if (stored == null || stored.passivated()) {
			output.setStandardRetur(retur(NOT_FOUND, kind + " " + uuid + " findes ikke"));
			return null;
		}
		output.setStandardRetur(retur(OK, null));
		return stored.registration();
	}

	/**
	 * {@code list}: the stored registration of each of these objects, in the order asked;
	 * objects it lacks or passivated are left out. Status 20, or 40 without a UUID.
	 */
	StandardReturType list(Kind kind, List<String> uuids, BiConsumer<String, RegistreringType> into) {
		if (uuids.isEmpty()) {
			return retur(BAD_INPUT, "list uden UUID");
		}
		for (String uuid : uuids) {
			StsRegistry.Stored stored = this.registry.get(kind, uuid).orElse(null);
			if (stored != null && !stored.passivated()) {
				into.accept(uuid, stored.registration());
			}
		}
		return retur(OK, null);
	}

	SoegOutputType soeg(Kind kind, SoegInputType input, Function<RegistreringType, String> userKey,
			String wantedUserKey) {
		List<String> matches = new ArrayList<>();
		for (String uuid : this.registry.uuids(kind)) {
			StsRegistry.Stored stored = this.registry.get(kind, uuid).orElseThrow();
			if (stored.passivated()) {
				continue;
			}
			if (wantedUserKey == null || wantedUserKey.equals(userKey.apply(stored.registration()))) {
				matches.add(uuid);
			}
		}
		int first = (input.getFoersteResultatReference() != null) ? input.getFoersteResultatReference().intValue() : 0;
		int max = (input.getMaksimalAntalKvantitet() != null) ? input.getMaksimalAntalKvantitet().intValue()
				: Integer.MAX_VALUE;
		SoegOutputType output = new SoegOutputType();
		output.setStandardRetur(retur(OK, null));
		IdListeType ids = new IdListeType();
		ids.getUUIDIdentifikator()
			.addAll(matches.subList(Math.min(first, matches.size()),
					(int) Math.min((long) first + max, matches.size())));
		output.setIdListe(ids);
		return output;
	}

	static BasicOutputType basic(int status, String message) {
		BasicOutputType output = new BasicOutputType();
		output.setStandardRetur(retur(status, message));
		return output;
	}

	static StandardReturType retur(int status, String message) {
		StandardReturType retur = new StandardReturType();
		retur.setStatusKode(BigInteger.valueOf(status));
		retur.setFejlbeskedTekst((message != null) ? message : "OK");
		return retur;
	}

	static void refs(List<Ref> into, String relation, Kind kind, Collection<? extends RelationType> relations) {
		for (RelationType relation1 : relations) {
			into.add(new Ref(relation, kind, uuidOf(relation1.getReferenceID())));
		}
	}

	static void ref(List<Ref> into, String relation, Kind kind, RelationType relation1) {
		if (relation1 != null) {
			into.add(new Ref(relation, kind, uuidOf(relation1.getReferenceID())));
		}
	}

	static void flerRefs(List<Ref> into, String relation, Kind kind, Collection<? extends FlerRelationType> relations) {
		for (FlerRelationType relation1 : relations) {
			into.add(new Ref(relation, kind, uuidOf(relation1.getReferenceID())));
		}
	}

	static void flerRef(List<Ref> into, String relation, Kind kind, FlerRelationType relation1) {
		if (relation1 != null) {
			into.add(new Ref(relation, kind, uuidOf(relation1.getReferenceID())));
		}
	}

	private static String uuidOf(UnikIdType id) {
		return (id != null) ? id.getUUIDIdentifikator() : null;
	}

	private String check(String uuid, RegistreringType registration, Function<RegistreringType, List<Ref>> refs,
			Function<RegistreringType, String> pattern) {
		String error = pattern.apply(registration);
		if (error != null) {
			return error;
		}
		for (Ref ref : refs.apply(registration)) {
			if (ref.uuid() == null) {
				return ref.relation() + " har ingen reference";
			}
			if (ref.uuid().equalsIgnoreCase(uuid) && ref.kind() == Kind.ENHED && "Overordnet".equals(ref.relation())) {
				return "en enhed kan ikke være sin egen overordnede";
			}
			if (!this.registry.exists(ref.kind(), ref.uuid())) {
				return ref.relation() + " peger på et ukendt objekt: " + ref.kind() + " " + ref.uuid();
			}
		}
		return null;
	}

	private String timeError(RegistreringType registration) {
		if (registration.getTidspunkt() == null) {
			return null;
		}
		Instant sent = registration.getTidspunkt().toGregorianCalendar().toInstant();
		if (sent.isAfter(this.clock.instant())) {
			return "Registreringstidspunktet " + sent + " ligger efter serverens tid";
		}
		return null;
	}

}
