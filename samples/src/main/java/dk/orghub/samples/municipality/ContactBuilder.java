package dk.orghub.samples.municipality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dk.orghub.core.model.Address;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Timeline;

/**
 * The units' addresses (postal address, phone, e-mail, EAN, P-number, opening hours, LOS
 * short name) and KLE tasks. Both hold for the whole life of their unit.
 */
final class ContactBuilder {

	private final Random random;

	private final SampleIds ids;

	private final DanishNumbers numbers;

	private final String domain;

	private final Map<UUID, Timeline<Address>> addresses = new LinkedHashMap<>();

	private final Map<UUID, Timeline<Kle>> kle = new LinkedHashMap<>();

	private int eans;

	ContactBuilder(Random random, SampleIds ids, DanishNumbers numbers, String domain) {
		this.random = random;
		this.ids = ids;
		this.numbers = numbers;
		this.domain = domain;
	}

	void build(List<UnitPlan> units) {
		for (UnitPlan unit : units) {
			addresses(unit);
			kle(unit);
		}
	}

	Map<UUID, Timeline<Address>> addresses() {
		return this.addresses;
	}

	Map<UUID, Timeline<Kle>> kle() {
		return this.kle;
	}

	private void addresses(UnitPlan unit) {
		switch (unit.tier) {
			case MUNICIPALITY -> {
				address(unit, "POSTAL", "Rådhuspladsen 1, " + SampleNames.TOWNS.get(0), true);
				address(unit, "PHONE", phone(), true);
				address(unit, "EMAIL", "post@" + this.domain, true);
				address(unit, "WWW", "https://www." + this.domain, true);
				address(unit, "EAN", DanishNumbers.ean(++this.eans), false);
				address(unit, "PNUMBER", this.numbers.pNumber(), false);
			}
			case DEPARTMENT -> {
				address(unit, "POSTAL", "Rådhuspladsen 1, " + SampleNames.TOWNS.get(0), true);
				address(unit, "PHONE", phone(), true);
				address(unit, "EMAIL", email(unit.name), true);
				address(unit, "LOS_SHORT_NAME", unit.department.losShortName(), false);
			}
			case AREA, GROUP -> {
				address(unit, "PHONE", phone(), true);
				address(unit, "EMAIL", email(unit.name), true);
			}
			case INSTITUTION -> {
				address(unit, "POSTAL", postal(), true);
				address(unit, "PHONE", phone(), true);
				address(unit, "EMAIL", email(unit.name), true);
				address(unit, "EAN", DanishNumbers.ean(++this.eans), false);
				address(unit, "PNUMBER", this.numbers.pNumber(), false);
				if (unit.kind.openingHours() != null) {
					address(unit, "OPENING_HOURS", unit.kind.openingHours(), true);
				}
			}
			case TEAM -> {
				if (this.random.nextInt(100) < 25) {
					address(unit, "PHONE", phone(), false);
				}
			}
		}
	}

	private void address(UnitPlan unit, String type, String value, boolean visible) {
		String key = unit.key + "-" + type;
		UUID uuid = this.ids.address(key);
		Address address = new Address(uuid, key, unit.uuid, OwnerKind.ORG_UNIT, SampleClasses.addressType(type), value,
				visible ? SampleClasses.PUBLIC : SampleClasses.INTERNAL);
		this.addresses.put(uuid, Timeline.of(unit.validity(), address));
	}

	/**
	 * Every area is responsible for a few of its department's tasks, some institutions
	 * for one.
	 */
	private void kle(UnitPlan unit) {
		int count = switch (unit.tier) {
			case AREA -> 2 + this.random.nextInt(2);
			case INSTITUTION -> (this.random.nextInt(100) < 30) ? 1 : 0;
			default -> 0;
		};
		List<String> numbers = (unit.department != null) ? unit.department.kle() : List.of();
		int first = numbers.isEmpty() ? 0 : this.random.nextInt(numbers.size());
		for (int i = 0; i < Math.min(count, numbers.size()); i++) {
			String number = numbers.get((first + i) % numbers.size());
			String key = unit.key + "-" + number;
			UUID uuid = this.ids.kle(key);
			this.kle.put(uuid,
					Timeline.of(unit.validity(), new Kle(uuid, key, unit.uuid, number, SampleClasses.ANSVARLIG)));
		}
	}

	private String postal() {
		List<String> streets = SampleNames.STREETS;
		List<String> towns = SampleNames.TOWNS;
		return streets.get(this.random.nextInt(streets.size())) + " " + (1 + this.random.nextInt(120)) + ", "
				+ towns.get(this.random.nextInt(towns.size()));
	}

	private String phone() {
		return String.format("%02d %02d %02d %02d", 70 + this.random.nextInt(10), this.random.nextInt(100),
				this.random.nextInt(100), this.random.nextInt(100));
	}

	/**
	 * An e-mail address from a unit's name: "Børnehuset Egelund" →
	 * boernehuset.egelund@...
	 */
	private String email(String name) {
		String local = name.toLowerCase(Locale.ROOT)
			.replace("æ", "ae")
			.replace("ø", "oe")
			.replace("å", "aa")
			.replaceAll("[^a-z0-9]+", ".")
			.replaceAll("^\\.|\\.$", "");
		return local + "@" + this.domain;
	}

}
