package dk.orghub.core.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyTextTest {

	@Test
	void escapesTheFormatsOwnCharactersAndWritesNullAsBackslashN() {
		assertThat(row("a\tb", "c\nd\r\n", "back\\slash", "\\N", null, "", "Ærø ' \" , |"))
			.isEqualTo("a\\tb\tc\\nd\\r\\n\tback\\\\slash\t\\\\N\t\\N\t\tÆrø ' \" , |\n");
	}

	@Test
	void writesTheStoresValueTypes() {
		UUID uuid = UUID.fromString("0b8f3e4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c");
		assertThat(row(uuid, true, false, 42L, 7, new BigDecimal("1E+2"), new BigDecimal("0.3330")))
			.isEqualTo("0b8f3e4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c\tt\tf\t42\t7\t100\t0.3330\n");
	}

	@Test
	void writesDatesAndTimestampsInIsoFormTimestampsInUtc() {
		assertThat(row(LocalDate.of(9999, 12, 31), LocalDate.of(900, 1, 2), LocalDate.of(0, 3, 4)))
			.isEqualTo("9999-12-31\t0900-01-02\t0001-03-04 BC\n");
		assertThat(row(OffsetDateTime.of(2026, 1, 10, 9, 5, 3, 123_456_000, ZoneOffset.ofHours(1)),
				OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC)))
			.isEqualTo("2026-01-10 08:05:03.123456000+00\t9999-12-31 00:00:00.000000000+00\n");
	}

	@Test
	void refusesATypeItHasNoFormFor() {
		assertThatThrownBy(() -> row(1.5d)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("java.lang.Double");
	}

	private static String row(Object... values) {
		StringBuilder out = new StringBuilder();
		CopyText.row(out, values);
		return out.toString();
	}

}
