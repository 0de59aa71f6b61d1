package dk.orghub.routes.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.model.Manager;
import dk.orghub.routes.api.EditRequests.NewManager;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Manager roles of units; a role without a person is vacant. Managers of units payroll
 * gives none are added and ended here.
 */
@RestController
@RequestMapping(path = "/api/v1/managers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "managers", description = "Manager roles of units; a role without a person is vacant.")
class ManagerController {

	private final ObjectReader reader;

	private final LocalEdits edits;

	ManagerController(ObjectReader reader, LocalEdits edits) {
		this.reader = reader;
		this.edits = edits;
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

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a manager to a unit that payroll gives none, from a date",
			description = "409 when the unit has a manager from a source on the first day; 422 when the store "
					+ "rejects it; nothing is stored then.")
	ResponseEntity<VersionJson<Manager>> create(@Valid @RequestBody NewManager body, HttpServletRequest request) {
		return Created.at("/api/v1/managers/{uuid}", this.edits.createManager(body, Actors.of(request)));
	}

	@PostMapping("/{uuid}/end")
	@Operation(summary = "End a manager role made here: it does not hold from the date on")
	ResponseEntity<Void> end(@PathVariable UUID uuid,
			@Parameter(description = "First day the role no longer holds",
					required = true) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			HttpServletRequest request) {
		this.edits.endManager(uuid, date, Actors.of(request));
		return ResponseEntity.noContent().build();
	}

}
