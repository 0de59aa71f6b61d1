package dk.orghub.routes.api;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.model.Klasse;
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

/** Classes: the values of the facets. */
@RestController
@RequestMapping(path = "/api/v1/classes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "classes", description = "The values of the facets (unit types, address types, ...).")
class ClassController {

	private final ObjectReader reader;

	private final ClassResolver resolver;

	ClassController(ObjectReader reader, ClassResolver resolver) {
		this.reader = reader;
		this.resolver = resolver;
	}

	@GetMapping
	@Operation(summary = "Classes valid at a date, as known at a time")
	PageJson<VersionJson<Klasse>> list(
			@Parameter(description = "Only classes of this facet, by UUID or name (e.g. address_type)",
					example = "address_type") @RequestParam(required = false) String facet,
			@Parameter(description = "Only the one with this user key") @RequestParam(required = false) String userKey,
			@ParameterObject ReadParameters read, @ParameterObject @Valid Paging paging) {
		UUID facetUuid = (facet != null) ? this.resolver.facet(facet, "facet", this.reader.readPoint(read)) : null;
		return this.reader.list(Klasse.class, read, Filters.of("facet", facetUuid), userKey, paging,
				UnaryOperator.identity());
	}

	@GetMapping("/{uuid}")
	@Operation(summary = "One class valid at a date, as known at a time")
	VersionJson<Klasse> get(@PathVariable UUID uuid, @ParameterObject ReadParameters read) {
		return this.reader.get(Klasse.class, uuid, read, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}/history")
	@Operation(summary = "Every registered version, oldest registration first")
	List<VersionJson<Klasse>> history(@PathVariable UUID uuid) {
		return this.reader.history(Klasse.class, uuid, UnaryOperator.identity());
	}

}
