package dk.orghub.adapters.ad;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dk.orghub.core.spi.AdapterException;

/**
 * The change-feed token: {@code usn:<uSNChanged>} or
 * {@code modifyTimestamp:<generalized time>}, the highest value seen. A feed on
 * {@code uSNChanged} asks for greater values; one on {@code modifyTimestamp} for equal or
 * greater ones (several changes can share a second), so the last change may be read
 * twice, which changes nothing.
 */
record ChangeToken(AdConfiguration.ChangeTracking tracking, String value) {

	private static final String USN = "usn:";

	private static final String TIMESTAMP = "modifyTimestamp:";

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	static ChangeToken parse(AdConfiguration config, String token) {
		AdConfiguration.ChangeTracking tracking = token.startsWith(USN) ? AdConfiguration.ChangeTracking.USN_CHANGED
				: token.startsWith(TIMESTAMP) ? AdConfiguration.ChangeTracking.MODIFY_TIMESTAMP : null;
		if (tracking == null) {
			throw new AdapterException(config.name() + ": the stored change token '" + token
					+ "' is not one this source writes; run a full snapshot to start again", false);
		}
		if (tracking != config.changeTracking()) {
			throw new AdapterException(config.name() + ": the stored change token follows " + tracking
					+ " but change-tracking is " + config.changeTracking() + "; run a full snapshot to start again",
					false);
		}
		String value = token
			.substring((tracking == AdConfiguration.ChangeTracking.USN_CHANGED) ? USN.length() : TIMESTAMP.length());
		ChangeToken parsed = new ChangeToken(tracking, value);
		try {
			parsed.compare(parsed);
		}
		catch (RuntimeException ex) {
			throw new AdapterException(config.name() + ": the stored change token '" + token + "' is malformed", false);
		}
		return parsed;
	}

	/** The filter for entries changed after this token. */
	String filter(AdConfiguration config) {
		if (this.tracking == AdConfiguration.ChangeTracking.USN_CHANGED) {
			return "(uSNChanged>=" + (Long.parseLong(this.value) + 1) + ")";
		}
		return "(modifyTimestamp>=" + this.value + ")";
	}

	/** The later of this token and a value seen; an unreadable value is ignored. */
	ChangeToken max(String seen) {
		if (seen == null) {
			return this;
		}
		ChangeToken other = new ChangeToken(this.tracking, seen.trim());
		try {
			return (other.compare(this) > 0) ? other : this;
		}
		catch (RuntimeException ex) {
			return this;
		}
	}

	static ChangeToken start(AdConfiguration.ChangeTracking tracking) {
		return new ChangeToken(tracking,
				(tracking == AdConfiguration.ChangeTracking.USN_CHANGED) ? "0" : "19700101000000Z");
	}

	@Override
	public String toString() {
		return ((this.tracking == AdConfiguration.ChangeTracking.USN_CHANGED) ? USN : TIMESTAMP) + this.value;
	}

	/** Compares by number, or by the instant of a generalized time. */
	private int compare(ChangeToken other) {
		if (this.tracking == AdConfiguration.ChangeTracking.USN_CHANGED) {
			return Long.compare(Long.parseLong(this.value), Long.parseLong(other.value));
		}
		return instant(this.value).compareTo(instant(other.value));
	}

	/** Reads {@code yyyyMMddHHmmss[.fraction]Z}. */
	static Instant instant(String generalizedTime) {
		String value = generalizedTime.trim();
		if (!value.endsWith("Z") || value.length() < 15) {
			throw new IllegalArgumentException("not a UTC generalized time: " + value);
		}
		Instant seconds = LocalDateTime.parse(value.substring(0, 14), SECONDS).toInstant(ZoneOffset.UTC);
		String rest = value.substring(14, value.length() - 1);
		if (rest.isEmpty()) {
			return seconds;
		}
		if (!rest.startsWith(".") && !rest.startsWith(",")) {
			throw new IllegalArgumentException("not a UTC generalized time: " + value);
		}
		String fraction = (rest.substring(1) + "000000000").substring(0, 9);
		return seconds.plusNanos(Long.parseLong(fraction));
	}

}
