package dk.orghub.adapters.sts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dk.orghub.adapters.sts.StsObject.Period;
import dk.orghub.adapters.sts.StsObject.Props;
import dk.orghub.adapters.sts.StsObject.Rel;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.TargetObject;

/**
 * Translates what STS Organisation holds back to the canonical model, as far as STS
 * carries it: one segment per Egenskab period, relations as they stand at its start. What
 * STS does not hold is {@code null} (unit level, an engagement's person, type and
 * fraction, an address's owner, type and visibility, a manager's person and level); a
 * person's name is split at its last space. Plain Java, no I/O: the caller reads.
 */
final class StsReadBack {

	private final StsSettings settings;

	StsReadBack(StsSettings settings) {
		this.settings = settings;
	}

	/**
	 * The canonical object for an STS object.
	 * @param classes the canonical classes (to turn Enhedstype and function names back)
	 * @param payoutUnitOf the payout unit an Udbetalende Enhed function stands for, if
	 * any
	 * @param canonicalUuid the hub's UUID of the object (differs from the STS UUID for a
	 * Bruger named by its objectGUID)
	 */
	TargetObject<?> toCanonical(ObjectType type, UUID canonicalUuid, StsObject o, Map<UUID, Klasse> classes,
			Function<UUID, Optional<UUID>> payoutUnitOf) {
		List<Segment<OrgObject>> segments = new ArrayList<>();
		for (Props p : o.properties()) {
			Validity v = (p.period().to() != null) ? Validity.between(p.period().from(), p.period().to())
					: Validity.from(p.period().from());
			OrgObject value = switch (type) {
				case ORG_UNIT -> unit(canonicalUuid, o, p, classes, payoutUnitOf);
				case PERSON -> person(canonicalUuid, p);
				case ADDRESS -> new Address(canonicalUuid, p.userKey(), null, null, null, p.name(), null);
				case ENGAGEMENT ->
					new Engagement(canonicalUuid, p.userKey(), null, target(o, "TilknyttedeEnheder", p.period()),
							classByTitle(classes, p.name()), null, null, false);
				case MANAGER -> new Manager(canonicalUuid, p.userKey(), target(o, "TilknyttedeEnheder", p.period()),
						null, classByTitle(classes, p.name()), null, List.of());
				case IT_USER -> new ItUser(canonicalUuid, p.userKey(), target(o, "TilknyttedePersoner", p.period()),
						this.settings.itSystem(), o.uuid().equals(canonicalUuid) ? null : o.uuid().toString(),
						activeAt(o, p.period()));
				default -> throw new IllegalArgumentException(type + " is not published to STS Organisation");
			};
			segments.add(new Segment<>(v, value));
		}
		return new TargetObject<>(type, canonicalUuid, Timeline.of(segments));
	}

	private OrgUnit unit(UUID uuid, StsObject o, Props p, Map<UUID, Klasse> classes,
			Function<UUID, Optional<UUID>> payoutUnitOf) {
		UUID parent = target(o, "Overordnet", p.period());
		UUID stsType = target(o, "Enhedstype", p.period());
		UUID unitType = null;
		for (Map.Entry<String, UUID> e : this.settings.classes().unitTypes().entrySet()) {
			if (e.getValue().equals(stsType)) {
				unitType = classByKey(classes, DefaultClasses.ORG_UNIT_TYPE, e.getKey());
			}
		}
		UUID payoutUnit = null;
		for (Rel rel : o.relations()) {
			if (rel.name().equals("TilknyttedeFunktioner") && rel.period().contains(p.period().from())) {
				Optional<UUID> unit = payoutUnitOf.apply(rel.target());
				if (unit.isPresent()) {
					payoutUnit = unit.get();
				}
			}
		}
		return new OrgUnit(uuid, p.userKey(), p.name(), parent, unitType, null, payoutUnit);
	}

	private static Person person(UUID uuid, Props p) {
		String name = (p.name() != null) ? p.name() : "";
		int space = name.lastIndexOf(' ');
		String given = (space > 0) ? name.substring(0, space) : null;
		String surname = (space > 0) ? name.substring(space + 1) : name;
		return new Person(uuid, p.userKey(), p.cpr(), given, surname, null);
	}

	private static UUID target(StsObject o, String relation, Period period) {
		for (Rel rel : o.relations()) {
			if (rel.name().equals(relation) && rel.period().contains(period.from())) {
				return rel.target();
			}
		}
		return null;
	}

	private static boolean activeAt(StsObject o, Period period) {
		return o.states().stream().anyMatch(s -> s.active() && s.period().contains(period.from()));
	}

	private static UUID classByKey(Map<UUID, Klasse> classes, String facet, String userKey) {
		UUID facetUuid = DefaultClasses.facetUuid(facet);
		for (Klasse k : classes.values()) {
			if (facetUuid.equals(k.facet()) && userKey.equals(k.userKey())) {
				return k.uuid();
			}
		}
		return DefaultClasses.classUuid(facet, userKey);
	}

	private static UUID classByTitle(Map<UUID, Klasse> classes, String title) {
		for (Klasse k : classes.values()) {
			if (title != null && title.equals(k.title())) {
				return k.uuid();
			}
		}
		return null;
	}

}
