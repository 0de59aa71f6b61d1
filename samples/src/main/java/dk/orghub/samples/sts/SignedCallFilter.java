package dk.orghub.samples.sts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dk.orghub.kombit.security.Credential;
import dk.orghub.kombit.security.Dom;
import dk.orghub.kombit.security.KombitSecurityException;
import dk.orghub.kombit.security.Ns;
import dk.orghub.kombit.security.SamlToken;
import dk.orghub.kombit.security.SignedCalls;
import dk.orghub.kombit.security.WsSecurityHeader;
import dk.orghub.kombit.security.XmlSignatures;

/**
 * Makes the local STS service require OIOIDWS-signed calls, as KOMBIT's does: the
 * assertion signed by the trusted token service, for this service's entity id and valid;
 * the message signed with the key the assertion is bound to (holder of key); the
 * signature covering Body, Action, MessageID, ReplyTo, To, Timestamp and the assertion
 * through the STR-Transform; a current Timestamp. A refused call is a SOAP fault with
 * code Sender and a WS-Security subcode, and never reaches the service. Answers are
 * signed with the service's key.
 */
final class SignedCallFilter implements Filter {

	private final X509Certificate tokenService;

	private final Credential service;

	private final String entityId;

	private final Clock clock;

	private final AtomicLong verified = new AtomicLong();

	private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();

	private volatile boolean signAnswers = true;

	SignedCallFilter(X509Certificate tokenService, Credential service, String entityId, Clock clock) {
		this.tokenService = tokenService;
		this.service = service;
		this.entityId = entityId;
		this.clock = clock;
	}

	long verified() {
		return this.verified.get();
	}

	Map<String, Long> refusals() {
		Map<String, Long> result = new java.util.TreeMap<>();
		this.refusals.forEach((k, v) -> result.put(k, v.get()));
		return result;
	}

	void signAnswers(boolean sign) {
		this.signAnswers = sign;
	}

	/** A refused call: the WS-Security fault subcode and why. */
	static final class Refusal extends RuntimeException {

		final String subcode;

		Refusal(String subcode, String message) {
			super(message);
			this.subcode = subcode;
		}

	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		if (!"POST".equals(http.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = http.getInputStream().readAllBytes();
		try {
			verify(body, http.getRequestURL().toString(), this.clock.instant());
		}
		catch (Refusal r) {
			this.refusals.computeIfAbsent(r.subcode, k -> new AtomicLong()).incrementAndGet();
			SoapFaults.send((HttpServletResponse) response, Ns.WSSE, r.subcode, r.getMessage());
			return;
		}
		this.verified.incrementAndGet();
		Capture capture = new Capture((HttpServletResponse) response);
		chain.doFilter(new ReplayedRequest(http, body), capture);
		byte[] answer = capture.bytes();
		if (this.signAnswers && answer.length > 0) {
			answer = SignedCalls.signAnswer(answer, this.service, this.clock.instant());
		}
		response.setContentLength(answer.length);
		response.getOutputStream().write(answer);
	}

	/** Checks a signed call; throws a {@link Refusal} saying why it is refused. */
	void verify(byte[] bytes, String url, Instant now) {
		Document doc;
		try {
			doc = Dom.parse(bytes);
		}
		catch (IllegalArgumentException ex) {
			throw new Refusal("InvalidSecurity", "not XML");
		}
		Element header = Dom.child(doc.getDocumentElement(), Ns.SOAP12, "Header")
			.orElseThrow(() -> new Refusal("InvalidSecurity", "no SOAP header"));
		Element body = Dom.body(doc);
		Element security = Dom.child(header, Ns.WSSE, "Security")
			.orElseThrow(() -> new Refusal("InvalidSecurity", "no Security header: the call is not signed"));
		Element timestamp = Dom.child(security, Ns.WSU, "Timestamp")
			.orElseThrow(() -> new Refusal("InvalidSecurity", "no Timestamp"));
		try {
			WsSecurityHeader.checkTimestamp(timestamp, now, Duration.ofMinutes(5));
		}
		catch (KombitSecurityException ex) {
			throw new Refusal("MessageExpired", ex.getMessage());
		}
		Element assertion = Dom.child(security, Ns.SAML, "Assertion")
			.orElseThrow(() -> new Refusal("SecurityTokenUnavailable", "no SAML assertion"));
		SamlToken token;
		try {
			token = SamlToken.read(assertion, this.tokenService, this.entityId, null, null, now, Duration.ofMinutes(5));
		}
		catch (KombitSecurityException ex) {
			throw new Refusal("InvalidSecurityToken", ex.getMessage());
		}
		if (token.holder() == null) {
			throw new Refusal("InvalidSecurityToken", "the assertion is not holder-of-key");
		}
		Element signature = Dom.child(security, Ns.DS, "Signature")
			.orElseThrow(() -> new Refusal("InvalidSecurity", "no signature"));
		List<XmlSignatures.Signed> signed;
		try {
			signed = XmlSignatures.verify(signature, token.holder().getPublicKey());
		}
		catch (XmlSignatures.SignatureException ex) {
			throw new Refusal("FailedCheck", "the signature does not verify with the token's key: " + ex.getMessage());
		}
		for (Element part : List.of(body, timestamp, addressing(header, "Action"), addressing(header, "MessageID"),
				addressing(header, "ReplyTo"), addressing(header, "To"))) {
			if (signed.stream().noneMatch(s -> s.element() == part && !s.strTransform())) {
				throw new Refusal("FailedCheck", "the signature does not cover " + part.getLocalName());
			}
		}
		boolean tokenSigned = signed.stream()
			.anyMatch(s -> s.strTransform() && s.element() != null && s.element().getParentNode() == security
					&& Dom.child(s.element(), Ns.WSSE, "KeyIdentifier").map(Dom::text).orElse("").equals(token.id()));
		if (!tokenSigned) {
			throw new Refusal("FailedCheck", "the signature does not cover the assertion (STR-Transform)");
		}
		String to = Dom.text(addressing(header, "To"));
		if (!trim(to).equals(trim(url))) {
			throw new Refusal("FailedCheck", "the call is addressed to " + to + ", not to " + url);
		}
	}

	private static String trim(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static Element addressing(Element header, String name) {
		return Dom.child(header, Ns.WSA, name)
			.orElseThrow(() -> new Refusal("InvalidSecurity", "no " + name + " header"));
	}

	/** The answer kept in memory, to be signed before it is sent. */
	private static final class Capture extends HttpServletResponseWrapper {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		private PrintWriter writer;

		Capture(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() {
			return new ServletOutputStream() {

				@Override
				public void write(int b) {
					Capture.this.out.write(b);
				}

				@Override
				public void write(byte[] b, int off, int len) {
					Capture.this.out.write(b, off, len);
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public PrintWriter getWriter() {
			if (this.writer == null) {
				this.writer = new PrintWriter(new OutputStreamWriter(this.out, StandardCharsets.UTF_8));
			}
			return this.writer;
		}

		@Override
		public void setContentLength(int len) {
		}

		@Override
		public void setContentLengthLong(long len) {
		}

		@Override
		public void flushBuffer() {
		}

		byte[] bytes() {
			if (this.writer != null) {
				this.writer.flush();
			}
			return this.out.toByteArray();
		}

	}

}
