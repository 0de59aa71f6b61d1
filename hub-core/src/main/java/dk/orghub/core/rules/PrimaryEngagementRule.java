package dk.orghub.core.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/**
 * Chooses each person's primary engagement on every date, over the whole timeline: on
 * each interval where the set of a person's engagements stays the same, exactly one of
 * them is primary. An engagement whose primary flag was chosen by hand
 * ({@link Engagement#primaryByHand()} with {@code primary} true) wins; otherwise the
 * preference decides (the first in its order wins). Engagements chosen by hand as not
 * primary are chosen only when nothing else is valid.
 */
public final class PrimaryEngagementRule {

	private final Comparator<Engagement> preference;

	/**
	 * @param preference orders engagements best first; see {@link #byHighestFraction()}
	 * and {@link #byEngagementTypeOrder(List)}
	 */
	public PrimaryEngagementRule(Comparator<Engagement> preference) {
		this.preference = Objects.requireNonNull(preference, "preference");
	}

	/**
	 * SD-Løn: the highest occupation rate (none counts as zero), ties to the lowest
	 * employment number.
	 */
	public static Comparator<Engagement> byHighestFraction() {
		Comparator<Engagement> fraction = Comparator
			.comparing((Engagement e) -> (e.fraction() != null) ? e.fraction() : BigDecimal.ZERO)
			.reversed();
		return fraction.thenComparing(Engagement::userKey, PrimaryEngagementRule::compareEmploymentNumbers);
	}

	/**
	 * OPUS: the engagement type earliest in {@code order} (types not listed come after
	 * all listed ones), ties to the lowest employment number.
	 * @param order engagement type class UUIDs, most preferred first
	 */
	public static Comparator<Engagement> byEngagementTypeOrder(List<UUID> order) {
		List<UUID> copy = List.copyOf(order);
		Comparator<Engagement> type = Comparator.comparingInt(e -> {
			int index = copy.indexOf(e.engagementType());
			return (index < 0) ? Integer.MAX_VALUE : index;
		});
		return type.thenComparing(Engagement::userKey, PrimaryEngagementRule::compareEmploymentNumbers);
	}

	/**
	 * Employment numbers compare as numbers when both are digits (so 999 before 1000),
	 * else as text; {@code null} last.
	 */
	public static int compareEmploymentNumbers(String a, String b) {
		if (a == null || b == null) {
			return (a == null) ? ((b == null) ? 0 : 1) : -1;
		}
		String x = stripZeros(a);
		String y = stripZeros(b);
		if (isDigits(x) && isDigits(y) && x.length() != y.length()) {
			return Integer.compare(x.length(), y.length());
		}
		return x.compareTo(y);
	}

	/**
	 * The engagements with their primary flags recomputed. Every engagement of a person
	 * must be given (the rule looks at all of a person's engagements together); the
	 * result has the same UUIDs in the same order.
	 */
	public Map<UUID, Timeline<Engagement>> apply(Collection<Timeline<Engagement>> engagements) {
		Map<UUID, List<Timeline<Engagement>>> byPerson = new LinkedHashMap<>();
		Map<UUID, Timeline<Engagement>> result = new LinkedHashMap<>();
		for (Timeline<Engagement> timeline : engagements) {
			if (timeline.isEmpty()) {
				continue;
			}
			Engagement first = timeline.segments().get(0).value();
			result.put(first.uuid(), timeline);
			byPerson.computeIfAbsent(first.person(), p -> new ArrayList<>()).add(timeline);
		}
		for (List<Timeline<Engagement>> ofPerson : byPerson.values()) {
			for (Timeline<Engagement> recomputed : applyToPerson(ofPerson)) {
				result.put(recomputed.segments().get(0).value().uuid(), recomputed);
			}
		}
		return result;
	}

	private List<Timeline<Engagement>> applyToPerson(List<Timeline<Engagement>> ofPerson) {
		if (ofPerson.size() == 1) {
			return List.of(onlyEngagement(ofPerson.get(0)));
		}
		TreeSet<LocalDate> points = new TreeSet<>();
		for (Timeline<Engagement> timeline : ofPerson) {
			for (Segment<Engagement> segment : timeline.segments()) {
				points.add(segment.validity().from());
				points.add(segment.validity().toOrEnd());
			}
		}
		Map<UUID, List<Segment<Engagement>>> segments = new LinkedHashMap<>();
		ofPerson.forEach(t -> segments.put(t.segments().get(0).value().uuid(), new ArrayList<>()));
		LocalDate previous = null;
		for (LocalDate point : points) {
			if (previous != null) {
				Validity piece = new Validity(previous, point);
				List<Engagement> active = new ArrayList<>();
				for (Timeline<Engagement> timeline : ofPerson) {
					timeline.at(previous).ifPresent(active::add);
				}
				Engagement chosen = choose(active);
				for (Engagement engagement : active) {
					segments.get(engagement.uuid())
						.add(new Segment<>(piece,
								engagement.withPrimary(chosen != null && engagement.uuid().equals(chosen.uuid()))));
				}
			}
			previous = point;
		}
		List<Timeline<Engagement>> result = new ArrayList<>();
		segments.values().forEach(list -> result.add(Timeline.of(list)));
		return result;
	}

	/**
	 * A person's only engagement is chosen on every date it holds, whatever its flags (as
	 * {@link #choose} does for one): its segments, each primary.
	 */
	private static Timeline<Engagement> onlyEngagement(Timeline<Engagement> timeline) {
		List<Segment<Engagement>> segments = new ArrayList<>(timeline.segments().size());
		for (Segment<Engagement> segment : timeline.segments()) {
			Engagement value = segment.value();
			segments.add(value.primary() ? segment : new Segment<>(segment.validity(), value.withPrimary(true)));
		}
		return Timeline.of(segments);
	}

	private Engagement choose(List<Engagement> active) {
		if (active.isEmpty()) {
			return null;
		}
		Engagement byHand = null;
		Engagement best = null;
		Engagement bestOfRest = null;
		for (Engagement engagement : active) {
			if (engagement.primaryByHand()) {
				if (engagement.primary() && byHand == null) {
					byHand = engagement;
				}
				if (!engagement.primary()
						&& (bestOfRest == null || this.preference.compare(engagement, bestOfRest) < 0)) {
					bestOfRest = engagement;
				}
				continue;
			}
			if (best == null || this.preference.compare(engagement, best) < 0) {
				best = engagement;
			}
		}
		if (byHand != null) {
			return byHand;
		}
		return (best != null) ? best : bestOfRest;
	}

	/**
	 * Without leading zeros, one kept before the end or a line terminator (as the pattern
	 * {@code ^0+(?=.)} strips them).
	 */
	private static String stripZeros(String value) {
		int start = 0;
		while (start + 1 < value.length() && value.charAt(start) == '0' && !lineTerminator(value.charAt(start + 1))) {
			start++;
		}
		return value.substring(start);
	}

	private static boolean lineTerminator(char c) {
		return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
	}

	private static boolean isDigits(String value) {
		return !value.isEmpty() && value.chars().allMatch(Character::isDigit);
	}

}
