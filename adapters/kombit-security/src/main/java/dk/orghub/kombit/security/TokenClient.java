package dk.orghub.kombit.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dk.orghub.kombit.security.KombitSecurityException.Reason;

/**
 * Asks KOMBIT's token service for a SAML 2.0 holder-of-key token (WS-Trust 1.3 Issue,
 * SOAP 1.2, the request signed with the organisation's certificate) and checks the
 * answer: the token service's signature on the response and on the assertion, the
 * audience, the CVR number, the holder of key and the validity. Thread-safe; every call
 * is one request (cache with {@link TokenCache}).
 */
public final class TokenClient {

	/**
	 * Where and for what to ask.
	 *
	 * @param endpoint the token service's URL
	 * @param issuer the token service's entity id (the assertion's Issuer), or null not
	 * to check it
	 * @param appliesTo the service's entity id (AppliesTo, the token's audience)
	 * @param cvr the municipality's CVR number (the claim)
	 * @param tokenService the token service's signing certificate (trusted)
	 * @param timeout connect and answer timeout
	 * @param skew clock difference tolerated on timestamps
	 */
	public record Settings(URI endpoint, String issuer, String appliesTo, String cvr, X509Certificate tokenService,
			Duration timeout, Duration skew) {

		public Settings {
			Objects.requireNonNull(endpoint, "endpoint");
			Objects.requireNonNull(appliesTo, "appliesTo");
			Objects.requireNonNull(cvr, "cvr");
			Objects.requireNonNull(tokenService, "tokenService");
		}

	}

	private final Settings settings;

	private final Credential credential;

	private final Clock clock;

	private final HttpClient http;

	private final AtomicLong requests = new AtomicLong();

	public TokenClient(Settings settings, Credential credential, Clock clock) {
		this.settings = settings;
		this.credential = credential;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
	}

	public Settings settings() {
		return this.settings;
	}

	/** Requests sent so far. */
	public long requests() {
		return this.requests.get();
	}

	/**
	 * Fetches a token.
	 * @throws KombitSecurityException with the reason: the certificate's validity, a
	 * refusal, an untrusted or broken answer, an unusable token, clock skew, the network
	 */
	public SamlToken fetch() {
		Instant now = this.clock.instant();
		this.credential.checkValid(now);
		String messageId = "urn:uuid:" + UUID.randomUUID();
		byte[] request = request(messageId, now);
		this.requests.incrementAndGet();
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(HttpRequest.newBuilder(this.settings.endpoint())
				.timeout(this.settings.timeout())
				.header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + WsTrust.ISSUE_ACTION + "\"")
				.POST(HttpRequest.BodyPublishers.ofByteArray(request))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new KombitSecurityException(Reason.NETWORK,
					"the token service at " + this.settings.endpoint() + " did not answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KombitSecurityException(Reason.NETWORK, "interrupted while asking the token service", ex);
		}
		return answer(response.statusCode(), response.body(), messageId, this.clock.instant());
	}

	/** The signed Issue request. */
	byte[] request(String messageId, Instant now) {
		Document doc = Dom.newDocument();
		Element envelope = Dom.element(doc, Ns.SOAP12, "soap", "Envelope");
		doc.appendChild(envelope);
		Element header = doc.createElementNS(Ns.SOAP12, "soap:Header");
		envelope.appendChild(header);
		WsSecurityHeader.addressing(doc, header, "Action", WsTrust.ISSUE_ACTION, "action", true);
		WsSecurityHeader.addressing(doc, header, "MessageID", messageId, "messageid", false);
		WsSecurityHeader.addressing(doc, header, "To", this.settings.endpoint().toString(), "to", true);
		WsSecurityHeader.addressing(doc, header, "ReplyTo", Ns.WSA_ANONYMOUS, "replyto", false);
		Element security = WsSecurityHeader.security(doc, header);
		WsSecurityHeader.timestamp(doc, security, now, Duration.ofMinutes(5), "timestamp");
		security.appendChild(WsSecurityHeader.binaryToken(doc, this.credential.certificate(), "x509token"));
		Element body = doc.createElementNS(Ns.SOAP12, "soap:Body");
		Dom.wsuId(body, "body");
		envelope.appendChild(body);
		Element rst = Dom.element(doc, WsTrust.NS, WsTrust.PREFIX, WsTrust.REQUEST_SECURITY_TOKEN);
		body.appendChild(rst);
		text(doc, rst, WsTrust.REQUEST_TYPE, WsTrust.ISSUE_REQUEST_TYPE);
		Element appliesTo = Dom.element(doc, Ns.WSP, "wsp", "AppliesTo");
		Element reference = Dom.element(doc, Ns.WSA, "wsa", "EndpointReference");
		Element address = doc.createElementNS(Ns.WSA, "wsa:Address");
		address.setTextContent(this.settings.appliesTo());
		reference.appendChild(address);
		appliesTo.appendChild(reference);
		rst.appendChild(appliesTo);
		Element claims = doc.createElementNS(WsTrust.NS, WsTrust.qualified(WsTrust.CLAIMS));
		claims.setAttributeNS(null, "Dialect", Ns.AUTH_CLAIMS_DIALECT);
		Element claimType = Dom.element(doc, Ns.AUTH, "auth", "ClaimType");
		claimType.setAttributeNS(null, "Uri", Ns.CVR_CLAIM);
		Element value = doc.createElementNS(Ns.AUTH, "auth:Value");
		value.setTextContent(this.settings.cvr());
		claimType.appendChild(value);
		claims.appendChild(claimType);
		rst.appendChild(claims);
		text(doc, rst, WsTrust.TOKEN_TYPE, WsTrust.SAML2_TOKEN_TYPE);
		text(doc, rst, WsTrust.KEY_TYPE, WsTrust.PUBLIC_KEY);
		Element useKey = doc.createElementNS(WsTrust.NS, WsTrust.qualified(WsTrust.USE_KEY));
		useKey.appendChild(WsSecurityHeader.binaryToken(doc, this.credential.certificate(), null));
		rst.appendChild(useKey);
		// parse what is written, then sign it: the signature covers the bytes sent
		Document signed = Dom.parse(Dom.serialize(doc));
		Element signedSecurity = Dom.find(signed.getDocumentElement(), Ns.WSSE, "Security").orElseThrow();
		XmlSignatures.sign(signed, signedSecurity,
				List.of("action", "messageid", "to", "timestamp", "x509token", "body"), null, false,
				this.credential.key(), WsSecurityHeader.referenceTo(signed, "x509token"));
		return Dom.serialize(signed);
	}

