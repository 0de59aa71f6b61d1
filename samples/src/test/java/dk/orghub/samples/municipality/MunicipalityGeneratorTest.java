package dk.orghub.samples.municipality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.store.ChangeSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MunicipalityGeneratorTest {

	@Test
	void sameSeedAndSizeGiveTheSameMunicipality() {
		Municipality first = MunicipalityGenerator.generate(42, 2_000);
		Municipality second = MunicipalityGenerator.generate(42, 2_000);

		assertThat(second).isEqualTo(first);
		assertThat(second.units().keySet()).containsExactlyElementsOf(first.units().keySet());
		assertThat(second.engagements().keySet()).containsExactlyElementsOf(first.engagements().keySet());
		Actor actor = Actor.source("samples");
		assertThat(second.toChangeSet(actor).operations()).isEqualTo(first.toChangeSet(actor).operations());
	}

	@Test
	void anotherSeedGivesAnotherMunicipality() {
		Municipality first = MunicipalityGenerator.generate(42, 2_000);
		Municipality other = MunicipalityGenerator.generate(43, 2_000);

		assertThat(other).isNotEqualTo(first);
		assertThat(other.persons().keySet()).doesNotContainAnyElementsOf(first.persons().keySet());
		assertThat(other.units().keySet()).doesNotContainAnyElementsOf(first.units().keySet());
		assertThat(cprs(other)).isNotEqualTo(cprs(first));
	}

	@Test
	void smallMunicipalityHasTheFullShapeOfTheTree() {
		Municipality small = Samples.of(100);

		assertThat(small.persons()).hasSize(100);
		assertThat(small.units()).hasSizeBetween(15, 45);
		assertThat(depth(small)).isGreaterThanOrEqualTo(5).isEqualTo(small.depth());
		assertThat(childrenOf(small, small.root())).hasSize(6);
	}

	@Test
	void largeMunicipalityHasAboutOneUnitPerFifteenEmployees() {
		Municipality large = Samples.of(45_000);

		assertThat(large.persons()).hasSize(45_000);
		assertThat(large.units()).hasSizeBetween(2_500, 3_500);
		assertThat(depth(large)).isGreaterThanOrEqualTo(5).isEqualTo(large.depth());
		assertThat(childrenOf(large, large.root())).extracting(OrgUnit::name)
			.containsExactly("Børn og Unge", "Social og Sundhed", "Teknik og Miljø", "Kultur og Fritid",
					"Økonomi og Administration", "Beskæftigelse");
	}

	@Test
	void sizeOutsideTheSupportedRangeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> MunicipalityGenerator.generate(1, 99))
			.withMessageContaining("between 100 and 45000");
		assertThatIllegalArgumentException().isThrownBy(() -> MunicipalityGenerator.generate(1, 45_001));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MunicipalityGenerator.generate(1, 500, LocalDate.of(2009, 12, 31)));
	}

	@Test
	void referenceDateSeparatesEndedAndFutureEngagements() {
		LocalDate reference = LocalDate.of(2026, 11, 1);
		Municipality municipality = MunicipalityGenerator.generate(5, 3_000, reference);

		assertThat(municipality.referenceDate()).isEqualTo(reference);
		assertThat(municipality.engagements().values()).anyMatch((t) -> start(t).isAfter(reference))
			.anyMatch((t) -> end(t) != null && !end(t).isAfter(reference))
			.anyMatch((t) -> start(t).isBefore(reference) && end(t) == null);
	}

	@Test
	void changeSetReplacesEveryObjectParentsFirst() {
		Municipality municipality = Samples.of(500);

		ChangeSet changeSet = municipality.toChangeSet(Actor.source("samples"));

		assertThat(changeSet.actor()).isEqualTo(Actor.source("samples"));
		assertThat(changeSet.operations()).hasSize(municipality.objectCount())
			.allMatch((o) -> o instanceof ChangeSet.Replace);
		assertThat(changeSet.operations()).extracting(ChangeSet.Operation::type)
			.isSortedAccordingTo((a, b) -> Integer.compare(order(a), order(b)));
		Map<UUID, Integer> position = new HashMap<>();
		for (int i = 0; i < changeSet.operations().size(); i++) {
			position.put(changeSet.operations().get(i).uuid(), i);
		}
		List<Timeline<OrgUnit>> units = new ArrayList<>(municipality.units().values());
		units.addAll(municipality.actors().medUnits().values());
		assertThat(municipality.actors().medUnits()).isNotEmpty();
		for (Timeline<OrgUnit> unit : units) {
			UUID parent = unit.segments().get(0).value().parent();
			if (parent != null) {
				assertThat(position.get(parent)).isLessThan(position.get(unit.segments().get(0).value().uuid()));
			}
		}
	}

	@Test
	void largestUnitHasTheMostEngagements() {
		Municipality municipality = Samples.of(500);
		LocalDate date = municipality.referenceDate();

		UUID largest = municipality.largestUnitByEngagements(date);

		long most = municipality.engagementCount(largest, date);
		assertThat(most).isGreaterThan(10);
		assertThat(municipality.units().keySet()).allMatch((u) -> municipality.engagementCount(u, date) <= most);
	}

	private static int order(ObjectType type) {
		return switch (type) {
			case ORGANISATION -> 0;
			case ORG_UNIT -> 1;
			case PERSON -> 2;
			case ENGAGEMENT -> 3;
			case ASSOCIATION -> 4;
			case MANAGER -> 5;
			case ADDRESS -> 6;
			case KLE -> 7;
			default -> throw new IllegalArgumentException("unexpected " + type);
		};
	}

	private static List<String> cprs(Municipality municipality) {
		return municipality.persons()
			.values()
			.stream()
			.map((t) -> t.segments().get(0).value())
			.map(Person::cpr)
			.toList();
	}

	private static List<OrgUnit> childrenOf(Municipality municipality, UUID parent) {
		return municipality.units()
			.values()
			.stream()
			.map((t) -> t.segments().get(0).value())
			.filter((u) -> parent.equals(u.parent()))
			.toList();
	}

	/** Counted here independently of {@link Municipality#depth()}. */
	private static int depth(Municipality municipality) {
		Map<UUID, UUID> parents = new HashMap<>();
		municipality.units()
			.values()
			.forEach((t) -> parents.put(t.segments().get(0).value().uuid(), t.segments().get(0).value().parent()));
		int deepest = 0;
		for (UUID unit : parents.keySet()) {
			int depth = 0;
			for (UUID current = unit; current != null; current = parents.get(current)) {
				depth++;
			}
			deepest = Math.max(deepest, depth);
		}
		return deepest;
	}

	private static LocalDate start(Timeline<?> timeline) {
		return timeline.segments().get(0).validity().from();
	}

	private static LocalDate end(Timeline<?> timeline) {
		return timeline.segments().get(timeline.segments().size() - 1).validity().to();
	}

}
