package dk.orghub.adapters.exports;

import java.time.LocalDate;

/**
 * The root unit asked for is not valid at the export's date (or does not exist). The
 * message names the value given and the date; an API answers it with 404 or 400.
 */
public class UnknownUnitException extends IllegalArgumentException {

	private final String unit;

	private final LocalDate at;

	public UnknownUnitException(String unit, LocalDate at) {
		super("No unit '" + unit + "' (UUID or unit key) is valid on " + at);
		this.unit = unit;
		this.at = at;
	}

	public String unit() {
		return this.unit;
	}

	public LocalDate at() {
		return this.at;
	}

}
