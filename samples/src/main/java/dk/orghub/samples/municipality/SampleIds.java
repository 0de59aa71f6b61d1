package dk.orghub.samples.municipality;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Name-based UUIDs of the generated objects, from the seed and each object's key. A
 * person's UUID comes from a running person number, never from the CPR number.
 */
final class SampleIds {

	private final String prefix;

	SampleIds(long seed) {
		this.prefix = "sample:" + seed + ":";
	}

	UUID organisation() {
		return uuid("organisation");
	}

	UUID unit(String unitKey) {
		return uuid("unit:" + unitKey);
	}

	UUID person(int personNumber) {
		return uuid("person:" + personNumber);
	}

	/** A person payroll does not know (an intern, a consultant, a politician). */
	UUID actor(int number) {
		return uuid("actor:" + number);
	}

	UUID association(String associationKey) {
		return uuid("association:" + associationKey);
	}

	UUID engagement(String employmentNumber) {
		return uuid("engagement:" + employmentNumber);
	}

	UUID manager(String managerKey) {
		return uuid("manager:" + managerKey);
	}

	UUID address(String addressKey) {
		return uuid("address:" + addressKey);
	}

	UUID kle(String kleKey) {
		return uuid("kle:" + kleKey);
	}

	private UUID uuid(String name) {
		return UUID.nameUUIDFromBytes((this.prefix + name).getBytes(StandardCharsets.UTF_8));
	}

}
