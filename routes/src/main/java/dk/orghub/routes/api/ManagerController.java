package dk.orghub.routes.api;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.model.Manager;
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

/** Manager roles of units; a role without a person is vacant. */
@RestController
@RequestMapping(path = "/api/v1/managers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "managers", description = "Manager roles of units; a role without a person is vacant.")
class ManagerController {

	private final ObjectReader reader;

	ManagerController(ObjectReader reader) {
		this.reader = reader;
	}

	@GetMapping
	@Operation(summary = "Manager roles valid at a date, as known at a time")
	PageJson<VersionJson<Manager>> list(
			@Parameter(description = "Only roles of this unit") @RequestParam(required = false) UUID unit,
			@Parameter(description = "Only roles this person holds") @RequestParam(required = false) UUID person,
			@Parameter(description = "Only the one with this user key") @RequestParam(required = false) String userKey,
			@ParameterObject ReadParameters read, @ParameterObject @Valid Paging paging) {
		return this.reader.list(Manager.class, read, Filters.of("unit", unit, "person", person), userKey, paging,
				UnaryOperator.identity());
	}

	@GetMapping("/{uuid}")
	@Operation(summary = "One of the managers valid at a date, as known at a time")
	VersionJson<Manager> get(@PathVariable UUID uuid, @ParameterObject ReadParameters read) {
		return this.reader.get(Manager.class, uuid, read, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}/history")
	@Operation(summary = "Every registered version, oldest registration first")
	List<VersionJson<Manager>> history(@PathVariable UUID uuid) {
		return this.reader.history(Manager.class, uuid, UnaryOperator.identity());
	}

}
