package dk.orghub.routes.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login of a user name that {@link LoginThrottle} has locked, before its
 * password is checked: HTTP Basic gets 429 with {@code Retry-After} (seconds), the login
 * form goes back to the login page with the reason. The name is read as the login reads
 * it (Spring Security's Basic converter; the form's {@code username}).
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	static final String LOGIN = "/login";

	private final LoginThrottle throttle;

	private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = "POST".equals(request.getMethod())
				&& LOGIN.equals(request.getRequestURI().substring(request.getContextPath().length()));
		String name = form ? request.getParameter("username") : basicName(request);
		Optional<Duration> locked = this.throttle.lockedFor(name);
		if (locked.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, locked.get().toSeconds() + ((locked.get().toNanosPart() > 0) ? 1 : 0));
		String message = "Too many failed logins for this user name; try again in " + seconds + " seconds";
		if (form) {
			request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new LockedException(message));
			response.sendRedirect(request.getContextPath() + LOGIN + "?error");
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		response.sendError(429, message);
	}

	private String basicName(HttpServletRequest request) {
		try {
			UsernamePasswordAuthenticationToken token = this.basic.convert(request);
			return (token != null) ? token.getName() : null;
		}
		catch (AuthenticationException ex) {
			return null;
		}
	}

}
