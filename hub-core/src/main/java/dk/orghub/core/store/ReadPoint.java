package dk.orghub.core.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where in the two time axes a read looks: the validity date ("as at") and the
 * registration time ("as known at").
 */
public record ReadPoint(LocalDate at, Instant registeredAt) {

	/** Validity dates are whole dates in Danish time. */
	public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

	public ReadPoint {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(registeredAt, "registeredAt");
	}

	/** Today as known now. */
	public static ReadPoint now(Clock clock) {
		return new ReadPoint(today(clock), clock.instant());
	}

	/**
	 * A read point from optional values: {@code at} defaults to today,
	 * {@code registeredAt} to now.
	 */
	public static ReadPoint of(LocalDate at, Instant registeredAt, Clock clock) {
		return new ReadPoint((at != null) ? at : today(clock),
				(registeredAt != null) ? registeredAt : clock.instant().plus(1, ChronoUnit.MICROS));
	}

	public static LocalDate today(Clock clock) {
		return LocalDate.ofInstant(clock.instant(), ZONE);
	}

	public ReadPoint withAt(LocalDate date) {
		return new ReadPoint(date, this.registeredAt);
	}

}
