package dk.orghub.routes.api;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.model.Person;
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

/**
 * Persons. The CPR number is returned only when the caller asks for it with
 * {@code includeCpr=true}; otherwise the {@code cpr} field is absent.
 */
@RestController
@RequestMapping(path = "/api/v1/persons", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "persons", description = "Persons; the CPR number only on request (includeCpr=true).")
class PersonController {

	private static final String INCLUDE_CPR = "Include the CPR number (sensitive)";

	private final ObjectReader reader;

	PersonController(ObjectReader reader) {
		this.reader = reader;
	}

	@GetMapping
	@Operation(summary = "Persons valid at a date, as known at a time")
	PageJson<VersionJson<Person>> list(
			@Parameter(description = "Only the one with this user key") @RequestParam(required = false) String userKey,
			@Parameter(description = INCLUDE_CPR) @RequestParam(defaultValue = "false") boolean includeCpr,
			@ParameterObject ReadParameters read, @ParameterObject @Valid Paging paging) {
		return this.reader.list(Person.class, read, Filters.none(), userKey, paging, view(includeCpr));
	}

	@GetMapping("/{uuid}")
	@Operation(summary = "One person valid at a date, as known at a time")
	VersionJson<Person> get(@PathVariable UUID uuid,
			@Parameter(description = INCLUDE_CPR) @RequestParam(defaultValue = "false") boolean includeCpr,
			@ParameterObject ReadParameters read) {
		return this.reader.get(Person.class, uuid, read, view(includeCpr));
	}

	@GetMapping("/{uuid}/history")
	@Operation(summary = "Every registered version, oldest registration first")
	List<VersionJson<Person>> history(@PathVariable UUID uuid,
			@Parameter(description = INCLUDE_CPR) @RequestParam(defaultValue = "false") boolean includeCpr) {
		return this.reader.history(Person.class, uuid, view(includeCpr));
	}

	private static UnaryOperator<Person> view(boolean includeCpr) {
		return includeCpr ? UnaryOperator.identity() : Person::withoutCpr;
	}

}
