package dk.orghub.adapters.opus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.reconcile.StoreSourceContext;
import dk.orghub.core.rules.RuleContext;
import dk.orghub.core.rules.RulePipeline;
import dk.orghub.core.spi.ChangeBatch;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.InvariantViolationException;
import dk.orghub.core.store.OrgStore;

/**
 * Imports one OPUS dump into the store in one change set: all of it or (when the store
 * refuses it) nothing.
 * <p>
 * The dump is parsed, validated and mapped ({@link #read}); the business rules run on it
 * and on the previous dump (in the hub, its {@code rules} step; in {@link #importFile},
 * this importer's {@link RulePipeline}); then it is diffed against the previous dump when
 * it is given and is the last one applied (the store's token for the source names it), or
 * else against the store ({@link #plan(Read)}). The previous dump is usually the one this
 * importer read last: it is kept as it was mapped and used again, without a second parse,
 * when its persons still have the same UUIDs in the store. New, changed and missing
 * objects follow: a change takes effect from the dump's date (the reconciler keeps what
 * the store holds before it, except that an employment the dump says ended earlier is
 * ended then: {@link Reconciler.Options#endAtEarlierEnd()}); a new object gets its whole
 * validity; an object missing from the dump ends on the dump's date. Objects of rejected
 * records are neither changed nor ended. Dumps older than the last one applied are
 * refused.
 * <p>
 * The change set goes through the {@link Reconciler}, so {@code hub.field-policy} decides
 * the fields OPUS shares with another source: a person's e-mail and phone are shared
 * addresses, offered on every import so that OPUS's value returns when the winner stops
 * delivering it.
 */
public final class OpusImporter {

	private static final Logger log = LoggerFactory.getLogger(OpusImporter.class);

	private final OpusConfig config;

	private final OpusDumpReader reader;

	private final OrgStore store;

	private final Reconciler reconciler;

	private final Clock clock;

	private final RulePipeline rules;

	/** The dump read last; one thread reads at a time. */
	private volatile Kept kept;

	/**
	 * An importer whose own imports run OPUS's default rules
	 * ({@link OpusConfig#rules()}).
	 */
	public OpusImporter(OpusConfig config, OrgStore store, FieldPolicy policy, Clock clock) {
		this(config, store, policy, clock, RulePipeline.of(config.rules()));
	}

	/**
	 * @param rules the business rules {@link #importFile} runs; the hub runs its own rule
	 * step on what {@link OpusFileInbox#read} delivers and does not use these
	 */
	public OpusImporter(OpusConfig config, OrgStore store, FieldPolicy policy, Clock clock, RulePipeline rules) {
		this.config = Objects.requireNonNull(config, "config");
		this.reader = new OpusDumpReader(config);
		this.store = Objects.requireNonNull(store, "store");
		this.reconciler = new Reconciler(store, policy, Reconciler.Options.NONE.withEndAtEarlierEnd(true));
		this.clock = Objects.requireNonNull(clock, "clock");
		this.rules = Objects.requireNonNull(rules, "rules");
	}

	public OpusConfig config() {
		return this.config;
	}

	/** The file name of the last dump applied, if any. */
	public Optional<String> lastImported() {
		return this.store.token(this.config.sourceName());
	}

	/**
	 * Imports a dump: {@link #plan} and, unless a preview, the store's apply. The hub
	 * applies a plan itself (through {@link OpusFileInbox}); this is the adapter's own
	 * import, for {@link OpusInbox}.
	 * @param previous the previous dump file, used for the diff when it is the last one
	 * applied; may be {@code null}
	 * @param preview compute and check the changes without writing them
	 * @return the report; status {@link ImportReport.Status#REJECTED} when the whole file
	 * was refused (nothing written)
	 */
	public ImportReport importFile(Path file, Path previous, boolean preview) {
		Planned planned = plan(file, previous);
		if (planned.error() != null) {
			return planned.report(ImportReport.Status.REJECTED, null, planned.error());
		}
		try {
			ApplyResult result = preview ? this.store.preview(planned.changes()) : this.store.apply(planned.changes());
			ImportReport.Status status = preview ? ImportReport.Status.PREVIEW
					: (result.changes().isEmpty() ? ImportReport.Status.UNCHANGED : ImportReport.Status.APPLIED);
			ImportReport report = planned.report(status, result, null);
			log.info("OPUS dump {}: {} ({} changes, {} rejected records, {} warnings) in {} ms", report.file(), status,
					result.changes().size(), report.rejected().size(), report.warnings().size(),
					report.duration().toMillis());
			return report;
		}
		catch (InvariantViolationException ex) {
			log.warn("OPUS dump {} refused by the store, nothing applied: {}", planned.file(), ex.getMessage());
			return planned.report(ImportReport.Status.REJECTED, null,
					"the store refused the changes: " + ex.getMessage());
		}
	}

