package dk.orghub.adapters.sts.autoconfigure;

import java.util.List;
import java.util.UUID;

import dk.orghub.core.rules.UnitScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which units are sent to STS Organisation ({@code hub.targets.sts.units.*}). What is
 * placed in a unit left out (its engagements, associations, manager roles and addresses)
 * is not sent either.
 *
 * @param hierarchies the hierarchies whose units are sent: user keys or UUIDs of classes
 * of facet {@code org_unit_hierarchy} (default {@code Linjeorganisation})
 * @param excludedSubtrees UUIDs of units that are not sent, nor any unit below them
 */
@Validated
@ConfigurationProperties("hub.targets.sts.units")
public record StsUnitProperties(@NotEmpty @DefaultValue("Linjeorganisation") List<@NotBlank String> hierarchies,
		@NotNull @DefaultValue List<UUID> excludedSubtrees) {

	/** The rule these settings make. */
	public UnitScope scope() {
		return UnitScope.of(this.hierarchies, this.excludedSubtrees);
	}

}
