package dk.orghub.samples.municipality;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A choice among keys with integer weights.
 */
final class Weighted {

	private final List<String> keys;

	private final int[] cumulative;

	private Weighted(List<String> keys, int[] cumulative) {
		this.keys = List.copyOf(keys);
		this.cumulative = cumulative;
	}

	/**
	 * Keys and weights in turn: {@code of("Lærer", 60, "Pædagog", 15)}.
	 */
	static Weighted of(Object... keysAndWeights) {
		if (keysAndWeights.length == 0 || keysAndWeights.length % 2 != 0) {
			throw new IllegalArgumentException("expected pairs of key and weight");
		}
		List<String> keys = new ArrayList<>();
		int[] cumulative = new int[keysAndWeights.length / 2];
		int total = 0;
		for (int i = 0; i < keysAndWeights.length; i += 2) {
			keys.add((String) keysAndWeights[i]);
			total += (Integer) keysAndWeights[i + 1];
			cumulative[i / 2] = total;
		}
		return new Weighted(keys, cumulative);
	}

	String pick(Random random) {
		int r = random.nextInt(this.cumulative[this.cumulative.length - 1]);
		for (int i = 0; i < this.cumulative.length; i++) {
			if (r < this.cumulative[i]) {
				return this.keys.get(i);
			}
		}
		throw new IllegalStateException("unreachable");
	}

}
