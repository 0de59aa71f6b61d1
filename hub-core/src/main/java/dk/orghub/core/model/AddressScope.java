package dk.orghub.core.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kind of value an address type holds, and how such a value is validated. Address
 * types are classes (data); each names its scope.
 */
public enum AddressScope {

	EMAIL("an e-mail address", Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")),

	PHONE("a phone number of 4 to 20 digits, optionally with a leading + and spaces",
			Pattern.compile("^\\+?[0-9][0-9 ]{2,23}[0-9]$")),

	EAN("an EAN number of 13 digits", Pattern.compile("^[0-9]{13}$")),

	PNUMBER("a P-number of 10 digits", Pattern.compile("^[0-9]{10}$")),

	CVR("a CVR number of 8 digits", Pattern.compile("^[0-9]{8}$")),

	WWW("a web address starting with http:// or https://", Pattern.compile("^https?://\\S+$")),

	/** Postal address or location: one line of text. */
	TEXT("a single line of text", Pattern.compile("^[^\\r\\n]+$")),

	/** Opening hours, phone hours: several lines allowed. */
	MULTILINE_TEXT("text", Pattern.compile("^(?s).+$"));

	/** Longest value any address may have (AdresseTekst in STS Organisation). */
	public static final int MAX_LENGTH = 200;

	private final String description;

	private final Pattern pattern;

	AddressScope(String description, Pattern pattern) {
		this.description = description;
		this.pattern = pattern;
	}

	/** An error message when {@code value} is not valid for this scope, else empty. */
	public Optional<String> validate(String value) {
		if (value == null || value.isBlank()) {
			return Optional.of("value is empty; expected " + this.description);
		}
		if (value.length() > MAX_LENGTH) {
			return Optional.of("value is longer than " + MAX_LENGTH + " characters");
		}
		if (!this.pattern.matcher(value).matches()) {
			return Optional.of("'" + value + "' is not " + this.description);
		}
		if (this == PHONE) {
			long digits = value.chars().filter(Character::isDigit).count();
			if (digits < 4 || digits > 20) {
				return Optional.of("'" + value + "' is not " + this.description);
			}
		}
		return Optional.empty();
	}

}
