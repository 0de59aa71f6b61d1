package dk.orghub.routes.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Association;
import dk.orghub.routes.api.EditRequests.AssociationChange;
import dk.orghub.routes.api.EditRequests.NewAssociation;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Persons tied to units without a payroll employment (interns, external consultants,
 * politicians, MED representatives), edited locally.
 */
@RestController
@RequestMapping(path = "/api/v1/associations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "associations",
		description = "Persons tied to units without a payroll employment (interns, consultants, MED members).")
class AssociationController {

	private final ObjectReader reader;

	private final LocalEdits edits;

	private final ClassResolver classes;

	AssociationController(ObjectReader reader, LocalEdits edits, ClassResolver classes) {
		this.reader = reader;
		this.edits = edits;
		this.classes = classes;
	}

	@GetMapping
	@Operation(summary = "Associations valid at a date, as known at a time")
	PageJson<VersionJson<Association>> list(
			@Parameter(description = "Only associations of this person") @RequestParam(required = false) UUID person,
			@Parameter(description = "Only associations with this unit") @RequestParam(required = false) UUID unit,
			@Parameter(description = "Only this association type (UUID or user key)") @RequestParam(
					required = false) String associationType,
			@Parameter(description = "Only the one with this user key") @RequestParam(required = false) String userKey,
			@ParameterObject ReadParameters read, @ParameterObject @Valid Paging paging) {
		Map<String, UUID> filters = Filters.of("person", person, "unit", unit);
		if (associationType != null) {
			filters.put("associationType",
					this.classes
						.klasse(DefaultClasses.ASSOCIATION_TYPE, associationType, "associationType",
								this.reader.readPoint(read))
						.uuid());
		}
		return this.reader.list(Association.class, read, filters, userKey, paging, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}")
	@Operation(summary = "One association valid at a date, as known at a time")
	VersionJson<Association> get(@PathVariable UUID uuid, @ParameterObject ReadParameters read) {
		return this.reader.get(Association.class, uuid, read, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}/history")
	@Operation(summary = "Every registered version, oldest registration first")
	List<VersionJson<Association>> history(@PathVariable UUID uuid) {
		return this.reader.history(Association.class, uuid, UnaryOperator.identity());
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Tie a person to a unit from a date, creating the person when new",
			description = "A new person needs a CPR number or the reason there is none (noCprReason). "
					+ "422 when the store rejects it (e.g. the unit does not exist on every day); nothing is stored then.")
	ResponseEntity<VersionJson<Association>> create(@Valid @RequestBody NewAssociation body,
			HttpServletRequest request) {
		return Created.at("/api/v1/associations/{uuid}", this.edits.createAssociation(body, Actors.of(request)));
	}

	@PutMapping(path = "/{uuid}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Give an association a new unit, type or job function from a date",
			description = "Without validTo the new value holds to the end of the association.")
	VersionJson<Association> change(@PathVariable UUID uuid, @Valid @RequestBody AssociationChange body,
			HttpServletRequest request) {
		return VersionJson.of(this.edits.changeAssociation(uuid, body, Actors.of(request)));
	}

	@PostMapping("/{uuid}/end")
	@Operation(summary = "End an association: it does not hold from the date on")
	ResponseEntity<Void> end(@PathVariable UUID uuid,
			@Parameter(description = "First day the association no longer holds",
					required = true) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			HttpServletRequest request) {
		this.edits.endAssociation(uuid, date, Actors.of(request));
		return ResponseEntity.noContent().build();
	}

}
