package dk.orghub.core.rules;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.store.OrgStore;

/**
 * What a rule may read besides the delivery: the engagements the store holds with a
 * primary flag chosen by hand (the primary-engagement rule keeps such a choice).
 */
@FunctionalInterface
public interface RuleContext {

	/** Nothing stored: a first load, or a test of the rules alone. */
	RuleContext NONE = (uuids) -> Map.of();

	/**
	 * The stored timelines of those of the engagements with these UUIDs that have a
	 * primary flag chosen by hand in some version; the others are left out.
	 */
	Map<UUID, Timeline<Engagement>> primaryChosenByHand(Collection<UUID> uuids);

	/**
	 * The store's current engagements, read once (on first use) for every delivery the
	 * context serves: make one per read of a source.
	 */
	static RuleContext of(OrgStore store) {
		Objects.requireNonNull(store, "store");
		AtomicReference<Map<UUID, Timeline<Engagement>>> read = new AtomicReference<>();
		return (uuids) -> {
			if (uuids.isEmpty()) {
				return Map.of();
			}
			Map<UUID, Timeline<Engagement>> chosen = read
				.updateAndGet((known) -> (known != null) ? known : store.engagementsWithPrimaryByHand());
			Map<UUID, Timeline<Engagement>> result = new HashMap<>();
			chosen.forEach((uuid, timeline) -> {
				if (uuids.contains(uuid)) {
					result.put(uuid, timeline);
				}
			});
			return result;
		};
	}

}
