package dk.orghub.routes.api;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.model.ItUser;
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

/** Accounts of persons in IT systems. */
@RestController
@RequestMapping(path = "/api/v1/it-users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "it-users", description = "Accounts of persons in IT systems.")
class ItUserController {

	private final ObjectReader reader;

	ItUserController(ObjectReader reader) {
		this.reader = reader;
	}

	@GetMapping
	@Operation(summary = "IT users valid at a date, as known at a time")
	PageJson<VersionJson<ItUser>> list(
			@Parameter(description = "Only accounts of this person") @RequestParam(required = false) UUID person,
			@Parameter(description = "Only the one with this user key") @RequestParam(required = false) String userKey,
			@ParameterObject ReadParameters read, @ParameterObject @Valid Paging paging) {
		return this.reader.list(ItUser.class, read, Filters.of("person", person), userKey, paging,
				UnaryOperator.identity());
	}

	@GetMapping("/{uuid}")
	@Operation(summary = "One of the it-users valid at a date, as known at a time")
	VersionJson<ItUser> get(@PathVariable UUID uuid, @ParameterObject ReadParameters read) {
		return this.reader.get(ItUser.class, uuid, read, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}/history")
	@Operation(summary = "Every registered version, oldest registration first")
	List<VersionJson<ItUser>> history(@PathVariable UUID uuid) {
		return this.reader.history(ItUser.class, uuid, UnaryOperator.identity());
	}

}
