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

	private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

	private final CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.masked.handle(request, response, csrfToken);
		// load the token now, so that the cookie is set on every page Hawtio loads
		csrfToken.get().getToken();
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		String unmasked = this.masked.resolveCsrfTokenValue(request, csrfToken);
		return (unmasked != null) ? unmasked : this.plain.resolveCsrfTokenValue(request, csrfToken);
	}

}
