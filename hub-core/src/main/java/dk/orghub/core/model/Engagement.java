package dk.orghub.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.UUID;

/**
 * An employment of a person in a unit.
 *
 * @param userKey the employment number
 * @param jobFunction class of facet {@code job_function}
 * @param engagementType class of facet {@code engagement_type}
 * @param fraction the occupation rate, 1 = full time; may be {@code null}; kept with four
 * decimals
 * @param primary whether this is the person's primary engagement
 */
public record Engagement(UUID uuid, String userKey, UUID person, UUID unit, UUID jobFunction, UUID engagementType,
		BigDecimal fraction, boolean primary) implements OrgObject {

	public Engagement {
		Objects.requireNonNull(uuid, "uuid");
		if (fraction != null) {
			fraction = fraction.setScale(4, RoundingMode.HALF_UP);
		}
	}

	public Engagement withPrimary(boolean primary) {
		return new Engagement(this.uuid, this.userKey, this.person, this.unit, this.jobFunction, this.engagementType,
				this.fraction, primary);
	}

}
