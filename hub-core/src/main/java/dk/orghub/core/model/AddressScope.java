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

	/** A GLN (EAN location number): 13 digits, the last the GS1 check digit. */
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
		if (this == EAN && !gs1CheckDigitHolds(value)) {
			return Optional.of("'" + value + "' is not " + this.description + ": its check digit should be "
					+ gs1CheckDigit(value.substring(0, 12)));
		}
		if (this == PHONE) {
			long digits = value.chars().filter(Character::isDigit).count();
			if (digits < 4 || digits > 20) {
				return Optional.of("'" + value + "' is not " + this.description);
			}
		}
		return Optional.empty();
	}

	private static boolean gs1CheckDigitHolds(String digits) {
		return gs1CheckDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
	}

	/**
	 * The GS1 check digit of the digits before it: weights 3 and 1 alternating from the
	 * rightmost digit, and the digit that makes the sum a multiple of ten.
	 */
	static int gs1CheckDigit(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int weight = ((digits.length() - i) % 2 == 1) ? 3 : 1;
			sum += (digits.charAt(i) - '0') * weight;
		}
		return (10 - sum % 10) % 10;
	}

}
