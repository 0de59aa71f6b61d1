package dk.orghub.samples.municipality;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.spi.SourceOwnership;

/**
 * A source that delivers a generated {@link Municipality} as a full snapshot, for demos,
 * tests and benchmarks of the import. It owns every field of the organisation, units (the
 * MED organisation's too), persons, engagements, associations, managers, unit addresses
 * and KLE tasks; each object's external id is its user key (a person's is its person
 * number, never the CPR number).
 * <p>
 * Reading never fails and touches neither the network nor the file system. Thread-safe:
 * it holds only immutable data.
 */
public final class SampleMunicipalitySource implements SnapshotSource {

	/** The source's name in registrations and configuration. */
	public static final String NAME = "samples";

	private static final List<ObjectType> TYPES = List.of(ObjectType.ORGANISATION, ObjectType.ORG_UNIT,
			ObjectType.PERSON, ObjectType.ENGAGEMENT, ObjectType.ASSOCIATION, ObjectType.MANAGER, ObjectType.ADDRESS,
			ObjectType.KLE);

	private static final SourceOwnership OWNERSHIP = ownershipOfAllFields();

	private final Municipality municipality;

	public SampleMunicipalitySource(Municipality municipality) {
		this.municipality = Objects.requireNonNull(municipality, "municipality");
	}

	/** A source of a municipality generated from a seed and a size. */
	public SampleMunicipalitySource(long seed, int employees) {
		this(MunicipalityGenerator.generate(seed, employees));
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public SourceOwnership ownership() {
		return OWNERSHIP;
	}

	public Municipality municipality() {
		return this.municipality;
	}

	/** The whole municipality with its history ({@code effectiveFrom} is null). */
	@Override
	public Snapshot snapshot(SourceContext context) {
		Municipality m = this.municipality;
		List<DesiredObject<?>> objects = new ArrayList<>(m.objectCount());
		long total = m.objectCount();
		add(objects, ObjectType.ORGANISATION,
				Map.of(m.organisation().segments().get(0).value().uuid(), m.organisation()));
		context.progress(objects.size(), total);
		add(objects, ObjectType.ORG_UNIT, m.units());
		add(objects, ObjectType.ORG_UNIT, m.actors().medUnits());
		add(objects, ObjectType.PERSON, m.persons());
		add(objects, ObjectType.PERSON, m.actors().persons());
		context.progress(objects.size(), total);
		add(objects, ObjectType.ENGAGEMENT, m.engagements());
		add(objects, ObjectType.ASSOCIATION, m.actors().associations());
		add(objects, ObjectType.MANAGER, m.managers());
		add(objects, ObjectType.ADDRESS, m.addresses());
		add(objects, ObjectType.KLE, m.kle());
		context.progress(objects.size(), total);
		return new Snapshot(OWNERSHIP.types(), null, objects, null);
	}

	private static <T extends OrgObject> void add(List<DesiredObject<?>> objects, ObjectType type,
			Map<UUID, Timeline<T>> timelines) {
		for (Timeline<T> timeline : timelines.values()) {
			objects.add(new DesiredObject<>(type, timeline.segments().get(0).value().userKey(), timeline));
		}
	}

	/** Every record component but the UUID, which identifies rather than describes. */
	private static SourceOwnership ownershipOfAllFields() {
		Map<ObjectType, Set<String>> fields = new EnumMap<>(ObjectType.class);
		for (ObjectType type : TYPES) {
			Set<String> names = new LinkedHashSet<>();
			for (RecordComponent component : type.javaType().getRecordComponents()) {
				if (!component.getName().equals("uuid")) {
					names.add(component.getName());
				}
			}
			fields.put(type, names);
		}
		return new SourceOwnership(fields);
	}

}
