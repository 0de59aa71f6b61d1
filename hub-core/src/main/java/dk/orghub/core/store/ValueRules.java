package dk.orghub.core.store;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import dk.orghub.core.model.Address;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.AddressScope;
import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Facet;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Organisation;
import dk.orghub.core.model.Person;

/**
 * Rules on the values of one version, needing nothing else from the store: required
 * fields, lengths and formats. Address values are checked by {@link InvariantChecker},
 * which knows the address type.
 */
final class ValueRules {

	private static final Pattern KLE_NUMBER = Pattern.compile("^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2})?)?$");

	private static final Pattern DIGITS_8 = Pattern.compile("^[0-9]{8}$");

	private static final Pattern DIGITS_3 = Pattern.compile("^[0-9]{3}$");

	/** The most units one unit may cover (they are stored in one column). */
	static final int MAX_COVERED = 100;

	private ValueRules() {
	}

	/**
	 * Checks a version; calls {@code violation} with a rule id and a message per problem
	 * and {@code warning} likewise for findings that do not reject.
	 */
	static void check(OrgObject value, BiConsumer<String, String> violation, BiConsumer<String, String> warning) {
		text(value.userKey(), "userKey", 200, true, violation);
		if (value instanceof Organisation o) {
			text(o.name(), "name", 200, true, violation);
			if (o.cvr() != null && !DIGITS_8.matcher(o.cvr()).matches()) {
				violation.accept("value-format", "CVR must be 8 digits");
			}
			if (o.municipalityCode() != null && !DIGITS_3.matcher(o.municipalityCode()).matches()) {
				violation.accept("value-format", "municipality code must be 3 digits");
			}
		}
		else if (value instanceof OrgUnit u) {
			text(u.name(), "name", 200, true, violation);
			required(u.unitType(), "unitType", violation);
			if (u.uuid().equals(u.parent())) {
				violation.accept("no-cycle", "unit is its own parent");
			}
			if (u.covers().size() > MAX_COVERED) {
				violation.accept("value-length", "a unit covers at most " + MAX_COVERED + " units");
			}
			if (u.covers().contains(u.uuid())) {
				violation.accept("covers-valid", "a unit cannot cover itself");
			}
		}
		else if (value instanceof Person p) {
			person(p, violation, warning);
		}
		else if (value instanceof Engagement e) {
			required(e.person(), "person", violation);
			required(e.unit(), "unit", violation);
			if (e.fraction() != null
					&& (e.fraction().signum() < 0 || e.fraction().compareTo(java.math.BigDecimal.ONE) > 0)) {
				violation.accept("value-format", "fraction must be between 0 and 1, was " + e.fraction());
			}
		}
		else if (value instanceof Association a) {
			required(a.person(), "person", violation);
			required(a.unit(), "unit", violation);
			required(a.associationType(), "associationType", violation);
		}
		else if (value instanceof Manager m) {
			required(m.unit(), "unit", violation);
			required(m.managerType(), "managerType", violation);
		}
		else if (value instanceof Address a) {
			required(a.owner(), "owner", violation);
			required(a.ownerKind(), "ownerKind", violation);
			required(a.addressType(), "addressType", violation);
		}
		else if (value instanceof ItUser i) {
			required(i.person(), "person", violation);
			required(i.itSystem(), "itSystem", violation);
			text(i.externalId(), "externalId", 200, false, violation);
		}
		else if (value instanceof Kle k) {
			required(k.unit(), "unit", violation);
			required(k.aspect(), "aspect", violation);
			if (k.kleNumber() == null || !KLE_NUMBER.matcher(k.kleNumber()).matches()) {
				violation.accept("value-format",
						"KLE number '" + k.kleNumber() + "' must be like 27, 27.24 or 27.24.00");
			}
		}
		else if (value instanceof Klasse k) {
			required(k.facet(), "facet", violation);
			text(k.title(), "title", 200, true, violation);
			if (k.scope() != null
					&& List.of(AddressScope.values()).stream().noneMatch(s -> s.name().equals(k.scope()))) {
				violation.accept("value-format",
						"scope '" + k.scope() + "' is not one of " + List.of(AddressScope.values()));
			}
		}
		else if (value instanceof Facet f) {
			text(f.description(), "description", 2000, false, violation);
		}
	}

	private static void person(Person p, BiConsumer<String, String> violation, BiConsumer<String, String> warning) {
		if ((p.givenName() == null || p.givenName().isBlank()) && (p.surname() == null || p.surname().isBlank())) {
			violation.accept("required-field", "a person needs a given name or a surname");
		}
		text(p.givenName(), "givenName", 100, false, violation);
		text(p.surname(), "surname", 100, false, violation);
		text(p.nickname(), "nickname", 100, false, violation);
		text(p.noCprReason(), "noCprReason", 200, false, violation);
		if (p.cpr() == null) {
			if (p.noCprReason() != null && p.noCprReason().isBlank()) {
				violation.accept("required-field", "a person without a CPR number needs a reason, not a blank");
			}
			return;
		}
		if (p.noCprReason() != null) {
			violation.accept("no-cpr-reason", "a person with a CPR number cannot be marked as having none");
		}
		Cpr.Check check = Cpr.check(p.cpr());
		if (!check.valid()) {
			violation.accept("cpr-valid", check.error());
			return;
		}
		if (p.cpr().length() != 10) {
			violation.accept("cpr-valid", "CPR number must be stored as ten digits without a dash");
		}
		check.warning().ifPresent(message -> warning.accept("cpr-modulus-11", message));
		if (Cpr.normalise(p.cpr()).equals(p.userKey())) {
			violation.accept("user-key-not-cpr", "a person's user key must not be the CPR number");
		}
		for (String form : List.of(p.cpr(), p.cpr().substring(0, 6) + "-" + p.cpr().substring(6))) {
			if (p.uuid().equals(UUID.nameUUIDFromBytes(form.getBytes(StandardCharsets.UTF_8)))) {
				violation.accept("uuid-not-from-cpr", "a person's UUID must not be derived from the CPR number");
			}
		}
	}

	private static void required(Object value, String field, BiConsumer<String, String> violation) {
		if (value == null) {
			violation.accept("required-field", field + " is required");
		}
	}

	private static void text(String value, String field, int max, boolean required,
			BiConsumer<String, String> violation) {
		if (value == null || value.isBlank()) {
			if (required) {
				violation.accept("required-field", field + " is required");
			}
			return;
		}
		if (value.length() > max) {
			violation.accept("value-length", field + " is longer than " + max + " characters");
		}
	}

}
