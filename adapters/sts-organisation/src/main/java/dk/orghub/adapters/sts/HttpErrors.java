package dk.orghub.adapters.sts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Turns an HTTP error answer other than a SOAP fault (e.g. 503 from a proxy) into an
 * {@link Status} with the answer's {@code Retry-After}, before CXF tries to read it as
 * SOAP. The client asks CXF to hand such answers to its interceptors
 * ({@value #NO_IO_EXCEPTIONS}).
 */
final class HttpErrors extends AbstractPhaseInterceptor<Message> {

	/** CXF's switch that lets interceptors see HTTP error answers. */
	static final String NO_IO_EXCEPTIONS = "org.apache.cxf.transport.no_io_exceptions";

	private final java.time.Clock clock;

	HttpErrors(java.time.Clock clock) {
		super(Phase.RECEIVE);
		this.clock = clock;
	}

	/** An HTTP error answer and how long the service asked to wait, if it did. */
	static final class Status extends RuntimeException {

		final int code;

		final transient Duration retryAfter;

		Status(int code, Duration retryAfter) {
			super("HTTP " + code + ((retryAfter != null) ? " (Retry-After " + retryAfter.toSeconds() + " s)" : ""));
			this.code = code;
			this.retryAfter = retryAfter;
		}

	}

	@Override
	public void handleMessage(Message message) {
		Object code = message.get(Message.RESPONSE_CODE);
		if (!(code instanceof Integer status) || status < 400 || status == 500) {
			return;
		}
		throw new Fault(new Status(status, retryAfter(message, this.clock.instant())));
	}

	@SuppressWarnings("unchecked")
	static Duration retryAfter(Message message, Instant now) {
		Object headers = message.get(Message.PROTOCOL_HEADERS);
		if (!(headers instanceof Map<?, ?> map)) {
			return null;
		}
		Map<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		caseless.putAll((Map<String, List<String>>) map);
		List<String> values = caseless.get("Retry-After");
		return (values == null || values.isEmpty()) ? null : parse(values.get(0), now);
	}

	/**
	 * A Retry-After value: seconds, or an HTTP date; null when it is absent or neither.
	 */
	static Duration parse(String value, Instant now) {
		if (value == null) {
			return null;
		}
		String v = value.trim();
		if (v.matches("\\d{1,9}")) {
			return Duration.ofSeconds(Long.parseLong(v));
		}
		try {
			Duration d = Duration.between(now,
					ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return d.isNegative() ? Duration.ZERO : d;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
