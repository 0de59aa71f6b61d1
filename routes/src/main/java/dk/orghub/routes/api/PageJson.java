package dk.orghub.routes.api;

import java.util.List;
import java.util.function.Function;

import dk.orghub.core.store.Page;

/** One page of a collection and the total number of matches. */
record PageJson<T>(List<T> items, long total, int offset, int limit) {

	static <S, T> PageJson<T> of(Page<S> page, Function<S, T> mapper) {
		return new PageJson<>(page.items().stream().map(mapper).toList(), page.total(), page.offset(), page.limit());
	}

	/** A page cut out of a complete list. */
	static <S, T> PageJson<T> slice(List<S> all, Paging paging, Function<S, T> mapper) {
		int from = (int) Math.min(all.size(), (long) paging.offset());
		int to = (int) Math.min(all.size(), (long) from + paging.limit());
		return new PageJson<>(all.subList(from, to).stream().map(mapper).toList(), all.size(), paging.offset(),
				paging.limit());
	}

}
