package dk.orghub.routes.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodsTest {

	private static final LocalDate JAN = LocalDate.of(2025, 1, 1);

	private static final LocalDate MAR = LocalDate.of(2025, 3, 1);

	private static final LocalDate JUN = LocalDate.of(2025, 6, 1);

	private static final LocalDate SEP = LocalDate.of(2025, 9, 1);

	private final UUID uuid = UUID.randomUUID();

	private final Timeline<Kle> timeline = Timeline.of(List.of(new Segment<>(Validity.between(JAN, MAR), kle("27")),
			new Segment<>(Validity.between(MAR, JUN), kle("27.24")), new Segment<>(Validity.from(SEP), kle("27"))));

	@Test
	void aChangeWithoutEndHoldsToTheEndOfThePeriodTheObjectExists() {
		assertThat(Periods.change(this.timeline, LocalDate.of(2025, 2, 1), null, "KLE task"))
			.isEqualTo(Validity.between(LocalDate.of(2025, 2, 1), JUN));
		assertThat(Periods.change(this.timeline, LocalDate.of(2025, 10, 1), null, "KLE task"))
			.isEqualTo(Validity.from(LocalDate.of(2025, 10, 1)));
	}

	@Test
	void aChangeWithAnEndHoldsToIt() {
		assertThat(Periods.change(this.timeline, JAN, MAR, "KLE task")).isEqualTo(Validity.between(JAN, MAR));
	}

	@Test
	void aChangeWhereTheObjectDoesNotExistNamesValidFrom() {
		assertThatThrownBy(() -> Periods.change(this.timeline, LocalDate.of(2025, 7, 1), null, "KLE task"))
			.isInstanceOfSatisfying(BadParameterException.class, ex -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(400);
				assertThat(ex.getBody().getDetail()).contains("'validFrom'", "not valid on 2025-07-01",
						"[2025-01-01, 2025-06-01)");
			});
	}

	@Test
	void anEndNotAfterTheStartNamesValidTo() {
		assertThatThrownBy(() -> Periods.of(MAR, MAR)).isInstanceOfSatisfying(BadParameterException.class,
				ex -> assertThat(ex.getBody().getDetail()).contains("'validTo'"));
	}

	private Kle kle(String number) {
		return new Kle(this.uuid, "k", UUID.randomUUID(), number, UUID.randomUUID());
	}

}
