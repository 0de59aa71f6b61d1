package dk.orghub.routes.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.query.ManagerResolution;
import dk.orghub.core.query.OrganisationQueries;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.routes.api.EditRequests.NewAddress;
import dk.orghub.routes.api.EditRequests.NewKle;
import dk.orghub.routes.api.EditRequests.NewOrgUnit;
import dk.orghub.routes.api.EditRequests.OrgUnitChange;
import dk.orghub.routes.sync.FieldOwners;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * Organisation units, their tree and managers, and the local edits: units no source has,
 * the fields of a unit no source holds, and a unit's addresses and KLE.
 */
@RestController
@RequestMapping(path = "/api/v1/org-units", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "org-units", description = "Organisation units, their subtrees and managers; local addresses and KLE.")
class OrgUnitController {

	private final ObjectReader reader;

	private final OrganisationQueries queries;

	private final LocalEdits edits;

	private final ClassResolver classes;

	private final FieldOwners owners;

	OrgUnitController(ObjectReader reader, OrganisationQueries queries, LocalEdits edits, ClassResolver classes,
			FieldOwners owners) {
		this.reader = reader;
		this.owners = owners;
		this.queries = queries;
		this.edits = edits;
		this.classes = classes;
	}

	@GetMapping
	@Operation(summary = "Units valid at a date, as known at a time",
			description = "Ordered by user key; with root, the subtree in tree order (a unit before its children).")
	PageJson<VersionJson<OrgUnit>> list(
			@Parameter(description = "Only the direct children of this unit") @RequestParam(
					required = false) UUID parent,
			@Parameter(description = "Only this unit and every unit below it") @RequestParam(
					required = false) UUID root,
			@Parameter(description = "Only the one with this user key") @RequestParam(required = false) String userKey,
			@Parameter(description = "Only units of this hierarchy: UUID or user key of a class of facet "
					+ "org_unit_hierarchy (Linjeorganisation, MED-organisation, ...)") @RequestParam(
							required = false) String hierarchy,
			@ParameterObject ReadParameters read, @ParameterObject @Valid Paging paging) {
		UUID hierarchyUuid = (hierarchy != null) ? this.classes
			.klasse(DefaultClasses.ORG_UNIT_HIERARCHY, hierarchy, "hierarchy", this.reader.readPoint(read))
			.uuid() : null;
		if (root == null) {
			return this.reader.list(OrgUnit.class, read, Filters.of("parent", parent, "hierarchy", hierarchyUuid),
					userKey, paging, UnaryOperator.identity());
		}
		List<Versioned<OrgUnit>> subtree = this.queries.subtree(root, this.reader.readPoint(read))
			.stream()
			.filter(v -> parent == null || parent.equals(v.value().parent()))
			.filter(v -> hierarchyUuid == null || hierarchyUuid.equals(v.value().hierarchy()))
			.filter(v -> userKey == null || userKey.equals(v.value().userKey()))
			.toList();
		return PageJson.slice(subtree, paging, VersionJson::of);
	}

