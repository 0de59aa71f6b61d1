package dk.orghub.routes.sync;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Registration;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.store.OrgStore;

/**
 * Which source holds each field of an object, so that a local edit of it is refused (the
 * source would put its value back at its next run). The sources of an object are the ones
 * bound to it and the one that registered it first. A source holds a field as the
 * reconciler decides it for an object of one source: the winner {@code hub.field-policy}
 * names, else every source that declares it owns the field. A policy entry naming no
 * source of the object (e.g. {@code "[ORG_UNIT.payoutUnit]": hub}) leaves the field to
 * local edits.
 */
public final class FieldOwners {

	private final OrgStore store;

	private final FieldPolicy policy;

	private final Map<String, SourceOwnership> ownerships;

	/**
	 * @param store where the bindings and the first registration are read
	 * @param policy the configured winners
	 * @param ownerships what each source (by the name it registers under) owns
	 */
	public FieldOwners(OrgStore store, FieldPolicy policy, Map<String, SourceOwnership> ownerships) {
		this.store = store;
		this.policy = policy;
		this.ownerships = Map.copyOf(ownerships);
	}

	/**
	 * The sources of the object: bound to it, or the one that registered it first; empty
	 * for an object made locally.
	 */
	public List<String> sources(OrgObject value) {
		UUID uuid = value.uuid();
		List<String> sources = new ArrayList<>(
				this.store.boundSources(value.type(), List.of(uuid)).getOrDefault(uuid, List.of()));
		List<? extends Versioned<? extends OrgObject>> history = this.store.history(value.type().javaType(), uuid);
		if (!history.isEmpty()) {
			Registration first = history.get(0).registration();
			if (first.actor().kind() == Actor.Kind.SOURCE && !sources.contains(first.actor().name())) {
				sources.add(first.actor().name());
			}
		}
		return sources;
	}

	/**
	 * The fields of the object a source holds, each with that source (the first of its
	 * sources that holds it), in the record's order.
	 * @param value the object as stored (its type and, for an address, its address type
	 * count)
	 */
	public Map<String, String> fields(OrgObject value) {
		return fields(value, sources(value));
	}

	/** The fields the given sources hold of the object, each with its source. */
	public Map<String, String> fields(OrgObject value, Collection<String> sources) {
		Map<String, String> owners = new LinkedHashMap<>();
		for (RecordComponent component : value.getClass().getRecordComponents()) {
			String field = component.getName();
			if ("uuid".equals(field)) {
				continue;
			}
			for (String source : sources) {
				if (holds(source, value, field)) {
					owners.put(field, source);
					break;
				}
			}
		}
		return owners;
	}

	private boolean holds(String source, OrgObject value, String field) {
		return this.policy.winner(value, field)
			.map(source::equals)
			.orElseGet(() -> this.ownerships.getOrDefault(source, new SourceOwnership(Map.of()))
				.owns(value.type(), field));
	}

}
