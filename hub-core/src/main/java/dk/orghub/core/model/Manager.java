package dk.orghub.core.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A manager role in a unit.
 *
 * @param person the manager, {@code null} when the role is vacant
 * @param managerType class of facet {@code manager_type}
 * @param managerLevel class of facet {@code manager_level}, may be {@code null}
 * @param responsibilities classes of facet {@code responsibility}
 */
public record Manager(UUID uuid, String userKey, UUID unit, UUID person, UUID managerType, UUID managerLevel,
		List<UUID> responsibilities) implements OrgObject {

	public Manager {
		Objects.requireNonNull(uuid, "uuid");
		responsibilities = (responsibilities != null) ? List.copyOf(responsibilities) : List.of();
	}

	public boolean isVacant() {
		return this.person == null;
	}

}
