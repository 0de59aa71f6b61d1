package dk.orghub.core.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dk.orghub.core.model.Manager;
import dk.orghub.core.model.Versioned;

/**
 * The outcome of looking up the manager of a unit.
 * <p>
 * Vacant manager roles (no person) are never the answer. They are reported in
 * {@link #vacantRoles()}: the vacant roles of the units looked at, from the unit itself
 * up to the unit where a manager was found (or to the root when none was), so a caller
 * can tell "no manager role" from "the role is vacant".
 *
 * @param unit the unit asked about
 * @param manager the manager found, {@code null} when there is none
 * @param vacantRoles vacant roles passed over, nearest unit first
 */
public record ManagerResolution(UUID unit, Versioned<Manager> manager, List<Versioned<Manager>> vacantRoles) {

	public ManagerResolution {
		Objects.requireNonNull(unit, "unit");
		vacantRoles = List.copyOf(vacantRoles);
	}

	public Optional<Versioned<Manager>> found() {
		return Optional.ofNullable(this.manager);
	}

	/** Whether the manager found belongs to an ancestor rather than the unit itself. */
	public boolean inherited() {
		return this.manager != null && !this.unit.equals(this.manager.value().unit());
	}

}
