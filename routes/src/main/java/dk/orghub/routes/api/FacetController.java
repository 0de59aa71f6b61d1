package dk.orghub.routes.api;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.model.Facet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Code lists: unit types, address types, job functions and so on. */
@RestController
@RequestMapping(path = "/api/v1/facets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "facets", description = "Code lists: unit types, address types, job functions and so on.")
class FacetController {

	private final ObjectReader reader;

	FacetController(ObjectReader reader) {
		this.reader = reader;
	}

	@GetMapping
	@Operation(summary = "Facets valid at a date, as known at a time")
	PageJson<VersionJson<Facet>> list(
			@Parameter(description = "Only the one with this user key") @RequestParam(required = false) String userKey,
			@ParameterObject ReadParameters read, @ParameterObject @Valid Paging paging) {
		return this.reader.list(Facet.class, read, Filters.none(), userKey, paging, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}")
	@Operation(summary = "One of the facets valid at a date, as known at a time")
	VersionJson<Facet> get(@PathVariable UUID uuid, @ParameterObject ReadParameters read) {
		return this.reader.get(Facet.class, uuid, read, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}/history")
	@Operation(summary = "Every registered version, oldest registration first")
	List<VersionJson<Facet>> history(@PathVariable UUID uuid) {
		return this.reader.history(Facet.class, uuid, UnaryOperator.identity());
	}

}
