package dk.orghub.routes.api;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.model.Engagement;
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

/** Employments of persons in units. */
@RestController
@RequestMapping(path = "/api/v1/engagements", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "engagements", description = "Employments of persons in units.")
class EngagementController {

	private final ObjectReader reader;

	EngagementController(ObjectReader reader) {
		this.reader = reader;
	}

	@GetMapping
	@Operation(summary = "Engagements valid at a date, as known at a time")
	PageJson<VersionJson<Engagement>> list(
			@Parameter(description = "Only engagements of this person") @RequestParam(required = false) UUID person,
			@Parameter(description = "Only engagements in this unit") @RequestParam(required = false) UUID unit,
			@Parameter(description = "Only the one with this user key") @RequestParam(required = false) String userKey,
			@ParameterObject ReadParameters read, @ParameterObject @Valid Paging paging) {
		return this.reader.list(Engagement.class, read, Filters.of("person", person, "unit", unit), userKey, paging,
				UnaryOperator.identity());
	}

	@GetMapping("/{uuid}")
	@Operation(summary = "One of the engagements valid at a date, as known at a time")
	VersionJson<Engagement> get(@PathVariable UUID uuid, @ParameterObject ReadParameters read) {
		return this.reader.get(Engagement.class, uuid, read, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}/history")
	@Operation(summary = "Every registered version, oldest registration first")
	List<VersionJson<Engagement>> history(@PathVariable UUID uuid) {
		return this.reader.history(Engagement.class, uuid, UnaryOperator.identity());
	}

}
