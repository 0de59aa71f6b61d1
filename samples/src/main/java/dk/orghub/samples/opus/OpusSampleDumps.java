package dk.orghub.samples.opus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Organisation;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.samples.municipality.Municipality;

/**
 * Turns a generated {@link Municipality} into the OPUS dump its payroll would export on a
 * date: every unit valid that day and every employment valid that day or starting later,
 * one {@code <employee>} each.
 */
public final class OpusSampleDumps {

	/** OPUS client number of the sample municipality. */
	public static final String CLIENT = "999";

	/** Weekly hours of a full-time employment. */
	public static final int FULL_TIME_HOURS = 37;

	private static final Map<UUID, Klasse> CLASSES = new HashMap<>();

	static {
		DefaultClasses.classes().forEach(k -> CLASSES.put(k.uuid(), k));
	}

	private OpusSampleDumps() {
	}

	/** The first dump: as at the municipality's reference date, exported at 02:00. */
	public static OpusDump first(Municipality municipality) {
		return of(municipality, LocalDateTime.of(municipality.referenceDate(), LocalTime.of(2, 0)));
	}

	/** The dump exported at {@code exportedAt}, as at that day. */
	public static OpusDump of(Municipality municipality, LocalDateTime exportedAt) {
		LocalDate date = exportedAt.toLocalDate();
		Organisation organisation = municipality.organisation().latest().orElseThrow();
		Map<UUID, String> opusIds = new HashMap<>();
		Map<UUID, Validity> unitSpans = new HashMap<>();
		Map<UUID, Map<String, String>> addresses = addressesAt(municipality, date);
		List<OpusUnitRecord> units = new ArrayList<>();
		for (Timeline<OrgUnit> timeline : municipality.units().values()) {
			Optional<OrgUnit> at = timeline.at(date);
			if (at.isEmpty()) {
				continue;
			}
			OrgUnit unit = at.get();
			Validity span = spanAt(timeline, date);
			unitSpans.put(unit.uuid(), span);
			String id = opusUnitId(unit.userKey());
			opusIds.put(unit.uuid(), id);
			Map<String, String> a = addresses.getOrDefault(unit.uuid(), Map.of());
			String[] postal = splitPostal(a.get("POSTAL"));
			units.add(new OpusUnitRecord(id, span.from(), span.from(), lastDay(span),
					(unit.parent() != null) ? opusIds.get(unit.parent()) : null, unit.userKey(), unit.name(), postal[0],
					postal[1], postal[2], a.get("PHONE"), (unit.parent() == null) ? organisation.cvr() : null,
					a.get("EAN"), null, a.get("PNUMBER"), null, levelCode(unit.unitLevel()), key(unit.unitType())));
		}
		Map<String, Manager> managers = new HashMap<>();
		for (Timeline<Manager> timeline : municipality.managers().values()) {
			timeline.at(date).filter(m -> !m.isVacant()).ifPresent(m -> managers.put(m.unit() + "/" + m.person(), m));
		}
		List<OpusEmployeeRecord> employees = new ArrayList<>();
		for (Timeline<Engagement> timeline : municipality.engagements().values()) {
			Segment<Engagement> segment = timeline.segmentAt(date)
				.orElseGet(() -> timeline.segments()
					.stream()
					.filter(s -> s.validity().from().isAfter(date))
					.findFirst()
					.orElse(null));
			if (segment == null || !opusIds.containsKey(segment.value().unit())) {
				continue;
			}
			Engagement e = segment.value();
			Validity span = spanAt(timeline, segment.validity().from());
			LocalDate entry = span.from();
			Validity unitSpan = unitSpans.get(e.unit());
			if (unitSpan.from().isAfter(entry)) {
				entry = unitSpan.from();
			}
			Person person = municipality.persons().get(e.person()).latest().orElseThrow();
			Manager manager = managers.get(e.unit() + "/" + e.person());
			int hours = (e.fraction() != null) ? e.fraction()
				.multiply(BigDecimal.valueOf(FULL_TIME_HOURS))
				.setScale(0, RoundingMode.HALF_UP)
				.intValue() : 0;
			String type = key(e.engagementType());
			employees.add(new OpusEmployeeRecord(e.userKey(), entry, null, entry, lastDay(span), person.cpr(),
					person.givenName(), person.surname(), null, contractCode(type), type, positionId(e.jobFunction()),
					key(e.jobFunction()), manager != null,
					(manager != null) ? levelDigit(manager.managerLevel()) : null,
					(manager != null) ? levelDigit(manager.managerLevel()) : null, opusIds.get(e.unit()), hours,
					(e.fraction() != null) ? FULL_TIME_HOURS : 0));
		}
		return new OpusDump(exportedAt, CLIENT, units, employees);
	}

	/** The OPUS id of a sample unit: {@code U00012} becomes {@code 800012}. */
	public static String opusUnitId(String unitKey) {
		return "8" + unitKey.substring(1);
	}

	/** The workContract code the sample writes for an engagement type. */
	static String contractCode(String type) {
		return switch (type) {
			case "Månedslønnet" -> "01";
			case "Timelønnet" -> "02";
			case "Vikar" -> "03";
			case "Fleksjob" -> "04";
			case "Elev" -> "05";
			default -> "99";
		};
	}

	private static Map<UUID, Map<String, String>> addressesAt(Municipality municipality, LocalDate date) {
		Map<UUID, Map<String, String>> result = new HashMap<>();
		for (Timeline<Address> timeline : municipality.addresses().values()) {
			timeline.at(date)
				.ifPresent(a -> result.computeIfAbsent(a.owner(), o -> new HashMap<>())
					.put(key(a.addressType()), a.value()));
		}
		return result;
	}

	/** "Skolevej 12, 9991 Sampleby" as street, zip code and city. */
	private static String[] splitPostal(String postal) {
		if (postal == null) {
			return new String[] { null, null, null };
		}
		int comma = postal.lastIndexOf(", ");
		String street = (comma > 0) ? postal.substring(0, comma) : postal;
		String rest = (comma > 0) ? postal.substring(comma + 2) : "";
		int space = rest.indexOf(' ');
		return (space > 0) ? new String[] { street, rest.substring(0, space), rest.substring(space + 1) }
				: new String[] { street, null, rest };
	}

	private static Validity spanAt(Timeline<?> timeline, LocalDate date) {
		return timeline.coverage().stream().filter(v -> v.contains(date)).findFirst().orElseThrow();
	}

	private static LocalDate lastDay(Validity validity) {
		return validity.isOpen() ? null : validity.to().minusDays(1);
	}

	private static String key(UUID klasse) {
		return (klasse != null && CLASSES.containsKey(klasse)) ? CLASSES.get(klasse).userKey() : null;
	}

	private static String levelCode(UUID level) {
		String key = key(level);
		if (key == null) {
			return null;
		}
		return key.startsWith("NY") ? key.substring(0, 3) : "AFD";
	}

	private static String levelDigit(UUID managerLevel) {
		String key = key(managerLevel);
		return (key != null) ? key.replaceAll("[^0-9]", "") : null;
	}

	private static String positionId(UUID jobFunction) {
		List<Klasse> all = DefaultClasses.classes();
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).uuid().equals(jobFunction)) {
				return Integer.toString(1000 + i);
			}
		}
		return null;
	}

}
