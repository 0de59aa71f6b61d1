package dk.orghub.adapters.sd;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake SD serving answer files from a test resource folder, over a free loopback port.
 * A file {@code <Operation>-<Parameter>=<value>.xml} answers a request with that
 * parameter value; else {@code <Operation>.xml}; else 404. Basic auth {@code hub:secret}
 * and institution {@code II}. Every request is recorded.
 */
final class FixtureSd implements AutoCloseable {

	private final Map<String, String> answers = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private final ExecutorService executor;

	FixtureSd(String folder) {
		load(folder);
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.executor = Executors.newFixedThreadPool(2);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** Adds (or replaces) the answers in a test resource folder. */
	void load(String folder) {
		try (Stream<Path> files = Files.list(Path.of(FixtureSd.class.getResource(folder).toURI()))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
				String name = file.getFileName().toString();
				this.answers.put(name.substring(0, name.length() - 4), Files.readString(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
	}

	/** The requests so far, as {@code Operation?query}. */
	List<String> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String operation = exchange.getRequestURI().getPath().substring(1);
			String query = exchange.getRequestURI().getRawQuery();
			this.requests.add(operation + "?" + URLDecoder.decode(query, StandardCharsets.UTF_8));
			String expected = "Basic "
					+ Base64.getEncoder().encodeToString("hub:secret".getBytes(StandardCharsets.UTF_8));
			List<String> parameters = new ArrayList<>();
			for (String pair : query.split("&")) {
				parameters.add(URLDecoder.decode(pair, StandardCharsets.UTF_8));
			}
			String body = null;
			int status = 200;
			if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
					|| !parameters.contains("InstitutionIdentifier=II")) {
				status = 401;
			}
			else {
				for (String parameter : parameters) {
					body = (body != null) ? body : this.answers.get(operation + "-" + parameter);
				}
				body = (body != null) ? body : this.answers.get(operation);
				status = (body != null) ? 200 : 404;
			}
			byte[] bytes = ((body != null) ? body : "<Fault/>").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

}
