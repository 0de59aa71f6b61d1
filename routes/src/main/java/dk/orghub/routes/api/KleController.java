package dk.orghub.routes.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.model.Kle;
import dk.orghub.routes.api.EditRequests.KleChange;
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
 * KLE tasks of units, edited locally (created under {@code /org-units/{uuid}/kle}).
 */
@RestController
@RequestMapping(path = "/api/v1/kle", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "kle", description = "KLE tasks of units (which unit answers which task), edited locally.")
class KleController {

	private final ObjectReader reader;

	private final LocalEdits edits;

	KleController(ObjectReader reader, LocalEdits edits) {
		this.reader = reader;
		this.edits = edits;
	}

	@GetMapping
	@Operation(summary = "KLE tasks valid at a date, as known at a time")
	PageJson<VersionJson<Kle>> list(
			@Parameter(description = "Only tasks of this unit") @RequestParam(required = false) UUID unit,
			@Parameter(description = "Only the one with this user key") @RequestParam(required = false) String userKey,
			@ParameterObject ReadParameters read, @ParameterObject @Valid Paging paging) {
		return this.reader.list(Kle.class, read, Filters.of("unit", unit), userKey, paging, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}")
	@Operation(summary = "One KLE task valid at a date, as known at a time")
	VersionJson<Kle> get(@PathVariable UUID uuid, @ParameterObject ReadParameters read) {
		return this.reader.get(Kle.class, uuid, read, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}/history")
	@Operation(summary = "Every registered version, oldest registration first")
	List<VersionJson<Kle>> history(@PathVariable UUID uuid) {
		return this.reader.history(Kle.class, uuid, UnaryOperator.identity());
	}

	@PutMapping(path = "/{uuid}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Give a KLE task a new number or aspect from a date",
			description = "Without validTo the new value holds to the end of the task.")
	VersionJson<Kle> change(@PathVariable UUID uuid, @Valid @RequestBody KleChange body, HttpServletRequest request) {
		return VersionJson.of(this.edits.changeKle(uuid, body, Actors.of(request)));
	}

	@PostMapping("/{uuid}/end")
	@Operation(summary = "End a KLE task: it does not hold from the date on")
	ResponseEntity<Void> end(@PathVariable UUID uuid,
			@Parameter(description = "First day the task no longer holds",
					required = true) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			HttpServletRequest request) {
		this.edits.endKle(uuid, date, Actors.of(request));
		return ResponseEntity.noContent().build();
	}

}
