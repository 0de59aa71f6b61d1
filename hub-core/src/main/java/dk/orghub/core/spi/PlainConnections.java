package dk.orghub.core.spi;

import java.net.URI;
import java.util.Locale;

/**
 * Connections that would carry passwords and CPR numbers in clear ({@code http://},
 * {@code ldap://} without TLS) are refused at start, unless a setting allows them or the
 * host is this machine (a loopback address or {@code localhost}). Decided on the URL
 * alone, without looking the host up.
 */
public final class PlainConnections {

	private PlainConnections() {
	}

	/**
	 * @param key the setting of the URL, for the message
	 * @param url the URL
	 * @param plainScheme the scheme that is not encrypted, e.g. {@code http}
	 * @param secureScheme the one to use instead, e.g. {@code https}
	 * @param allowKey the setting that allows the plain scheme anyway
	 * @param allowed its value
	 * @throws IllegalStateException when the URL is plain, not on this machine and not
	 * allowed
	 */
	public static void check(String key, String url, String plainScheme, String secureScheme, String allowKey,
			boolean allowed) {
		if (url == null || allowed) {
			return;
		}
		URI uri;
		try {
			uri = URI.create(url.trim());
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		if (uri.getScheme() == null || !plainScheme.equalsIgnoreCase(uri.getScheme()) || loopback(uri.getHost())) {
			return;
		}
		throw new IllegalStateException(key + ": " + plainScheme + "://" + uri.getHost()
				+ " would send passwords and CPR numbers unencrypted; use " + secureScheme + "://, or set " + allowKey
				+ "=true to allow it (a plain connection to this machine is allowed)");
	}

	/** Whether the URL names this machine (no name is looked up). */
	public static boolean loopback(URI url) {
		return url != null && loopback(url.getHost());
	}

	/** Whether the host is this machine by name or address (no name is looked up). */
	public static boolean loopback(String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		return name.equals("localhost") || name.endsWith(".localhost") || name.matches("127(\\.\\d{1,3}){3}")
				|| name.equals("::1") || name.equals("0:0:0:0:0:0:0:1");
	}

}