	@GetMapping("/{uuid}")
	@Operation(summary = "One unit valid at a date, as known at a time")
	VersionJson<OrgUnit> get(@PathVariable UUID uuid, @ParameterObject ReadParameters read) {
		return this.reader.get(OrgUnit.class, uuid, read, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}/history")
	@Operation(summary = "Every registered version, oldest registration first")
	List<VersionJson<OrgUnit>> history(@PathVariable UUID uuid) {
		return this.reader.history(OrgUnit.class, uuid, UnaryOperator.identity());
	}

	@GetMapping("/{uuid}/manager")
	@Operation(summary = "The unit's manager, inherited from the nearest ancestor with one",
			description = "A manager role held by a person; vacant roles are skipped and listed in vacantRoles. "
					+ "manager is null when none is found.")
	ManagerJson manager(@PathVariable UUID uuid,
			@Parameter(description = "Look at the ancestors when the unit has no manager") @RequestParam(
					defaultValue = "true") boolean inherit,
			@ParameterObject ReadParameters read) {
		ReadPoint point = this.reader.readPoint(read);
		ManagerResolution resolution = this.queries.resolveManager(uuid, point, inherit)
			.orElseThrow(() -> this.reader.notFound(OrgUnit.class, uuid, point));
		return new ManagerJson(uuid, inherit, resolution.inherited(),
				resolution.found().map(VersionJson::of).orElse(null),
				resolution.vacantRoles().stream().map(VersionJson::of).toList());
	}

	@PostMapping(path = "/{uuid}/addresses", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add an address to the unit (EAN, P-number, opening hours, phone, e-mail, ...)",
			description = "422 when the store rejects it (e.g. an EAN that is not 13 digits); nothing is stored then.")
	ResponseEntity<VersionJson<Address>> addAddress(@PathVariable UUID uuid, @Valid @RequestBody NewAddress body,
			HttpServletRequest request) {
		return Created.at("/api/v1/addresses/{uuid}", this.edits.createAddress(uuid, body, Actors.of(request)));
	}

	@PostMapping(path = "/{uuid}/kle", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a KLE task to the unit")
	ResponseEntity<VersionJson<Kle>> addKle(@PathVariable UUID uuid, @Valid @RequestBody NewKle body,
			HttpServletRequest request) {
		return Created.at("/api/v1/kle/{uuid}", this.edits.createKle(uuid, body, Actors.of(request)));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a unit no source has, under a parent, from a date",
			description = "Needs the role edit for the parent. 422 when the store rejects it (e.g. the parent "
					+ "does not exist on every day); nothing is stored then.")
	ResponseEntity<VersionJson<OrgUnit>> create(@Valid @RequestBody NewOrgUnit body, HttpServletRequest request) {
		return Created.at("/api/v1/org-units/{uuid}", this.edits.createUnit(body, Actors.of(request)));
	}

	@PutMapping(path = "/{uuid}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Rename, move, or give a unit a new type, level or payout unit from a date",
			description = "A move needs the role edit for the unit, its old and its new parent. A field a source "
					+ "holds (see /sources) is refused with 409. Without validTo the new value holds to the end "
					+ "of the unit.")
	VersionJson<OrgUnit> change(@PathVariable UUID uuid, @Valid @RequestBody OrgUnitChange body,
			HttpServletRequest request) {
		return VersionJson.of(this.edits.changeUnit(uuid, body, Actors.of(request)));
	}

	@PostMapping("/{uuid}/end")
	@Operation(summary = "End a unit no source has: it does not hold from the date on",
			description = "409 for a unit a source delivers; 422 while units, roles or addresses still need it.")
	ResponseEntity<Void> end(@PathVariable UUID uuid,
			@Parameter(description = "First day the unit no longer holds",
					required = true) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			HttpServletRequest request) {
		this.edits.endUnit(uuid, date, Actors.of(request));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{uuid}/sources")
	@Operation(summary = "The sources of a unit and the fields each holds",
			description = "A field a source holds (by hub.field-policy or the source's declared ownership) is not "
					+ "edited locally; a unit without sources is the hub's own and may be moved and ended.")
	SourcesJson sources(@PathVariable UUID uuid, @ParameterObject ReadParameters read) {
		OrgUnit unit = this.reader.find(OrgUnit.class, uuid, this.reader.readPoint(read)).value();
		List<String> sources = this.owners.sources(unit);
		return new SourcesJson(uuid, sources, this.owners.fields(unit, sources));
	}

	/**
	 * The sources of an object and the fields they hold.
	 *
	 * @param uuid the object
	 * @param sources the sources bound to it or that registered it first; empty for the
	 * hub's own
	 * @param fields each field a source holds, with that source
	 */
	record SourcesJson(UUID uuid, List<String> sources, Map<String, String> fields) {

	}

	/**
	 * A unit's manager.
	 *
	 * @param unit the unit asked about
	 * @param inherit whether ancestors were looked at
	 * @param inherited whether the manager belongs to an ancestor
	 * @param manager the manager role found, {@code null} when none
	 * @param vacantRoles vacant roles passed over, nearest unit first
	 */
	record ManagerJson(UUID unit, boolean inherit, boolean inherited,
			@Schema(nullable = true) VersionJson<Manager> manager, List<VersionJson<Manager>> vacantRoles) {

		ManagerJson {
			Objects.requireNonNull(unit, "unit");
		}

	}

}
