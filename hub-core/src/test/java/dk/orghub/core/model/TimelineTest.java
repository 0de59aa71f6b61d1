package dk.orghub.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelineTest {

	static final LocalDate JAN = LocalDate.of(2025, 1, 1);

	static final LocalDate MAR = LocalDate.of(2025, 3, 1);

	static final LocalDate JUN = LocalDate.of(2025, 6, 1);

	final UUID uuid = UUID.randomUUID();

	final Facet a = new Facet(this.uuid, "f", "A");

	final Facet b = new Facet(this.uuid, "f", "B");

	@Test
	void putSplitsAnOpenSegment() {
		Timeline<Facet> timeline = Timeline.of(Validity.from(JAN), this.a).put(Validity.between(MAR, JUN), this.b);
		assertThat(timeline.segments()).containsExactly(new Segment<>(Validity.between(JAN, MAR), this.a),
				new Segment<>(Validity.between(MAR, JUN), this.b), new Segment<>(Validity.from(JUN), this.a));
		assertThat(timeline.at(MAR.minusDays(1))).contains(this.a);
		assertThat(timeline.at(MAR)).contains(this.b);
	}

	@Test
	void adjacentEqualValuesAreMerged() {
		Timeline<Facet> timeline = Timeline.of(Validity.from(JAN), this.a)
			.put(Validity.between(MAR, JUN), this.b)
			.put(Validity.between(MAR, JUN), this.a);
		assertThat(timeline.segments()).containsExactly(new Segment<>(Validity.from(JAN), this.a));
	}

	@Test
	void removeEndsAndCoverageJoins() {
		Timeline<Facet> timeline = Timeline.of(Validity.from(JAN), this.a)
			.put(Validity.from(MAR), this.b)
			.remove(Validity.from(JUN));
		assertThat(timeline.coverage()).containsExactly(Validity.between(JAN, JUN));
		assertThat(timeline.covers(Validity.between(JAN, JUN))).isTrue();
		assertThat(timeline.covers(Validity.from(JAN))).isFalse();
		assertThat(timeline.at(JUN)).isEmpty();
	}

	@Test
	void overlappingSegmentsAreRefused() {
		assertThatThrownBy(() -> Timeline
			.of(List.of(new Segment<>(Validity.from(JAN), this.a), new Segment<>(Validity.from(MAR), this.b))))
			.hasMessageContaining("overlapping");
	}

	@Test
	void combineVisitsEveryElementaryInterval() {
		Timeline<Facet> left = Timeline.of(Validity.between(JAN, JUN), this.a);
		Timeline<Facet> right = Timeline.of(Validity.from(MAR), this.b);
		Timeline<Facet> combined = Timeline.combine(left, right, (l, r) -> (r != null) ? r : l);
		assertThat(combined.segments()).containsExactly(new Segment<>(Validity.between(JAN, MAR), this.a),
				new Segment<>(Validity.from(MAR), this.b));
	}

	@Test
	void validityRejectsEmptyIntervals() {
		assertThatThrownBy(() -> Validity.between(MAR, MAR)).hasMessageContaining("must be after");
		assertThat(Validity.between(JAN, Validity.END_OF_TIME).isOpen()).isTrue();
	}

}
