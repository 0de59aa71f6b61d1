package dk.orghub.samples.municipality;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.Person;
import dk.orghub.core.spi.Capabilities;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SourceContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleMunicipalitySourceTest {

	private static final Set<ObjectType> TYPES = EnumSet.of(ObjectType.ORGANISATION, ObjectType.ORG_UNIT,
			ObjectType.PERSON, ObjectType.ENGAGEMENT, ObjectType.ASSOCIATION, ObjectType.MANAGER, ObjectType.ADDRESS,
			ObjectType.KLE);

	private final Municipality municipality = Samples.of(500);

	private final SampleMunicipalitySource source = new SampleMunicipalitySource(this.municipality);

	@Test
	void isASnapshotSourceNamedSamplesThatOwnsEveryFieldOfItsTypes() {
		assertThat(this.source.name()).isEqualTo("samples");
		assertThat(Capabilities.of(this.source)).containsExactly("SnapshotSource");
		assertThat(this.source.ownership().types()).isEqualTo(TYPES);
		assertThat(this.source.ownership().fields().get(ObjectType.ORG_UNIT)).containsExactlyInAnyOrder("userKey",
				"name", "parent", "unitType", "unitLevel", "payoutUnit", "hierarchy", "covers");
		assertThat(this.source.ownership().owns(ObjectType.PERSON, "cpr")).isTrue();
		assertThat(this.source.ownership().owns(ObjectType.ENGAGEMENT, "primary")).isTrue();
		assertThat(this.source.ownership().owns(ObjectType.ENGAGEMENT, "uuid")).isFalse();
		assertThat(this.source.ownership().owns(ObjectType.IT_USER, "userKey")).isFalse();
	}

	@Test
	void snapshotHoldsEveryObjectWithItsWholeHistory() {
		RecordingContext context = new RecordingContext();

		Snapshot snapshot = this.source.snapshot(context);

		assertThat(snapshot.scope()).isEqualTo(TYPES);
		assertThat(snapshot.effectiveFrom()).isNull();
		assertThat(snapshot.token()).isNull();
		assertThat(snapshot.objects()).hasSize(this.municipality.objectCount());
		Set<String> externalIds = new HashSet<>();
		for (DesiredObject<?> object : snapshot.objects()) {
			assertThat(externalIds.add(object.type() + "/" + object.externalId())).isTrue();
			assertThat(object.externalId()).isEqualTo(object.timeline().segments().get(0).value().userKey());
			assertThat(object.timeline()).isEqualTo(switch (object.type()) {
				case ORGANISATION -> this.municipality.organisation();
				case ORG_UNIT -> this.municipality.units()
					.getOrDefault(object.uuid(), this.municipality.actors().medUnits().get(object.uuid()));
				case PERSON -> this.municipality.persons()
					.getOrDefault(object.uuid(), this.municipality.actors().persons().get(object.uuid()));
				case ENGAGEMENT -> this.municipality.engagements().get(object.uuid());
				case ASSOCIATION -> this.municipality.actors().associations().get(object.uuid());
				case MANAGER -> this.municipality.managers().get(object.uuid());
				case ADDRESS -> this.municipality.addresses().get(object.uuid());
				case KLE -> this.municipality.kle().get(object.uuid());
				default -> throw new AssertionError("unexpected type " + object.type());
			});
		}
		assertThat(context.progress).isNotEmpty();
		assertThat(context.progress.get(context.progress.size() - 1))
			.containsExactly((long) this.municipality.objectCount(), (long) this.municipality.objectCount());
	}

	@Test
	void personsAreKnownByTheirPersonNumberNeverTheirCpr() {
		Snapshot snapshot = this.source.snapshot(new RecordingContext());

		List<DesiredObject<?>> persons = snapshot.objects()
			.stream()
			.filter((o) -> o.type() == ObjectType.PERSON)
			.toList();
		assertThat(persons).hasSize(500 + this.municipality.actors().persons().size()).allSatisfy((o) -> {
			Person person = (Person) o.timeline().segments().get(0).value();
			assertThat(o.externalId()).matches("[PX][0-9]{6}").isNotEqualTo(person.cpr());
		});
		assertThat(persons).filteredOn((o) -> o.externalId().startsWith("P")).hasSize(500);
	}

	@Test
	void generatesItsMunicipalityFromSeedAndSize() {
		SampleMunicipalitySource generated = new SampleMunicipalitySource(Samples.SEED, 500);

		assertThat(generated.municipality()).isEqualTo(this.municipality);
	}

	/** A source context that remembers the progress reported. */
	private static final class RecordingContext implements SourceContext {

		private final List<List<Long>> progress = new ArrayList<>();

		@Override
		public Clock clock() {
			return Clock.fixed(Instant.parse("2025-01-01T06:00:00Z"), ZoneOffset.UTC);
		}

		@Override
		public Optional<UUID> knownIdentity(ObjectType type, String externalId) {
			return Optional.empty();
		}

		@Override
		public void progress(long done, long total) {
			this.progress.add(List.of(done, total));
		}

	}

}
