package dk.orghub.core.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.store.OrgStore;

/**
 * What a rule may read besides the delivery: the engagements the store holds (the
 * primary-engagement rule keeps a choice made by hand).
 */
@FunctionalInterface
public interface RuleContext {

	/** Nothing stored: a first load, or a test of the rules alone. */
	RuleContext NONE = (uuids) -> Map.of();

	/** The stored timelines of the engagements with these UUIDs, those the store has. */
	Map<UUID, Timeline<Engagement>> storedEngagements(Collection<UUID> uuids);

	/** The store's current engagements. */
	static RuleContext of(OrgStore store) {
		Objects.requireNonNull(store, "store");
		return (uuids) -> uuids.isEmpty() ? Map.of() : store.currentTimelines(Engagement.class, List.copyOf(uuids));
	}

}
