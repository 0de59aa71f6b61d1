package dk.orghub.routes.api;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.model.Person;
import dk.orghub.routes.security.SensitiveReads;
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
 * {@code includeCpr=true}; otherwise the {@code cpr} field is absent. Whether the caller
 * may is decided by {@link SensitiveReads} on the bound value, and every answer with CPR
 * numbers is audited with how many it showed.
 */
@RestController
@RequestMapping(path = "/api/v1/persons", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "persons", description = "Persons; the CPR number only on request (includeCpr=true).")
class PersonController {

	private static final String INCLUDE_CPR = "Include the CPR number (sensitive)";

	private static final String PATH = "GET /api/v1/persons";

	private final ObjectReader reader;

	private final SensitiveReads sensitive;

	PersonController(ObjectReader reader, SensitiveReads sensitive) {
		this.reader = reader;
		this.sensitive = sensitive;
	}

	@GetMapping
	@Operation(summary = "Persons valid at a date, as known at a time")
	PageJson<VersionJson<Person>> list(
			@Parameter(description = "Only the one with this user key") @RequestParam(required = false) String userKey,
			@Parameter(description = "Only these persons (at most " + ObjectReader.MAX_UUIDS
					+ "), in this order; e.g. the persons of a unit's engagements in one request") @RequestParam(
							required = false) List<UUID> uuids,
			@Parameter(description = INCLUDE_CPR) @RequestParam(defaultValue = "false") boolean includeCpr,
			@ParameterObject ReadParameters read, @ParameterObject @Valid Paging paging) {
		this.sensitive.check("includeCpr", includeCpr);
		PageJson<VersionJson<Person>> page = (uuids != null)
				? this.reader.listOf(Person.class, uuids, read, userKey, paging, view(includeCpr))
				: this.reader.list(Person.class, read, Filters.none(), userKey, paging, view(includeCpr));
		if (includeCpr) {
			this.sensitive.record(PATH + "?includeCpr" + ((userKey != null) ? " userKey=" + userKey : "")
					+ ((uuids != null) ? " uuids=" + uuids.size() : "") + " offset=" + paging.offset() + " limit="
					+ paging.limit(), withCpr(page.items()));
		}
		return page;
	}

	@GetMapping("/{uuid}")
	@Operation(summary = "One person valid at a date, as known at a time")
	VersionJson<Person> get(@PathVariable UUID uuid,
			@Parameter(description = INCLUDE_CPR) @RequestParam(defaultValue = "false") boolean includeCpr,
			@ParameterObject ReadParameters read) {
		this.sensitive.check("includeCpr", includeCpr);
		VersionJson<Person> person = this.reader.get(Person.class, uuid, read, view(includeCpr));
		if (includeCpr) {
			this.sensitive.record(PATH + "/" + uuid + "?includeCpr", withCpr(List.of(person)));
		}
		return person;
	}

	@GetMapping("/{uuid}/history")
	@Operation(summary = "Every registered version, oldest registration first")
	List<VersionJson<Person>> history(@PathVariable UUID uuid,
			@Parameter(description = INCLUDE_CPR) @RequestParam(defaultValue = "false") boolean includeCpr) {
		this.sensitive.check("includeCpr", includeCpr);
		List<VersionJson<Person>> history = this.reader.history(Person.class, uuid, view(includeCpr));
		if (includeCpr) {
			this.sensitive.record(PATH + "/" + uuid + "/history?includeCpr",
					history.stream().map((v) -> v.value().cpr()).filter(Objects::nonNull).distinct().count());
		}
		return history;
	}

	/** How many of the versions show a CPR number. */
	private static long withCpr(List<VersionJson<Person>> versions) {
		return versions.stream().filter((v) -> v.value().cpr() != null).count();
	}

	private static UnaryOperator<Person> view(boolean includeCpr) {
		return includeCpr ? UnaryOperator.identity() : Person::withoutCpr;
	}

}