	/**
	 * Plans a dump without writing anything: {@link #read}, the rules this importer was
	 * made with, and {@link #plan(Read)}.
	 * @param previous the previous dump file, used for the diff when it is the last one
	 * applied; may be {@code null}
	 */
	Planned plan(Path file, Path previous) {
		Read read = read(file, previous);
		if (read.error() != null || this.rules.isEmpty()) {
			return plan(read);
		}
		RuleContext context = RuleContext.of(this.store);
		return plan(read.with(this.rules.apply(read.current().objectList(), context),
				(read.before() != null) ? this.rules.apply(read.before().objectList(), context) : List.of()));
	}

	/**
	 * Reads and maps a dump, and the previous dump when it is given and is the last one
	 * applied (the base of the diff), without the business rules and without planning.
	 * @param previous the previous dump file; may be {@code null}
	 */
	Read read(Path file, Path previous) {
		long start = System.nanoTime();
		String name = file.getFileName().toString();
		MappedDump current = null;
		try {
			LocalDateTime time = OpusDumpReader.exportTime(file);
			Optional<String> token = lastImported();
			if (token.isPresent() && OpusDumpReader.FILE_NAME.matcher(token.get()).matches()
					&& OpusDumpReader.exportTime(Path.of(token.get())).isAfter(time)) {
				throw new OpusFileException(file, -1, "dates out of order: the dump is older than " + token.get()
						+ ", the last dump applied; dumps must be imported in the order of their time stamps");
			}
			Function<String, UUID> persons = OpusDumpReader
				.personUuids(new StoreSourceContext(this.store, this.config.sourceName(), this.clock));
			current = this.reader.read(file, persons);
			MappedDump before = null;
			if (previous != null && token.isPresent() && previous.getFileName().toString().equals(token.get())) {
				before = kept(previous, persons);
				if (before == null) {
					before = this.reader.read(previous, persons);
				}
			}
			this.kept = new Kept(name, size(file), current);
			return new Read(name, current, before, token.orElse(null), null, start);
		}
		catch (OpusFileException ex) {
			log.warn("OPUS dump {} rejected, nothing applied: {}", name, ex.getMessage());
			return new Read(name, current, null, null, ex.getMessage(), start);
		}
	}

