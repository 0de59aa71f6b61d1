package dk.orghub.routes.security;

import dk.orghub.core.spi.CprAccess;
import dk.orghub.routes.audit.AuditLog;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one place that decides who reads CPR numbers and what is derived from them (age
 * band, sex), and that audits every such read. A controller asks with the <em>bound</em>
 * value of each parameter that widens what is shown ({@code includeCpr}, {@code ageBand},
 * {@code sex}), so every spelling the binder accepts ({@code 1}, {@code yes}, {@code on},
 * {@code " true"}) is decided the same way; only the role administer may. A refusal is an
 * {@link AccessDeniedException} (403).
 */
public class SensitiveReads implements CprAccess {

	private final AuditLog audit;

	public SensitiveReads(AuditLog audit) {
		this.audit = audit;
	}

	/**
	 * Refuses the request unless the caller may read CPR numbers, when the bound value of
	 * {@code parameter} asks for them.
	 * @param parameter the request parameter, for the message
	 * @param wanted its bound value
	 * @throws AccessDeniedException when wanted and the caller lacks the role administer
	 */
	@Override
	public void check(String parameter, boolean wanted) {
		if (wanted && !allowed(SecurityContextHolder.getContext().getAuthentication())) {
			throw new AccessDeniedException(
					parameter + " shows CPR numbers or what derives from them: it needs the role "
							+ Role.ADMINISTER.name().toLowerCase(java.util.Locale.ROOT));
		}
	}

	/**
	 * Records a response that carried CPR numbers, or age bands or sex derived from them:
	 * who (the logged-in user), when, what and how many.
	 * @param what the request, e.g. {@code GET /api/v1/persons includeCpr}
	 * @param count how many persons (or rows) the response showed them for
	 */
	@Override
	public void record(String what, long count) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String actor = (authentication != null) ? authentication.getName() : "system";
		this.audit.record(actor, "READ " + what, count + " shown");
	}

	/** Whether the login has the role administer. */
	static boolean allowed(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.anyMatch(Role.ADMINISTER.authority()::equals);
	}

}
