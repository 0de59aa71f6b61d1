package dk.orghub.routes.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.ReadPoint;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one place that decides whether the logged-in user may make a local edit, on the
 * units the edit touches as the code has resolved them (the unit of an address or KLE
 * task read from the store, never a unit named in the request) and at the date the edit
 * takes effect. Administer may edit everywhere; edit everywhere too, unless its user has
 * {@code hub.security.users[i].units}, or logged in by OIDC with the units claim
 * ({@link EditUnits}): then each unit touched must be one of them or lie below one of
 * them at that date (a login whose claim names no unit edits nowhere). A refusal is an
 * {@link AccessDeniedException} (403).
 */
public class EditScope {

	private final OrgStore store;

	private final Map<String, Set<UUID>> unitsByUser;

	private final Clock clock;

	/**
	 * @param store where the tree is read
	 * @param unitsByUser the units each limited user may edit under; a user not in it is
	 * not limited
	 * @param clock the registration time the tree is read at
	 */
	public EditScope(OrgStore store, Map<String, Set<UUID>> unitsByUser, Clock clock) {
		this.store = store;
		this.unitsByUser = Map.copyOf(unitsByUser);
		this.clock = clock;
	}

	/**
	 * Refuses the edit unless the logged-in user may change each of {@code units} at
	 * {@code at}.
	 * @param at the first day the edit holds
	 * @param units the units the edit touches (for a move: the old and the new parent)
	 * @throws AccessDeniedException naming the first unit the user may not change
	 */
	public void check(LocalDate at, UUID... units) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		for (UUID unit : units) {
			if (!allows(authentication, at, unit)) {
				throw new AccessDeniedException("The unit " + unit + " is not one you may edit on " + at
						+ ": it needs the role " + Role.EDIT.name().toLowerCase(Locale.ROOT)
						+ " for a unit at or above it, or the role " + Role.ADMINISTER.name().toLowerCase(Locale.ROOT));
			}
		}
	}

	/** Whether the login may change {@code unit} at {@code at}. */
	public boolean allows(Authentication authentication, LocalDate at, UUID unit) {
		if (authentication == null || !authentication.isAuthenticated() || unit == null) {
			return false;
		}
		if (has(authentication, Role.ADMINISTER)) {
			return true;
		}
		if (!has(authentication, Role.EDIT)) {
			return false;
		}
		Optional<Set<UUID>> claimed = EditUnits.of(authentication);
		if (claimed.isPresent()) {
			return within(unit, claimed.get(), at);
		}
		Set<UUID> roots = this.unitsByUser.get(authentication.getName());
		return roots == null || roots.isEmpty() || within(unit, roots, at);
	}

	/**
	 * The units the login may edit under: empty when it may edit everywhere, absent when
	 * it may edit nothing.
	 */
	public Optional<List<UUID>> units(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		if (has(authentication, Role.ADMINISTER)) {
			return Optional.of(List.of());
		}
		if (!has(authentication, Role.EDIT)) {
			return Optional.empty();
		}
		Optional<Set<UUID>> claimed = EditUnits.of(authentication);
		if (claimed.isPresent()) {
			return claimed.get().isEmpty() ? Optional.empty() : Optional.of(List.copyOf(claimed.get()));
		}
		return Optional.of(List.copyOf(this.unitsByUser.getOrDefault(authentication.getName(), Set.of())));
	}

	/**
	 * Whether the unit is one of the roots or lies below one of them at the date, by its
	 * chain of parents as the store has it then. A unit not valid at the date is not
	 * within anything.
	 */
	private boolean within(UUID unit, Set<UUID> roots, LocalDate at) {
		ReadPoint point = ReadPoint.of(at, null, this.clock);
		Set<UUID> seen = new HashSet<>();
		UUID current = unit;
		while (current != null && seen.add(current)) {
			Optional<Versioned<OrgUnit>> version = this.store.get(OrgUnit.class, current, point);
			if (version.isEmpty()) {
				return false;
			}
			if (roots.contains(current)) {
				return true;
			}
			current = version.get().value().parent();
		}
		return false;
	}

	private static boolean has(Authentication authentication, Role role) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(role.authority()::equals);
	}

	/** The units of each local user that has them. */
	static Map<String, Set<UUID>> unitsByUser(Collection<SecurityProperties.User> users) {
		Map<String, Set<UUID>> units = new java.util.HashMap<>();
		for (SecurityProperties.User user : users) {
			if (!user.units().isEmpty()) {
				units.put(user.name(), Set.copyOf(user.units()));
			}
		}
		return units;
	}

}
