package dk.orghub.routes.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.orghub.core.store.ReadPoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged in, with which roles and where it may edit; and the CSRF token a browser
 * sends with changes.
 */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me", description = "The logged-in user and roles.")
class MeController {

	private final EditScope scope;

	private final Clock clock;

	MeController(EditScope scope, Clock clock) {
		this.scope = scope;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "The logged-in user, its roles, where it may edit and the CSRF header a browser sends "
			+ "with changes")
	Me me(Authentication authentication, CsrfToken csrf) {
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith("ROLE_"))
			.map((a) -> a.substring(5))
			.sorted()
			.toList();
		return new Me(authentication.getName(), roles, this.scope.units(authentication).orElse(null),
				(csrf != null) ? csrf.getHeaderName() : null, (csrf != null) ? csrf.getToken() : null);
	}

	@GetMapping("/may-edit")
	@Operation(summary = "Whether the logged-in user may make local edits of a unit that hold from a date",
			description = "The same decision the edits make (a page shows its edit controls by it); the edits "
					+ "decide again when they are made.")
	MayEdit mayEdit(@Parameter(description = "The unit", required = true) @RequestParam UUID unit,
			@Parameter(description = "The first day the edit would hold; default today") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
			Authentication authentication) {
		LocalDate date = (at != null) ? at : ReadPoint.today(this.clock);
		return new MayEdit(unit, date, this.scope.allows(authentication, date, unit));
	}

	/**
	 * The logged-in user.
	 *
	 * @param name the user name
	 * @param roles its roles, each with the roles it includes
	 * @param editUnits the units it may edit under: empty for everywhere, {@code null}
	 * when it may not edit
	 * @param csrfHeader the header a browser sends the CSRF token in
	 * @param csrfToken the token
	 */
	record Me(String name, List<String> roles, @Schema(nullable = true) List<UUID> editUnits, String csrfHeader,
			String csrfToken) {

	}

	record MayEdit(UUID unit, LocalDate at, boolean allowed) {

	}

}