	private static void text(Document doc, Element parent, String name, String value) {
		Element e = doc.createElementNS(WsTrust.NS, WsTrust.qualified(name));
		e.setTextContent(value);
		parent.appendChild(e);
	}

	/** Checks the token service's answer and reads the token from it. */
	SamlToken answer(int status, byte[] body, String messageId, Instant now) {
		Document doc;
		try {
			doc = Dom.parse(body);
			Dom.body(doc);
		}
		catch (IllegalArgumentException ex) {
			throw new KombitSecurityException(Reason.NETWORK,
					"the token service answered HTTP " + status + " without a SOAP message");
		}
		Element soapBody = Dom.body(doc);
		var fault = Dom.child(soapBody, Ns.SOAP12, "Fault");
		if (fault.isPresent()) {
			throw refusal(fault.get(), status);
		}
		if (status != 200) {
			throw new KombitSecurityException(Reason.NETWORK, "the token service answered HTTP " + status);
		}
		Element header = Dom.child(doc.getDocumentElement(), Ns.SOAP12, "Header")
			.orElseThrow(() -> untrusted("the answer has no SOAP header"));
		Element security = Dom.child(header, Ns.WSSE, "Security")
			.orElseThrow(() -> untrusted("the answer is not signed"));
		Element signature = Dom.child(security, Ns.DS, "Signature")
			.orElseThrow(() -> untrusted("the answer is not signed"));
		List<XmlSignatures.Signed> signed;
		try {
			signed = XmlSignatures.verify(signature, this.settings.tokenService().getPublicKey());
		}
		catch (XmlSignatures.SignatureException ex) {
			throw untrusted("the answer is not signed by the trusted token service "
					+ Credential.describe(this.settings.tokenService()) + ": " + ex.getMessage());
		}
		if (signed.stream().noneMatch(s -> s.element() == soapBody)) {
			throw untrusted("the answer's signature does not cover its Body");
		}
		var timestamp = Dom.child(security, Ns.WSU, "Timestamp");
		if (timestamp.isPresent()) {
			if (signed.stream().noneMatch(s -> s.element() == timestamp.get())) {
				throw untrusted("the answer's signature does not cover its Timestamp");
			}
			WsSecurityHeader.checkTimestamp(timestamp.get(), now, this.settings.skew());
		}
		Dom.child(header, Ns.WSA, "RelatesTo").map(Dom::text).filter(r -> !r.equals(messageId)).ifPresent(r -> {
			throw untrusted("the answer relates to another request (" + r + ")");
		});
		Element requested = Dom.find(soapBody, WsTrust.NS, WsTrust.REQUESTED_SECURITY_TOKEN)
			.orElseThrow(() -> new KombitSecurityException(Reason.INVALID_TOKEN, "the answer holds no token"));
		Element assertion = Dom.child(requested, Ns.SAML, "Assertion")
			.orElseThrow(
					() -> new KombitSecurityException(Reason.INVALID_TOKEN, "the answer holds no SAML 2.0 assertion"));
		SamlToken token = SamlToken.read(assertion, this.settings.tokenService(), this.settings.appliesTo(),
				this.settings.cvr(), this.credential.certificate(), now, this.settings.skew());
		if (this.settings.issuer() != null && !this.settings.issuer().equals(token.issuer())) {
			throw new KombitSecurityException(Reason.INVALID_TOKEN,
					"the token was issued by " + token.issuer() + ", not " + this.settings.issuer());
		}
		return token;
	}

	private static KombitSecurityException untrusted(String message) {
		return new KombitSecurityException(Reason.UNTRUSTED_SIGNATURE, message);
	}

	private KombitSecurityException refusal(Element fault, int status) {
		String reason = Dom.find(fault, Ns.SOAP12, "Text").map(Dom::text).orElse("(no reason given)");
		String subcode = Dom.find(fault, Ns.SOAP12, "Subcode")
			.flatMap(s -> Dom.child(s, Ns.SOAP12, "Value"))
			.map(Dom::text)
			.orElse("");
		if (subcode.endsWith("MessageExpired")) {
			return new KombitSecurityException(Reason.CLOCK_SKEW, "the token service says: " + reason);
		}
		if (status >= 502) {
			return new KombitSecurityException(Reason.NETWORK,
					"the token service answered HTTP " + status + ": " + reason);
		}
		return new KombitSecurityException(Reason.TOKEN_REFUSED, "the token service refused a token for CVR "
				+ this.settings.cvr() + " and " + this.settings.appliesTo() + ": " + reason
				+ " (check the service agreement in KOMBIT's administration module and that the certificate is registered)");
	}

	@Override
	public String toString() {
		return "TokenClient[" + this.settings.endpoint() + ", cvr=" + this.settings.cvr() + "]";
	}

}
