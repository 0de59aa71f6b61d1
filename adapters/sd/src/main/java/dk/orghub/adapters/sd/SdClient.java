package dk.orghub.adapters.sd;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dk.orghub.core.spi.AdapterException;

/**
 * Calls SD-Løn's web services: HTTP GET {@code <base>/<operation>} with Basic auth, the
 * {@code InstitutionIdentifier} and the operation's parameters (dates as
 * {@code dd.MM.yyyy}), and parses the answer as a stream. Failures are
 * {@link AdapterException}s naming the source and the operation: temporary for what a
 * retry may fix (no connection, a timeout, a 5xx answer), not temporary for the rest (a
 * wrong user or password, a malformed answer).
 */
final class SdClient {

	static final DateTimeFormatter REQUEST_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final SdConfig config;

	private final HttpClient http;

	private final String authorization;

	SdClient(SdConfig config) {
		this.config = config;
		this.http = HttpClient.newBuilder()
			.connectTimeout(config.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.authorization = "Basic " + Base64.getEncoder()
			.encodeToString((config.user() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
	}

	static String date(LocalDate date) {
		return date.format(REQUEST_DATE);
	}

	/**
	 * Calls {@code operation} and gives every record element of the answer to
	 * {@code sink}.
	 */
	void call(String operation, Map<String, String> parameters, Set<String> records, Consumer<SdNode> sink) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("InstitutionIdentifier", this.config.institution());
		query.putAll(parameters);
		StringBuilder uri = new StringBuilder(this.config.baseUri().toString());
		if (uri.charAt(uri.length() - 1) != '/') {
			uri.append('/');
		}
		uri.append(operation).append('?');
		query.forEach((name, value) -> uri.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8))
			.append('&'));
		uri.setLength(uri.length() - 1);
		HttpRequest request = HttpRequest.newBuilder(URI.create(uri.toString()))
			.GET()
			.timeout(this.config.readTimeout())
			.header("Authorization", this.authorization)
			.header("Accept", "text/xml, application/xml")
			.build();
		String what = this.config.sourceName() + ": SD " + operation;
		HttpResponse<InputStream> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (HttpTimeoutException ex) {
			throw new AdapterException(
					what + " timed out (" + this.config.readTimeout().toSeconds() + " s; hub.sources.sd.read-timeout)",
					true, ex);
		}
		catch (ConnectException ex) {
			throw new AdapterException(what + ": cannot connect to " + this.config.baseUri(), true, ex);
		}
		catch (IOException ex) {
			throw new AdapterException(what + " failed: " + ex, true, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AdapterException(what + " was interrupted", true, ex);
		}
		try (InputStream body = response.body()) {
			int status = response.statusCode();
			if (status == 401 || status == 403) {
				throw new AdapterException(
						what + " refused the login (HTTP " + status + "): check hub.sources.sd.user and the password",
						false);
			}
			if (status >= 500) {
				throw new AdapterException(what + " answered HTTP " + status, true);
			}
			if (status != 200) {
				throw new AdapterException(what + " answered HTTP " + status + ": " + fault(body), false);
			}
			SdXml.parse(operation, body, records, sink);
		}
		catch (SdFormatException ex) {
			throw new AdapterException(this.config.sourceName() + ": " + ex.getMessage(), false, ex);
		}
		catch (IOException ex) {
			throw new AdapterException(what + ": the answer could not be read: " + ex, true, ex);
		}
	}

	/** The fault text of an error answer, at most 200 characters. */
	private static String fault(InputStream body) throws IOException {
		String text = new String(body.readNBytes(4096), StandardCharsets.UTF_8).replaceAll("<[^>]*>", " ").trim();
		return (text.length() > 200) ? text.substring(0, 200) : text;
	}

}
