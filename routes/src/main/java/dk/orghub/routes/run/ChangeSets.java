package dk.orghub.routes.run;

import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import dk.orghub.core.store.ChangeSet;

/** Change sets narrowed to some objects, or without some objects. */
final class ChangeSets {

	private ChangeSets() {
	}

	/**
	 * The change set without the operations and identity bindings of these objects; the
	 * change-feed tokens stay.
	 */
	static ChangeSet without(ChangeSet changes, Set<UUID> excluded) {
		return filter(changes, (uuid) -> !excluded.contains(uuid), true);
	}

	/**
	 * Only the operations and identity bindings of these objects; no change-feed token (a
	 * retry must not move a feed on).
	 */
	static ChangeSet only(ChangeSet changes, Set<UUID> included) {
		return filter(changes, included::contains, false);
	}

	/** The objects the change set has operations on. */
	static Set<UUID> objects(ChangeSet changes) {
		Set<UUID> uuids = new java.util.HashSet<>();
		changes.operations().forEach((op) -> uuids.add(op.uuid()));
		return uuids;
	}

	private static ChangeSet filter(ChangeSet changes, Predicate<UUID> keep, boolean tokens) {
		ChangeSet.Builder builder = ChangeSet.by(changes.actor()).note(changes.note());
		for (ChangeSet.Operation operation : changes.operations()) {
			if (keep.test(operation.uuid())) {
				builder.add(operation);
			}
		}
		for (ChangeSet.IdentityBinding binding : changes.bindings()) {
			if (keep.test(binding.uuid())) {
				builder.bind(binding.source(), binding.type(), binding.externalId(), binding.uuid());
			}
		}
		for (ChangeSet.IdentityBinding release : changes.releases()) {
			if (keep.test(release.uuid())) {
				builder.release(release.source(), release.type(), release.externalId(), release.uuid());
			}
		}
		if (tokens) {
			changes.tokens().forEach(builder::token);
		}
		return builder.build();
	}

}
