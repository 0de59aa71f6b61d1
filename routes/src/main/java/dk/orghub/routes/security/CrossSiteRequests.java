package dk.orghub.routes.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (403) a request that may change state when it comes from another site: the
 * browser says so ({@code Sec-Fetch-Site: cross-site}), or its {@code Origin} is not the
 * hub's own (scheme, host and port as the request reached the hub; behind a TLS proxy set
 * {@code server.forward-headers-strategy}). A request may change state when its method is
 * not GET, HEAD, OPTIONS or TRACE, and any request to Jolokia may. Clients that send
 * neither header (curl, API clients) are left to the login and CSRF checks.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	static final String JOLOKIA = "/actuator/jolokia";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (changesState(request) && crossSite(request)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN,
					"A request from another site may not change anything here");
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean changesState(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !SAFE_METHODS.contains(request.getMethod()) || path.equals(JOLOKIA) || path.startsWith(JOLOKIA + "/");
	}

	static boolean crossSite(HttpServletRequest request) {
		if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
			return true;
		}
		String origin = request.getHeader("Origin");
		return origin != null && !sameOrigin(origin, request);
	}

	private static boolean sameOrigin(String origin, HttpServletRequest request) {
		URI uri;
		try {
			uri = URI.create(origin.trim());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		if (uri.getScheme() == null || uri.getHost() == null) {
			// "null" (a sandboxed or privacy-sensitive context) or garbage
			return false;
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
		return scheme.equalsIgnoreCase(request.getScheme()) && uri.getHost().equalsIgnoreCase(request.getServerName())
				&& port == request.getServerPort();
	}

}
