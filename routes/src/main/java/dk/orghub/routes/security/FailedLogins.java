package dk.orghub.routes.security;

import dk.orghub.routes.audit.AuditLog;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * Feeds {@link LoginThrottle} from the logins with a user name and password (form and
 * HTTP Basic), and audits each failed one: the name tried, never the password.
 */
final class FailedLogins implements ApplicationListener<AbstractAuthenticationEvent> {

	private final LoginThrottle throttle;

	private final AuditLog audit;

	FailedLogins(LoginThrottle throttle, AuditLog audit) {
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken login)) {
			return;
		}
		if (event instanceof AbstractAuthenticationFailureEvent failure) {
			this.throttle.failed(login.getName());
			this.audit.record(login.getName(), "LOGIN failed", failure.getException().getClass().getSimpleName());
		}
		else if (event instanceof AuthenticationSuccessEvent) {
			this.throttle.succeeded(login.getName());
		}
	}

}
