package dk.orghub.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Registration;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Versioned;

/**
 * The canonical, bitemporal organisation store.
 * <p>
 * Reads look at a {@link ReadPoint}: a validity date and a registration time. Writes go
 * in as {@link ChangeSet}s, each applied in one transaction after the model's invariants
 * are checked; a rejected change set changes nothing. Nothing is updated in place or
 * deleted: a change is a new registration that supersedes the versions it replaces.
 * <p>
 * Implementations are thread-safe; change sets are applied one at a time.
 */
public interface OrgStore {

	/**
	 * The version of an object valid at {@code point.at()} as known at
	 * {@code point.registeredAt()}.
	 */
	<T extends OrgObject> Optional<Versioned<T>> get(Class<T> type, UUID uuid, ReadPoint point);

	/** The versions valid at the query's read point, filtered and paged. */
	<T extends OrgObject> Page<Versioned<T>> list(Query<T> query);

	/**
	 * How many of the versions {@link #list} finds (ignoring its paging) name each object
	 * in the reference field {@code field}, e.g. the engagements of each unit at a date;
	 * objects no version names are left out.
	 * @throws IllegalArgumentException when the type cannot be filtered by {@code field}
	 */
	<T extends OrgObject> Map<UUID, Integer> countBy(Query<T> query, String field);

	/** Every version of an object ever registered, oldest registration first. */
	<T extends OrgObject> List<Versioned<T>> history(Class<T> type, UUID uuid);

	/** An object's timeline (all validity segments) as known at {@code registeredAt}. */
	<T extends OrgObject> Timeline<T> timeline(Class<T> type, UUID uuid, Instant registeredAt);

	/**
	 * The current timelines (as known now) of many objects of one type, read in batches;
	 * objects that do not exist are absent from the result.
	 */
	<T extends OrgObject> Map<UUID, Timeline<T>> currentTimelines(Class<T> type, Collection<UUID> uuids);

	/**
	 * The current timelines (as known now) of every object of a type, e.g. for a full
	 * publish to a target.
	 */
	<T extends OrgObject> Map<UUID, Timeline<T>> allCurrentTimelines(Class<T> type);

	/**
	 * The current timelines of the engagements that have a primary flag chosen by hand in
	 * some version (the primary-engagement rule keeps those choices); usually few, so
	 * they are found without naming every engagement.
	 */
	Map<UUID, Timeline<Engagement>> engagementsWithPrimaryByHand();

	/**
	 * Applies a change set in one transaction.
	 * @throws InvariantViolationException if the result would break a rule of the model;
	 * nothing is written then
	 */
	ApplyResult apply(ChangeSet changeSet);

	/**
	 * Applies a change set in one transaction if {@code proceed} accepts the computed and
	 * checked result, which it sees before anything is written (a safety threshold, for
	 * example); otherwise writes nothing and returns that result with
	 * {@link ApplyResult#applied()} false. Checks the change set once, unlike a
	 * {@link #preview} followed by an {@link #apply}.
	 * @throws InvariantViolationException as {@link #apply(ChangeSet)}
	 */
	ApplyResult apply(ChangeSet changeSet, java.util.function.Predicate<ApplyResult> proceed);

	/** Computes and validates what {@link #apply} would do, without writing anything. */
	ApplyResult preview(ChangeSet changeSet);

	/** The UUID a source's external id is bound to. */
	Optional<UUID> identity(String source, ObjectType type, String externalId);

	/** All of a source's bindings for a type: external id to UUID. */
	Map<String, UUID> identities(String source, ObjectType type);

	/**
	 * The sources with a binding to each of the objects, each source once, the one bound
	 * first first; objects no source is bound to are left out.
	 */
	Map<UUID, List<String>> boundSources(ObjectType type, Collection<UUID> uuids);

	/**
	 * The UUID for an external id the source has no binding for yet (a new person's CPR
	 * number): the same for the same source, type and id on every call and on every
	 * instance sharing the store, so that planning an unchanged input twice gives the
	 * same plan. It is a keyed digest with a secret drawn once per store, so it cannot be
	 * found from the id without the store, unlike a plain name-based UUID. The binding is
	 * made when a change set that uses it is applied.
	 */
	UUID newIdentity(String source, ObjectType type, String externalId);

	/**
	 * The registrations (applied change sets) of an actor at or after a time, oldest
	 * first: what a run that was cut off had committed.
	 */
	List<Registration> registrations(Actor actor, Instant since);

	/** The change-feed token last stored for a source. */
	Optional<String> token(String source);

	/**
	 * The time of the latest registration (applied change set), the epoch when there is
	 * none: a reader that loaded the store at or after it holds every change.
	 */
	Instant lastRegistered();

}
