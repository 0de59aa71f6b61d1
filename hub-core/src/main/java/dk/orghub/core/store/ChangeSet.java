package dk.orghub.core.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/**
 * A set of changes applied in one transaction: all of it or none. Operations apply in
 * order; several operations may name the same object.
 * <p>
 * Besides object changes a change set may bind a source's external ids to UUIDs and store
 * a source's change-feed token, so that both are written with the data they belong to,
 * and release a source's bindings (the source no longer delivers the object, which
 * another source still does).
 */
public final class ChangeSet {

	private final Actor actor;

	private final String note;

	private final List<Operation> operations;

	private final List<IdentityBinding> bindings;

	private final List<IdentityBinding> releases;

	private final Map<String, String> tokens;

	private ChangeSet(Builder builder) {
		this.actor = builder.actor;
		this.note = builder.note;
		this.operations = List.copyOf(builder.operations);
		this.bindings = List.copyOf(builder.bindings);
		this.releases = List.copyOf(builder.releases);
		this.tokens = Map.copyOf(builder.tokens);
	}

	public static Builder by(Actor actor) {
		return new Builder(actor);
	}

	public Actor actor() {
		return this.actor;
	}

	public String note() {
		return this.note;
	}

	public List<Operation> operations() {
		return this.operations;
	}

	public List<IdentityBinding> bindings() {
		return this.bindings;
	}

	/** Bindings to delete (before the new ones are made). */
	public List<IdentityBinding> releases() {
		return this.releases;
	}

	/** Change-feed tokens to store, by source name. */
	public Map<String, String> tokens() {
		return this.tokens;
	}

	public boolean isEmpty() {
		return this.operations.isEmpty() && this.bindings.isEmpty() && this.releases.isEmpty() && this.tokens.isEmpty();
	}

	/** One change to one object. */
	public sealed interface Operation permits Put, Remove, Replace {

		ObjectType type();

		UUID uuid();

	}

	/**
	 * The object has {@code value} over {@code validity}, replacing what held there
	 * before.
	 */
	public record Put(OrgObject value, Validity validity) implements Operation {

		public Put {
			Objects.requireNonNull(value, "value");
			Objects.requireNonNull(validity, "validity");
		}

		@Override
		public ObjectType type() {
			return this.value.type();
		}

		@Override
		public UUID uuid() {
			return this.value.uuid();
		}

	}

	/**
	 * The object does not exist over {@code validity} (ending it, or cancelling a
	 * period).
	 */
	public record Remove(ObjectType type, UUID uuid, Validity validity) implements Operation {

		public Remove {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(uuid, "uuid");
			Objects.requireNonNull(validity, "validity");
		}

	}

	/**
	 * The object's whole timeline is {@code timeline} (an empty one removes it entirely).
	 */
	public record Replace(ObjectType type, UUID uuid, Timeline<?> timeline) implements Operation {

		public Replace {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(uuid, "uuid");
			Objects.requireNonNull(timeline, "timeline");
		}

	}

	/** A source's external id for an object. */
	public record IdentityBinding(String source, ObjectType type, String externalId, UUID uuid) {

	}

	public static final class Builder {

		private final Actor actor;

		private String note;

		private final List<Operation> operations = new ArrayList<>();

		private final List<IdentityBinding> bindings = new ArrayList<>();

		private final List<IdentityBinding> releases = new ArrayList<>();

		private final Map<String, String> tokens = new LinkedHashMap<>();

		private Builder(Actor actor) {
			this.actor = Objects.requireNonNull(actor, "actor");
		}

		public Builder note(String note) {
			this.note = note;
			return this;
		}

		public Builder put(OrgObject value, Validity validity) {
			this.operations.add(new Put(value, validity));
			return this;
		}

		/** Ends the object: it does not exist from {@code date} on. */
		public Builder end(ObjectType type, UUID uuid, LocalDate date) {
			this.operations.add(new Remove(type, uuid, Validity.from(date)));
			return this;
		}

		public Builder remove(ObjectType type, UUID uuid, Validity validity) {
			this.operations.add(new Remove(type, uuid, validity));
			return this;
		}

		public Builder replace(ObjectType type, UUID uuid, Timeline<?> timeline) {
			this.operations.add(new Replace(type, uuid, timeline));
			return this;
		}

		public Builder add(Operation operation) {
			this.operations.add(operation);
			return this;
		}

		public Builder bind(String source, ObjectType type, String externalId, UUID uuid) {
			this.bindings.add(new IdentityBinding(source, type, externalId, uuid));
			return this;
		}

		/** Deletes the binding of a source's external id to the UUID. */
		public Builder release(String source, ObjectType type, String externalId, UUID uuid) {
			this.releases.add(new IdentityBinding(source, type, externalId, uuid));
			return this;
		}

		public Builder token(String source, String token) {
			this.tokens.put(source, token);
			return this;
		}

		public int size() {
			return this.operations.size();
		}

		public ChangeSet build() {
			return new ChangeSet(this);
		}

	}

}
