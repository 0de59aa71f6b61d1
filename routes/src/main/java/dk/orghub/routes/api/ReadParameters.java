package dk.orghub.routes.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import dk.orghub.core.store.ReadPoint;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The {@code at} and {@code registeredAt} query parameters: which business date to read
 * and as known at which time.
 */
record ReadParameters(
		@Schema(description = "Business date to read (ISO date); default today in Europe/Copenhagen",
				example = "2025-03-01") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
		@Schema(description = "Read what the hub knew at this time (ISO instant); default now",
				example = "2025-03-02T12:00:00Z") Instant registeredAt) {

	ReadPoint toReadPoint(Clock clock) {
		return ReadPoint.of(this.at, this.registeredAt, clock);
	}

}
