package dk.orghub.testkit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.ChangeBatch;
import dk.orghub.core.spi.ChangeFeedSource;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.Deactivator;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.ReadBack;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.core.spi.TargetObject;

/**
 * A fake system of unit names with a change log, and adapters over it, for the test kit's
 * own tests: a correct source and target, and sources with one flaw each.
 */
final class MemorySystem {

	static final LocalDate FROM = LocalDate.of(2020, 1, 1);

	private static final UUID UNIT_TYPE = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling");

	private final Map<String, String> names = new LinkedHashMap<>();

	private final List<String> log = new ArrayList<>();

	MemorySystem(int units) {
		for (int i = 1; i <= units; i++) {
			this.names.put("U" + i, "Enhed " + i);
		}
	}

	/** Renames the first unit, a new name each time. */
	void rename() {
		String id = this.names.keySet().iterator().next();
		this.names.put(id, "Enhed omdøbt " + (this.log.size() + 1));
		this.log.add(id);
	}

	/** The ids of the units, in order. */
	List<String> ids() {
		return List.copyOf(this.names.keySet());
	}

	static UUID uuid(String externalId) {
		return UUID.nameUUIDFromBytes(externalId.getBytes(StandardCharsets.UTF_8));
	}

	DesiredObject<OrgUnit> unit(String id) {
		return unit(id, this.names.get(id));
	}

	DesiredObject<OrgUnit> unit(String id, String name) {
		OrgUnit unit = new OrgUnit(uuid(id), id, name, null, UNIT_TYPE, null, null);
		return new DesiredObject<>(ObjectType.ORG_UNIT, id, Timeline.of(Validity.from(FROM), unit));
	}

	enum Flaw {

		/** None: the adapter keeps every contract. */
		NONE,
		/** Reports no change after a token. */
		DEAF,
		/** Reports the first unit with a new name on every read. */
		RESTLESS,
		/** Delivers one unit twice in its snapshot. */
		DUPLICATE

	}

	/** A snapshot source with a change feed whose token is the length of the log. */
	static final class Source implements SnapshotSource, ChangeFeedSource {

		private final MemorySystem system;

		private final Flaw flaw;

		private int reads;

		Source(MemorySystem system, Flaw flaw) {
			this.system = system;
			this.flaw = flaw;
		}

		@Override
		public String name() {
			return "memory";
		}

		@Override
		public SourceOwnership ownership() {
			return new SourceOwnership(Map.of(ObjectType.ORG_UNIT, Set.of("userKey", "name", "parent", "unitType")));
		}

		@Override
		public Snapshot snapshot(SourceContext context) {
			List<DesiredObject<?>> objects = new ArrayList<>();
			this.system.names.keySet().forEach(id -> objects.add(this.system.unit(id)));
			if (this.flaw == Flaw.DUPLICATE) {
				objects.add(objects.get(0));
			}
			return new Snapshot(Set.of(ObjectType.ORG_UNIT), null, objects, token());
		}

		@Override
		public ChangeBatch changesSince(SourceContext context, String token) {
			int from = (token != null) ? Integer.parseInt(token) : this.system.log.size();
			List<DesiredObject<?>> changed = new ArrayList<>();
			if (this.flaw != Flaw.DEAF) {
				this.system.log.subList(from, this.system.log.size())
					.stream()
					.distinct()
					.forEach(id -> changed.add(this.system.unit(id)));
			}
			if (this.flaw == Flaw.RESTLESS) {
				this.reads++;
				changed.add(this.system.unit("U1", "Enhed " + this.reads + " gange læst"));
			}
			return new ChangeBatch(changed, List.of(), token(), false);
		}

		private String token() {
			return Integer.toString(this.system.log.size());
		}

	}

	/**
	 * A target holding the objects in memory; {@code readBack} false leaves out ReadBack.
	 */
	static TargetAdapter target(boolean readBack) {
		Map<UUID, TargetObject<?>> held = new HashMap<>();
		return readBack ? new FullTarget(held) : new WriteOnlyTarget(held);
	}

	private static class WriteOnlyTarget implements ChangePublisher, Deactivator {

		final Map<UUID, TargetObject<?>> held;

		WriteOnlyTarget(Map<UUID, TargetObject<?>> held) {
			this.held = held;
		}

		@Override
		public String name() {
			return "memory-target";
		}

		@Override
		public void publish(TargetObject<?> object) {
			this.held.put(object.uuid(), object);
		}

		@Override
		public void deactivate(ObjectType type, UUID uuid, LocalDate date) {
			TargetObject<?> object = this.held.get(uuid);
			OrgUnit unit = (OrgUnit) object.timeline().segments().get(0).value();
			LocalDate from = object.timeline().segments().get(0).validity().from();
			this.held.put(uuid, new TargetObject<>(type, uuid, Timeline.of(Validity.between(from, date), unit)));
		}

	}

	private static final class FullTarget extends WriteOnlyTarget implements ReadBack {

		FullTarget(Map<UUID, TargetObject<?>> held) {
			super(held);
		}

		@Override
		public Optional<TargetObject<?>> read(ObjectType type, UUID uuid) {
			return Optional.ofNullable(this.held.get(uuid));
		}

	}

}
