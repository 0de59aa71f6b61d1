package dk.orghub.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.spi.DesiredObject;

/**
 * {@link PrimaryEngagementRule} on a delivery: each person's primary engagement among the
 * delivered ones, on every date. Where the store holds a primary flag chosen by hand for
 * an engagement, that choice is kept (the rule never overrides it).
 */
final class PrimaryStep implements RuleStep {

	private final PrimaryEngagementRule rule;

	PrimaryStep(PrimaryEngagementRule rule) {
		this.rule = rule;
	}

	@Override
	public String name() {
		return "primary-engagement";
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<DesiredObject<?>> apply(List<DesiredObject<?>> delivered, RuleContext context) {
		Map<UUID, Timeline<Engagement>> engagements = Delivered.timelines(delivered, ObjectType.ENGAGEMENT);
		if (engagements.isEmpty()) {
			return delivered;
		}
		Map<UUID, Timeline<Engagement>> stored = context.primaryChosenByHand(engagements.keySet());
		List<Timeline<Engagement>> input = new ArrayList<>(engagements.size());
		engagements.forEach((uuid, timeline) -> input.add(withHand(timeline, stored.get(uuid))));
		Map<UUID, Timeline<Engagement>> primary = this.rule.apply(input);
		List<DesiredObject<?>> result = new ArrayList<>(delivered.size());
		for (DesiredObject<?> object : delivered) {
			result
				.add((object.type() == ObjectType.ENGAGEMENT)
						? Delivered.with(object,
								primary.getOrDefault(object.uuid(), (Timeline<Engagement>) object.timeline()))
						: object);
		}
		return result;
	}

	/**
	 * The delivered timeline with the primary flag chosen by hand where the store has
	 * one.
	 */
	private static Timeline<Engagement> withHand(Timeline<Engagement> delivered, Timeline<Engagement> stored) {
		if (stored == null || stored.segments().stream().noneMatch((s) -> s.value().primaryByHand())) {
			return delivered;
		}
		return Timeline.combine(delivered, stored, (now, was) -> {
			if (now == null) {
				return null;
			}
			return (was != null && was.primaryByHand())
					? new Engagement(now.uuid(), now.userKey(), now.person(), now.unit(), now.jobFunction(),
							now.engagementType(), now.fraction(), was.primary(), true, now.originalUnit())
					: now;
		});
	}

}
