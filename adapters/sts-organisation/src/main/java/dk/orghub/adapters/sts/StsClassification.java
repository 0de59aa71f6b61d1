package dk.orghub.adapters.sts;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The classification UUIDs the hub writes into STS Organisation (Funktionstype,
 * Enhedstype, address types and roles, KLE roles). Configuration
 * ({@code hub.targets.sts.classes.*}); {@link #defaults()} holds the values in
 * {@code FORMATS.md}. Verify them against KOMBIT's published classes before production.
 *
 * @param unitTypes canonical unit type class user key (e.g. {@code Afdeling}) to
 * Enhedstype
 * @param unitAddressRoles canonical address type user key (e.g. {@code EMAIL}) to the
 * role on a unit; types without a role are not sent on units
 * @param userAddressRoles canonical address type user key to the role on a Bruger
 * @param kleNamespace UUIDs of KLE classes are taken from {@code kleClasses} when given,
 * else name-based from this prefix and the KLE number (a placeholder until KOMBIT's KLE
 * class UUIDs are configured)
 */
public record StsClassification(UUID enhedsrolle, UUID lederrolle, UUID udbetalendeEnhed, UUID henvendelsessted,
		Map<String, UUID> unitTypes, UUID unitAddressType, UUID functionAddressType, UUID userAddressType,
		Map<String, UUID> unitAddressRoles, Map<String, UUID> userAddressRoles, UUID opgaverAnsvarlig,
		UUID opgaverKlasseType, Map<String, UUID> kleClasses, String kleNamespace) {

	public StsClassification {
		Objects.requireNonNull(enhedsrolle, "enhedsrolle");
		Objects.requireNonNull(lederrolle, "lederrolle");
		Objects.requireNonNull(udbetalendeEnhed, "udbetalendeEnhed");
		Objects.requireNonNull(henvendelsessted, "henvendelsessted");
		unitTypes = Map.copyOf(unitTypes);
		unitAddressRoles = Map.copyOf(unitAddressRoles);
		userAddressRoles = Map.copyOf(userAddressRoles);
		kleClasses = Map.copyOf(kleClasses);
	}

	private static UUID u(String value) {
		return UUID.fromString(value);
	}

	/** The values used in practice (FORMATS.md). */
	public static StsClassification defaults() {
		return new StsClassification(u("02e61900-33e0-407f-a2a7-22f70221f003"),
				u("46c73630-f7ad-4000-9624-c06131cde671"), u("faf29ba2-da6d-49c4-8a2f-0739172f4227"),
				u("7368482a-177e-4e04-8574-f558e6f1ef45"),
				Map.of("Afdeling", u("16bf18c3-ed6f-44b0-b7a1-35f94984e519"), "Team",
						u("2d9710bf-e9cc-465f-8ec7-46d5f2a64412")),
				u("9b33c0a0-a566-4ec0-8200-325cb1e5bb9a"), u("1a8374f6-0ee8-4201-b27c-0e84d57db0ba"),
				u("71a08d28-3af7-4bb4-9964-bc2b76b93d64"),
				Map.ofEntries(Map.entry("EMAIL", u("2b670843-ce42-411a-8fb5-311dfdd5caf0")),
						Map.entry("PHONE", u("8dcfa714-5ed3-4000-b551-2ba520e7d8ad")),
						Map.entry("EAN", u("9ccaafe4-c4b2-4d25-942a-2ec5730d4ed8")),
						Map.entry("LOCATION", u("ec387d90-263c-4cce-8de2-63b407a0daac")),
						Map.entry("POSTAL", u("80b610c6-314b-485a-a014-a9a1d7070bc4")),
						Map.entry("RETURN_ADDRESS", u("3629ce92-594b-4380-9527-81d6e53edc11")),
						Map.entry("CONTACT_PLACE", u("639a3ed9-86b0-4968-825b-434666cf6220")),
						Map.entry("LOS_SHORT_NAME", u("47a33082-4687-4a68-b82f-5bf6f9d8ee13")),
						Map.entry("PHONE_HOURS", u("f6fd6117-c718-4254-a6f5-92538ad5a2f4")),
						Map.entry("OPENING_HOURS", u("f37e5877-1549-4b5d-a53b-819491f0b933")),
						Map.entry("WWW", u("a99c073d-482e-47d3-9275-13c79f453c3a")),
						Map.entry("PNUMBER", u("7c6e2a82-ec39-4ec4-a2b7-fdfe667e1d2b"))),
				Map.of("EMAIL", u("5d13e891-162a-456b-abf2-fd9b864df96d"), "PHONE",
						u("5ef6be2d-59f4-4652-a680-585929924ba9"), "LOCATION",
						u("ad04ac80-e24a-45a5-9dd9-8537a916ac74")),
				u("2a5f38d8-7092-4b3f-85cc-7e272c3c4bb0"), u("9870b51e-3bc0-4f98-8827-eba991dd89a9"), Map.of(),
				"orghub:kle:");
	}

	/** The UUID of the KLE class with this number. */
	public UUID kleClass(String kleNumber) {
		UUID configured = this.kleClasses.get(kleNumber);
		return (configured != null) ? configured
				: UUID.nameUUIDFromBytes((this.kleNamespace + kleNumber).getBytes(StandardCharsets.UTF_8));
	}

	/** The Funktionstype of a function, for profiles and read-back. */
	public String functionTypeName(UUID type) {
		if (this.enhedsrolle.equals(type)) {
			return "Enhedsrolle";
		}
		if (this.lederrolle.equals(type)) {
			return "Lederrolle";
		}
		if (this.udbetalendeEnhed.equals(type)) {
			return "Udbetalende enhed";
		}
		if (this.henvendelsessted.equals(type)) {
			return "Henvendelsessted";
		}
		return String.valueOf(type);
	}

}
