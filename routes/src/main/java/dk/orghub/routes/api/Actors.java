package dk.orghub.routes.api;

import java.security.Principal;

import dk.orghub.core.model.Actor;
import jakarta.servlet.http.HttpServletRequest;

/** Who a change through the API is registered as. */
final class Actors {

	/** The actor name when nobody is logged in. */
	static final String ANONYMOUS = "api";

	private Actors() {
	}

	/** {@code user:<login name>}, or {@code user:api} without a login. */
	static Actor of(HttpServletRequest request) {
		Principal principal = request.getUserPrincipal();
		String name = (principal != null) ? principal.getName() : null;
		return Actor.user((name != null && !name.isBlank()) ? name : ANONYMOUS);
	}

}
