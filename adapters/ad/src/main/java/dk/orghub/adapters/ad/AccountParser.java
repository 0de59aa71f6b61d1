package dk.orghub.adapters.ad;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.orghub.core.model.Cpr;

/**
 * Turns an entry's attributes into an {@link Account}, or says clearly what is wrong with
 * it. Plain Java: the attributes come through {@link Attributes}.
 */
final class AccountParser {

	private static final int USER_ACCOUNT_DISABLED = 0x2;

	private final AdConfiguration config;

	AccountParser(AdConfiguration config) {
		this.config = config;
	}

	/** The attribute values of one entry. */
	interface Attributes {

		String string(String name);

		byte[] bytes(String name);

	}

	/**
	 * An entry that cannot be imported; the message names it and never holds a CPR
	 * number.
	 */
	static final class BadAccountException extends RuntimeException {

		BadAccountException(String message) {
			super(message);
		}

	}

	/** The attributes to ask the directory for. */
	String[] attributes() {
		List<String> names = new ArrayList<>(
				List.of(this.config.idAttribute(), this.config.accountNameAttribute(), this.config.cprAttribute(),
						this.config.emailAttribute(), this.config.phoneAttribute(), this.config.titleAttribute(),
						"userAccountControl", this.config.createdAttribute(), this.config.trackingAttribute()));
		if (this.config.personUuidAttribute() != null) {
			names.add(this.config.personUuidAttribute());
		}
		return names.toArray(String[]::new);
	}

	Account parse(String dn, Attributes attributes) {
		String accountName = attributes.string(this.config.accountNameAttribute());
		if (accountName == null || accountName.isBlank()) {
			throw new BadAccountException(
					"account " + dn + " has no " + this.config.accountNameAttribute() + " (account name)");
		}
		String label = "account '" + accountName + "' (" + dn + ")";
		String id = id(label, attributes);
		String cpr = cpr(label, attributes.string(this.config.cprAttribute()));
		boolean enabled = true;
		if (this.config.mode() == AdConfiguration.Mode.AD) {
			String control = attributes.string("userAccountControl");
			if (control != null) {
				try {
					enabled = (Long.parseLong(control.trim()) & USER_ACCOUNT_DISABLED) == 0;
				}
				catch (NumberFormatException ex) {
					throw new BadAccountException(label + ": userAccountControl '" + control + "' is not a number");
				}
			}
		}
		return new Account(dn, id, accountName.trim(), cpr, trimmed(attributes.string(this.config.emailAttribute())),
				trimmed(attributes.string(this.config.phoneAttribute())),
				trimmed(attributes.string(this.config.titleAttribute())), enabled,
				date(attributes.string(this.config.createdAttribute())),
				trimmed(attributes.string(this.config.trackingAttribute())), personUuid(label, attributes));
	}

	/** The person UUID an account without a CPR number names, or {@code null}. */
	private UUID personUuid(String label, Attributes attributes) {
		if (this.config.personUuidAttribute() == null) {
			return null;
		}
		String value = trimmed(attributes.string(this.config.personUuidAttribute()));
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new BadAccountException(
					label + ": " + this.config.personUuidAttribute() + " '" + value + "' is not a UUID");
		}
	}

	/** The id of a tombstone (AD) or any entry, checked like an account's. */
	String id(String label, Attributes attributes) {
		if (this.config.mode() == AdConfiguration.Mode.AD) {
			byte[] guid = attributes.bytes("objectGUID");
			if (guid == null) {
				throw new BadAccountException(label + " has no objectGUID");
			}
			if (guid.length != 16) {
				throw new BadAccountException(label + ": objectGUID has " + guid.length + " bytes; a GUID has 16");
			}
			return guidToUuid(guid).toString();
		}
		String entryUuid = attributes.string("entryUUID");
		if (entryUuid == null) {
			throw new BadAccountException(label + " has no entryUUID");
		}
		try {
			return UUID.fromString(entryUuid.trim()).toString();
		}
		catch (IllegalArgumentException ex) {
			throw new BadAccountException(label + ": entryUUID '" + entryUuid + "' is not a UUID");
		}
	}

	/**
	 * AD stores a GUID's first three fields little-endian: bytes 0-3, 4-5 and 6-7 are
	 * reversed, the last eight are as they are.
	 */
	static UUID guidToUuid(byte[] guid) {
		byte[] ordered = { guid[3], guid[2], guid[1], guid[0], guid[5], guid[4], guid[7], guid[6], guid[8], guid[9],
				guid[10], guid[11], guid[12], guid[13], guid[14], guid[15] };
		ByteBuffer buffer = ByteBuffer.wrap(ordered);
		return new UUID(buffer.getLong(), buffer.getLong());
	}

	/** The CPR number as ten digits, or {@code null} when the value is empty. */
	String cpr(String label, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String digits = value.trim();
		if (!this.config.cprSeparator().isEmpty()) {
			digits = digits.replace(this.config.cprSeparator(), "");
		}
		digits = Cpr.normalise(digits);
		Cpr.Check check = Cpr.check(digits);
		if (!check.valid() || digits.length() != 10) {
			String reason = check.valid() ? "CPR number must be ten digits" : check.error();
			throw new BadAccountException(label + ": " + this.config.cprAttribute() + " is not a valid CPR number ("
					+ reason + "; value " + Cpr.mask(digits) + ")");
		}
		return digits;
	}

	/**
	 * The date of a generalized time ({@code 20240101083000.0Z}); {@code null} if
	 * unreadable.
	 */
	static LocalDate date(String generalizedTime) {
		if (generalizedTime == null || generalizedTime.length() < 8) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(generalizedTime.substring(0, 4)),
					Integer.parseInt(generalizedTime.substring(4, 6)),
					Integer.parseInt(generalizedTime.substring(6, 8)));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String trimmed(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
