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
 * @param primaryByHand whether {@code primary} was chosen by hand (a local edit), which
 * the primary-engagement rule never overrides
 * @param originalUnit the unit payroll placed the engagement in when a rule moved it to
 * another (e.g. lifted from a too-deep level), else {@code null}
 */
public record Engagement(UUID uuid, String userKey, UUID person, UUID unit, UUID jobFunction, UUID engagementType,
		BigDecimal fraction, boolean primary, boolean primaryByHand, UUID originalUnit) implements OrgObject {

	public Engagement {
		Objects.requireNonNull(uuid, "uuid");
		if (fraction != null) {
			fraction = fraction.setScale(4, RoundingMode.HALF_UP);
		}
	}

	/**
	 * An engagement placed where payroll placed it, with its primary flag set by rule.
	 */
	public Engagement(UUID uuid, String userKey, UUID person, UUID unit, UUID jobFunction, UUID engagementType,
			BigDecimal fraction, boolean primary) {
		this(uuid, userKey, person, unit, jobFunction, engagementType, fraction, primary, false, null);
	}

	public Engagement withPrimary(boolean primary) {
		return new Engagement(this.uuid, this.userKey, this.person, this.unit, this.jobFunction, this.engagementType,
				this.fraction, primary, this.primaryByHand, this.originalUnit);
	}

	/** This engagement in {@code unit}, remembering the unit payroll gave. */
	public Engagement placedIn(UUID unit) {
		return new Engagement(this.uuid, this.userKey, this.person, unit, this.jobFunction, this.engagementType,
				this.fraction, this.primary, this.primaryByHand,
				(this.originalUnit != null) ? this.originalUnit : this.unit);
	}

}
