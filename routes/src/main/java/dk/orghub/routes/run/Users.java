package dk.orghub.routes.run;

import java.security.Principal;

/** The name a manual action is recorded under. */
final class Users {

	private Users() {
	}

	static String name(Principal principal) {
		return (principal != null && principal.getName() != null) ? principal.getName() : "anonymous";
	}

}
