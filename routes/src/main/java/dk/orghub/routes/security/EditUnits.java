package dk.orghub.routes.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The units an OIDC login (or bearer token) may edit under, read from the claim named by
 * {@code hub.security.oidc-units-claim} and carried as authorities of the login: one
 * marker that the login is limited, and one authority per unit. A login limited this way
 * whose claim names no unit edits nowhere (a claim that is missing or mistyped never
 * widens an editor to everything).
 */
final class EditUnits {

	/** The marker: the login's units come from the claim. */
	static final String LIMITED = "EDIT_UNITS";

	static final String UNIT = "EDIT_UNIT_";

	private EditUnits() {
	}

	/**
	 * The authorities for the value of a units claim: a list of unit UUIDs, or one string
	 * of them separated by commas or spaces; values that are not UUIDs are left out.
	 */
	static List<GrantedAuthority> fromClaim(Object claim) {
		Collection<?> values = (claim instanceof Collection<?> c) ? c
				: (claim != null) ? List.of(String.valueOf(claim).split("[,\\s]+")) : List.of();
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(LIMITED));
		for (Object value : values) {
			try {
				UUID unit = UUID.fromString(String.valueOf(value).strip());
				authorities.add(new SimpleGrantedAuthority(UNIT + unit));
			}
			catch (IllegalArgumentException ex) {
				// not a unit's UUID (e.g. a group name the provider also puts there)
			}
		}
		return authorities;
	}

	/** The units of a login limited by the claim; empty when it is not limited so. */
	static Optional<Set<UUID>> of(Authentication authentication) {
		Set<UUID> units = new LinkedHashSet<>();
		boolean limited = false;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (LIMITED.equals(name)) {
				limited = true;
			}
			else if (name != null && name.startsWith(UNIT)) {
				units.add(UUID.fromString(name.substring(UNIT.length())));
			}
		}
		return limited ? Optional.of(units) : Optional.empty();
	}

}
