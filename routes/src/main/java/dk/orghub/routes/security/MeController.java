package dk.orghub.routes.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged in, with which roles; and the CSRF token a browser sends with changes.
 */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me", description = "The logged-in user and roles.")
class MeController {

	@GetMapping
	@Operation(summary = "The logged-in user, its roles and the CSRF header a browser sends with changes")
	Me me(Authentication authentication, CsrfToken csrf) {
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith("ROLE_"))
			.map((a) -> a.substring(5))
			.sorted()
			.toList();
		return new Me(authentication.getName(), roles, (csrf != null) ? csrf.getHeaderName() : null,
				(csrf != null) ? csrf.getToken() : null);
	}

	record Me(String name, List<String> roles, String csrfHeader, String csrfToken) {

	}

}