	/**
	 * The dump read last, as it was mapped, when it is the file given and maps the same
	 * today: same name and size, and each of its persons has the UUID the store gives the
	 * person now (the rest of the mapping depends on the file alone); else {@code null}.
	 */
	private MappedDump kept(Path file, Function<String, UUID> persons) {
		Kept last = this.kept;
		if (last == null || !last.file().equals(file.getFileName().toString()) || last.size() != size(file)) {
			return null;
		}
		for (DesiredObject<?> object : last.dump().objects().values()) {
			if (object.type() == ObjectType.PERSON && !object.uuid().equals(persons.apply(object.externalId()))) {
				return null;
			}
		}
		return last.dump();
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * The dump read last, as mapped before the rules: usually the base of the next diff,
	 * which then needs no second parse.
	 */
	private record Kept(String file, long size, MappedDump dump) {

	}

	/**
	 * Plans a dump that was {@link #read} (with the hub's rules applied to it and to its
	 * base): the change set (with the dump's name as the source's token, unless it is the
	 * last dump applied already), or why the whole file is refused. Diffed against the
	 * previous dump when there is one, else against the store; through the
	 * {@link Reconciler} with the dump's date as the effective date and
	 * {@link Reconciler.Options#endAtEarlierEnd()}.
	 */
	Planned plan(Read read) {
		if (read.error() != null) {
			return new Planned(read.file(), read.current(), false, null, List.of(), read.error(), read.start());
		}
		LocalDate effectiveFrom = (read.token() != null) ? read.current().date() : null;
		ChangeBatch batch = plan(read.current(), read.before(), effectiveFrom, read.file());
		ChangeSet changes = this.reconciler.plan(this.config.sourceName(), OpusDumpReader.ownership(), batch);
		if (read.file().equals(read.token())) {
			changes = withoutToken(changes);
		}
		return new Planned(read.file(), read.current(), read.before() != null, changes,
				leaveNotes(read.current(), batch), null, read.start());
	}

	/**
	 * A dump read and mapped, not yet planned.
	 *
	 * @param current the dump, or {@code null} when it could not be read
	 * @param before the previous dump when it is the base of the diff, else {@code null}
	 * @param token the store's token for the source (the last dump applied), or
	 * {@code null}
	 * @param error why the whole file is refused, else {@code null}
	 * @param start when reading started ({@link System#nanoTime()})
	 */
	record Read(String file, MappedDump current, MappedDump before, String token, String error, long start) {

		/** The same read with the objects the rules gave for the dump and its base. */
		Read with(List<DesiredObject<?>> currentObjects, List<DesiredObject<?>> beforeObjects) {
			return new Read(this.file, this.current.withObjects(currentObjects),
					(this.before != null) ? this.before.withObjects(beforeObjects) : null, this.token, this.error,
					this.start);
		}

	}

	/**
	 * A planned dump: the change set, or the error that refuses the whole file.
	 *
	 * @param mapped the dump as read, or {@code null} when it could not be read
	 * @param delta whether it was diffed against the previous dump (else the store)
	 * @param changes the change set; {@code null} when the file is refused
	 * @param notes what each bare leave record did
	 * @param error why the whole file is refused, else {@code null}
	 * @param start when planning started ({@link System#nanoTime()})
	 */
	record Planned(String file, MappedDump mapped, boolean delta, ChangeSet changes, List<RecordProblem> notes,
			String error, long start) {

		int delivered() {
			return (this.mapped != null) ? this.mapped.objects().size() : 0;
		}

		List<RecordProblem> rejected() {
			return (this.mapped != null) ? this.mapped.rejected() : List.of();
		}

		List<RecordProblem> warnings() {
			return (this.mapped != null) ? this.mapped.warnings() : List.of();
		}

		/** The report of the plan, once written (or refused). */
		ImportReport report(ImportReport.Status status, ApplyResult result, String error) {
			return new ImportReport(this.file, status, (this.mapped != null) ? this.mapped.date() : null, this.delta,
					delivered(), rejected(), warnings(), (error != null) ? List.of() : this.notes, result, error,
					Duration.ofNanos(System.nanoTime() - this.start));
		}

	}

	/**
	 * The same change set without the token: re-importing the last dump writes nothing.
	 */
	private static ChangeSet withoutToken(ChangeSet changes) {
		ChangeSet.Builder builder = ChangeSet.by(changes.actor()).note(changes.note());
		changes.operations().forEach(builder::add);
		changes.bindings().forEach(b -> builder.bind(b.source(), b.type(), b.externalId(), b.uuid()));
		changes.releases().forEach(b -> builder.release(b.source(), b.type(), b.externalId(), b.uuid()));
		return builder.build();
	}

	/**
	 * What each bare leave record did: ended the employment, or nothing, because the hub
	 * never had it or it had ended already. None is a problem.
	 */
	private List<RecordProblem> leaveNotes(MappedDump current, ChangeBatch batch) {
		if (current.leaves().isEmpty()) {
			return List.of();
		}
		Map<String, LocalDate> ending = new HashMap<>();
		batch.ended()
			.stream()
			.filter((e) -> e.type() == ObjectType.ENGAGEMENT)
			.forEach((e) -> ending.put(e.externalId(), e.date()));
		Set<String> known = this.store.identities(this.config.sourceName(), ObjectType.ENGAGEMENT).keySet();
		List<RecordProblem> notes = new ArrayList<>();
		for (RecordProblem leave : current.leaves()) {
			String reason;
			if (ending.containsKey(leave.id())) {
				reason = "leave of employment " + leave.id() + ": ended from " + ending.get(leave.id());
			}
			else if (known.contains(leave.id())) {
				reason = "leave of employment " + leave.id() + ": it has ended already, nothing to end";
			}
			else {
				reason = "leave of unknown employment " + leave.id() + ": nothing to end";
			}
			notes.add(new RecordProblem(leave.file(), leave.line(), leave.element(), leave.id(), reason));
		}
		return notes;
	}

	ChangeBatch plan(MappedDump current, MappedDump before, LocalDate effectiveFrom, String token) {
		Map<String, DesiredObject<?>> candidates = new LinkedHashMap<>();
		List<String> ended = new ArrayList<>();
		if (before != null) {
			current.objects().forEach((key, object) -> {
				DesiredObject<?> old = before.objects().get(key);
				if (old == null || !old.timeline().equals(object.timeline())) {
					candidates.put(key, object);
				}
			});
			before.objects().forEach((key, object) -> {
				if (!current.objects().containsKey(key) && !current.protectedKeys().contains(key)
						&& object.type() != ObjectType.KLASSE) {
					ended.add(key);
				}
			});
			current.objects().forEach((key, object) -> {
				if (sharedWithOtherSources(object)) {
					candidates.putIfAbsent(key, object);
				}
			});
		}
		else {
			candidates.putAll(current.objects());
			for (ObjectType type : OpusDumpReader.SCOPE) {
				for (String externalId : this.store.identities(this.config.sourceName(), type).keySet()) {
					String key = MappedDump.key(type, externalId);
					if (!current.objects().containsKey(key) && !current.protectedKeys().contains(key)) {
						ended.add(key);
					}
				}
			}
		}
		Set<UUID> keptPersons = personsOfProtectedEngagements(current);
		List<ChangeBatch.EndedObject> endings = new ArrayList<>();
		Map<String, UUID> boundPersons = keptPersons.isEmpty() ? Map.of()
				: this.store.identities(this.config.sourceName(), ObjectType.PERSON);
		LocalDate endDate = (effectiveFrom != null) ? effectiveFrom : current.date();
		for (String key : ended) {
			int slash = key.indexOf('/');
			ObjectType type = ObjectType.valueOf(key.substring(0, slash));
			String externalId = key.substring(slash + 1);
			UUID bound = boundPersons.get(externalId);
			if (type == ObjectType.PERSON && bound != null && keptPersons.contains(bound)) {
				continue;
			}
			endings.add(new ChangeBatch.EndedObject(type, externalId, endDate));
		}
		return new ChangeBatch(new ArrayList<>(candidates.values()), endings, token, false, effectiveFrom);
	}

	/**
	 * A person's address, which the directory may deliver too: offered on every import,
	 * unchanged or not, so that it takes the dump's value again when the source that won
	 * it stops delivering it (the reconciler keeps a winner's value while it delivers).
	 */
	private static boolean sharedWithOtherSources(DesiredObject<?> object) {
		return object.type() == ObjectType.ADDRESS && object.timeline()
			.segments()
			.stream()
			.anyMatch(s -> ((Address) s.value()).ownerKind() == OwnerKind.PERSON);
	}

	private Set<UUID> personsOfProtectedEngagements(MappedDump current) {
		List<UUID> engagements = new ArrayList<>();
		Map<String, UUID> bound = null;
		for (String key : current.protectedKeys()) {
			if (key.startsWith(ObjectType.ENGAGEMENT.name() + "/")) {
				if (bound == null) {
					bound = this.store.identities(this.config.sourceName(), ObjectType.ENGAGEMENT);
				}
				UUID uuid = bound.get(key.substring(key.indexOf('/') + 1));
				if (uuid != null) {
					engagements.add(uuid);
				}
			}
		}
		if (engagements.isEmpty()) {
			return Set.of();
		}
		Set<UUID> persons = new HashSet<>();
		Collection<Timeline<Engagement>> timelines = this.store.currentTimelines(Engagement.class, engagements)
			.values();
		timelines.forEach(t -> t.segments().forEach(s -> persons.add(s.value().person())));
		return persons;
	}

}
