package dk.orghub.core.store;

import java.util.List;

/** One page of a list read and the total number of matches. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

	public Page {
		items = List.copyOf(items);
	}

}
