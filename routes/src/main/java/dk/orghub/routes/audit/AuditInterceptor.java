package dk.orghub.routes.audit;

import java.security.Principal;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Audits every request that changes something (POST, PUT, PATCH, DELETE) through the API:
 * who, which request, when, and its status. Bodies are never recorded.
 */
class AuditInterceptor implements HandlerInterceptor {

	private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final AuditLog audit;

	AuditInterceptor(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!CHANGING.contains(request.getMethod())) {
			return;
		}
		Principal principal = request.getUserPrincipal();
		String actor = (principal != null) ? principal.getName() : "anonymous";
		String query = request.getQueryString();
		String action = request.getMethod() + " " + request.getRequestURI() + ((query != null) ? "?" + query : "");
		int status = (ex != null && response.getStatus() < 400) ? 500 : response.getStatus();
		this.audit.record(actor, action, String.valueOf(status));
	}

}
