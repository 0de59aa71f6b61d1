package dk.orghub.adapters.ad;

import java.net.SocketTimeoutException;
import java.util.Locale;

import org.springframework.ldap.AuthenticationException;
import org.springframework.ldap.CommunicationException;
import org.springframework.ldap.InvalidSearchFilterException;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.ServiceUnavailableException;
import org.springframework.ldap.TimeLimitExceededException;

import dk.orghub.core.spi.AdapterException;

/**
 * Turns Spring LDAP's exceptions into {@link AdapterException}s whose message names the
 * source and the connection, and says whether a retry may help.
 */
final class DirectoryErrors {

	private DirectoryErrors() {
	}

	static AdapterException translate(AdConfiguration config, String doing, RuntimeException ex) {
		String where = config.name() + ": " + doing + " the directory at " + config.url();
		if (ex instanceof AuthenticationException) {
			return new AdapterException(
					where + " failed: the bind as '" + config.bindDn() + "' was refused (wrong bind DN or password?)",
					false, ex);
		}
		if (isTimeout(ex)) {
			return new AdapterException(
					where + " failed: no answer within " + timeoutOf(config, ex) + " (directory slow or unreachable)",
					true, ex);
		}
		if (ex instanceof CommunicationException || ex instanceof ServiceUnavailableException) {
			return new AdapterException(where + " failed: cannot connect (" + rootMessage(ex) + ")", true, ex);
		}
		if (ex instanceof NameNotFoundException) {
			return new AdapterException(where + " failed: a DN does not exist there (" + rootMessage(ex) + ")", false,
					ex);
		}
		if (ex instanceof InvalidSearchFilterException) {
			return new AdapterException(where + " failed: the directory refused the filter '" + config.filter() + "' ("
					+ rootMessage(ex) + ")", false, ex);
		}
		if (ex instanceof NamingException) {
			return new AdapterException(where + " failed: " + rootMessage(ex), true, ex);
		}
		return new AdapterException(where + " failed: " + ex, true, ex);
	}

	private static boolean isTimeout(Throwable ex) {
		if (ex instanceof TimeLimitExceededException) {
			return true;
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SocketTimeoutException) {
				return true;
			}
			String message = t.getMessage();
			if (message != null && message.toLowerCase(Locale.ROOT).contains("timed out")) {
				return true;
			}
		}
		return false;
	}

	private static String timeoutOf(AdConfiguration config, Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String message = t.getMessage();
			if (message != null && message.toLowerCase(Locale.ROOT).contains("connect timed out")) {
				return config.connectTimeout().toMillis() + " ms (connect-timeout)";
			}
		}
		return config.readTimeout().toMillis() + " ms (read-timeout)";
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null) ? message : root.getClass().getSimpleName();
	}

}
