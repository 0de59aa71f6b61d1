package dk.orghub.routes.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.model.Address;
import dk.orghub.routes.api.EditRequests.AddressChange;
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
 * Addresses of units, persons and engagements; those of units can be changed and ended
 * here (they are created under {@code /org-units/{uuid}/addresses}).
 */
@RestController
@RequestMapping(path = "/api/v1/addresses", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "addresses", description = "Addresses (e-mail, phone, EAN, P-number, opening hours, ...) of units, "
		+ "persons and engagements; unit addresses are edited locally.")
class AddressController {

	private final ObjectReader reader;

	private final LocalEdits edits;

	AddressController(ObjectReader reader, LocalEdits edits) {
		this.reader = reader;
		this.edits = edits;
	}

	@GetMapping
	@Operation(summary = "Addresses valid at a date, as known at a time")
	PageJson<VersionJson<Address>> list(
			@Parameter(description = "Only addresses of this unit, person or engagement") @RequestParam(
					required = false) UUID owner,
			@Parameter(description = "Only the one with this user key") @RequestParam(required = false) String userKey,
			@ParameterObject ReadParameters read, @ParameterObject @Valid Paging paging) {
		return this.reader.list(Address.class, read, Filters.of("owner", owner), userKey, paging,
				UnaryOperator.identity());
	}

	@GetMapping("/{uuid}")
	@Operation(summary = "One address valid at a date, as known at a time")
	VersionJson<Address> get(@PathVariable UUID uuid, @ParameterObject ReadParameters read) {
		return this.reader.get(Address.class, uuid, read, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}/history")
	@Operation(summary = "Every registered version, oldest registration first")
	List<VersionJson<Address>> history(@PathVariable UUID uuid) {
		return this.reader.history(Address.class, uuid, UnaryOperator.identity());
	}

	@PutMapping(path = "/{uuid}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Give a unit's address a new value from a date",
			description = "Without validTo the new value holds to the end of the address. 422 when the store "
					+ "rejects the value (e.g. an EAN that is not 13 digits); nothing is stored then.")
	VersionJson<Address> change(@PathVariable UUID uuid, @Valid @RequestBody AddressChange body,
			HttpServletRequest request) {
		return VersionJson.of(this.edits.changeAddress(uuid, body, Actors.of(request)));
	}

	@PostMapping("/{uuid}/end")
	@Operation(summary = "End a unit's address: it does not hold from the date on")
	ResponseEntity<Void> end(@PathVariable UUID uuid,
			@Parameter(description = "First day the address no longer holds",
					required = true) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			HttpServletRequest request) {
		this.edits.endAddress(uuid, date, Actors.of(request));
		return ResponseEntity.noContent().build();
	}

}
