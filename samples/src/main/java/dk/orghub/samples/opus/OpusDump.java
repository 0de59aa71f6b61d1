package dk.orghub.samples.opus;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The content of one OPUS dump file: units parents first, then employees.
 *
 * @param exportedAt the export time, which names the file
 * @param client the OPUS client (municipality) number written on every record
 */
public record OpusDump(LocalDateTime exportedAt, String client, List<OpusUnitRecord> units,
		List<OpusEmployeeRecord> employees) {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	public OpusDump {
		Objects.requireNonNull(exportedAt, "exportedAt");
		units = List.copyOf(units);
		employees = List.copyOf(employees);
	}

	/** The file name OPUS gives this export: {@code ZLPE<yyyyMMddHHmmss>_delta.xml}. */
	public String fileName() {
		return "ZLPE" + STAMP.format(this.exportedAt) + "_delta.xml";
	}

}
