package dk.orghub.routes.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * How a request shows its CSRF token. The token lives in the {@code XSRF-TOKEN} cookie
 * (readable by the page's scripts, never by another site). The dashboard sends the masked
 * token it gets from {@code /api/v1/me} (a different value each time, against BREACH);
 * Hawtio sends the cookie's value as it is in {@code X-XSRF-TOKEN}. Either is accepted.
 */
final class CsrfTokens implements CsrfTokenRequestHandler {

	static final String HAWTIO = "/actuator/hawtio";

	private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

	private final CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.masked.handle(request, response, csrfToken);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith(HAWTIO)) {
			// Hawtio only reads the cookie: set it with each of its pages (elsewhere it
			// is set
			// when the token is used, so API clients get no cookie)
			csrfToken.get().getToken();
		}
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		String unmasked = this.masked.resolveCsrfTokenValue(request, csrfToken);
		return (unmasked != null) ? unmasked : this.plain.resolveCsrfTokenValue(request, csrfToken);
	}

}
