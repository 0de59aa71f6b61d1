package dk.orghub.routes.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The {@code offset} and {@code limit} query parameters of a collection.
 */
record Paging(@Schema(description = "Number of items to skip", defaultValue = "0") @Min(0) Integer offset,
		@Schema(description = "Largest number of items to return", defaultValue = "" + Paging.DEFAULT_LIMIT,
				maximum = "" + Paging.MAX_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) Integer limit) {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1000;

	Paging {
		offset = (offset != null) ? offset : 0;
		limit = (limit != null) ? limit : DEFAULT_LIMIT;
	}

}
