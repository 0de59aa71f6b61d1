package dk.orghub.routes.api;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the local edits. */
final class EditRequests {

	private EditRequests() {
	}

	@Schema(name = "NewAddress", description = "A new address of a unit")
	record NewAddress(
			@Schema(description = "Address type: UUID or user key of a class of facet address_type",
					example = "EAN") @NotBlank String addressType,
			@Schema(description = "The value, validated by the address type",
					example = "5798000012349") @NotBlank @Size(max = 200) String value,
			@Schema(description = "Visibility: UUID or user key of a class of facet visibility",
					example = "PUBLIC") String visibility,
			@Schema(description = "User key; default: the unit's user key and the address type's") @Size(
					max = 200) String userKey,
			@Schema(description = "First day the address holds; default today") LocalDate validFrom,
			@Schema(description = "First day it no longer holds; default open-ended") LocalDate validTo) {

	}

	@Schema(name = "AddressChange", description = "A new value of an address from a date")
	record AddressChange(@Schema(description = "The new value") @NotBlank @Size(max = 200) String value,
			@Schema(description = "New address type (UUID or user key); default unchanged") String addressType,
			@Schema(description = "New visibility (UUID or user key); default unchanged") String visibility,
			@Schema(description = "First day of the new value; default today") LocalDate validFrom,
			@Schema(description = "First day the new value no longer holds; default the end of the address") LocalDate validTo) {

	}

	@Schema(name = "NewKle", description = "A KLE task of a unit")
	record NewKle(
			@Schema(description = "KLE number: main group, group or topic",
					example = "27.24.00") @NotBlank String kleNumber,
			@Schema(description = "Aspect: UUID or user key of a class of facet kle_aspect",
					example = "Ansvarlig") @NotBlank String aspect,
			@Schema(description = "User key; default: the unit's user key, the KLE number and the aspect") @Size(
					max = 200) String userKey,
			@Schema(description = "First day the task holds; default today") LocalDate validFrom,
			@Schema(description = "First day it no longer holds; default open-ended") LocalDate validTo) {

	}

	@Schema(name = "KleChange", description = "A new KLE number or aspect of a unit's task from a date")
	record KleChange(@Schema(description = "New KLE number; default unchanged") String kleNumber,
			@Schema(description = "New aspect (UUID or user key); default unchanged") String aspect,
			@Schema(description = "First day of the new value; default today") LocalDate validFrom,
			@Schema(description = "First day the new value no longer holds; default the end of the task") LocalDate validTo) {

	}

	@Schema(name = "NewAssociation",
			description = "A person tied to a unit without a payroll employment: an existing person, or a new one")
	record NewAssociation(@Schema(description = "An existing person; give this or newPerson") UUID person,
			@Schema(description = "A person the hub does not know yet; give this or person") @Valid NewPerson newPerson,
			@Schema(description = "The unit") @NotNull UUID unit,
			@Schema(description = "Association type: UUID or user key of a class of facet association_type",
					example = "Ekstern konsulent") @NotBlank String associationType,
			@Schema(description = "Job function: UUID or user key of a class of facet job_function",
					example = "Konsulent") String jobFunction,
			@Schema(description = "User key; default: the unit's user key, the type and a serial") @Size(
					max = 200) String userKey,
			@Schema(description = "First day the association holds; default today") LocalDate validFrom,
			@Schema(description = "First day it no longer holds; default open-ended") LocalDate validTo) {

	}

	@Schema(name = "NewPerson", description = "A new person: with a CPR number, or with the reason there is none")
	record NewPerson(@Schema(example = "Jane") @Size(max = 100) String givenName,
			@Schema(example = "Doe") @Size(max = 100) String surname,
			@Schema(description = "CPR number (sensitive); ten digits, a dash after the sixth allowed") String cpr,
			@Schema(description = "Why the person has no CPR number; required without one",
					example = "Konsulent bosat i udlandet") @Size(max = 200) String noCprReason,
			@Schema(description = "User key; default the person's UUID") @Size(max = 200) String userKey) {

	}

	@Schema(name = "AssociationChange", description = "A new unit, type or job function of an association from a date")
	record AssociationChange(@Schema(description = "New unit; default unchanged") UUID unit,
			@Schema(description = "New association type (UUID or user key); default unchanged") String associationType,
			@Schema(description = "New job function (UUID or user key); default unchanged") String jobFunction,
			@Schema(description = "First day of the new value; default today") LocalDate validFrom,
			@Schema(description = "First day the new value no longer holds; default the end of the association") LocalDate validTo) {

	}

	@Schema(name = "NewOrgUnit", description = "A unit no source has, under a parent unit")
	record NewOrgUnit(@Schema(example = "Skolefritidsordning Nord") @NotBlank @Size(max = 200) String name,
			@Schema(description = "The parent unit; the new unit joins its hierarchy") @NotNull UUID parent,
			@Schema(description = "Unit type: UUID or user key of a class of facet org_unit_type",
					example = "Afdeling") @NotBlank String unitType,
			@Schema(description = "Unit level: UUID or user key of a class of facet org_unit_level") String unitLevel,
			@Schema(description = "The payout unit (Udbetalende Enhed)") UUID payoutUnit,
			@Schema(description = "User key; default: the parent's user key and a serial") @Size(
					max = 200) String userKey,
			@Schema(description = "First day the unit holds; default today") LocalDate validFrom,
			@Schema(description = "First day it no longer holds; default open-ended") LocalDate validTo) {

	}

	@Schema(name = "OrgUnitChange",
			description = "A new name, parent (a move), type, level or payout unit of a unit from a date; "
					+ "a field a source holds is refused")
	record OrgUnitChange(@Schema(description = "New name; default unchanged") @Size(max = 200) String name,
			@Schema(description = "New parent (a move); default unchanged") UUID parent,
			@Schema(description = "New unit type (UUID or user key); default unchanged") String unitType,
			@Schema(description = "New unit level (UUID or user key); default unchanged") String unitLevel,
			@Schema(description = "New payout unit; default unchanged") UUID payoutUnit,
			@Schema(description = "Remove the payout unit") boolean noPayoutUnit,
			@Schema(description = "First day of the new value; default today") LocalDate validFrom,
			@Schema(description = "First day the new value no longer holds; default the end of the unit") LocalDate validTo) {

	}

	@Schema(name = "NewManager", description = "A manager of a unit that payroll gives none")
	record NewManager(@Schema(description = "The person") @NotNull UUID person,
			@Schema(description = "The unit") @NotNull UUID unit,
			@Schema(description = "Manager type: UUID or user key of a class of facet manager_type",
					example = "Leder") @NotBlank String managerType,
			@Schema(description = "Manager level: UUID or user key of a class of facet manager_level") String managerLevel,
			@Schema(description = "User key; default: the unit's user key and a serial") @Size(
					max = 200) String userKey,
			@Schema(description = "First day the role holds; default today") LocalDate validFrom,
			@Schema(description = "First day it no longer holds; default open-ended") LocalDate validTo) {

	}

}
