package dk.orghub.kombit.security;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import dk.orghub.kombit.security.KombitSecurityException.Reason;

/**
 * The OIOIDWS SOAP profile of KOMBIT's services: a call carries WS-Addressing headers
 * (Action, MessageID, ReplyTo, To) and a Security header with a Timestamp, the SAML
 * assertion as issued, a SecurityTokenReference to it by SAMLID and one signature made
 * with the organisation's key over Body, Action, MessageID, ReplyTo, To, Timestamp and
 * (through the STR-Transform) the assertion; the service's answer is signed by the
 * service.
 */
public final class SignedCalls {

	/** The wsu:Ids of what a call signs (beside the STR). */
	public static final List<String> SIGNED_IDS = List.of("body", "action", "messageid", "replyto", "to", "timestamp");

	/**
	 * The assertion last parsed on this thread and its exclusive canonical form, by its
	 * text (DOM is not thread-safe; the text and its canonical form are the same for the
	 * token's lifetime).
	 */
	private static final ThreadLocal<ParsedAssertion> ASSERTION = new ThreadLocal<>();

	private record ParsedAssertion(String xml, Element element, byte[] canonical) {

	}

	private SignedCalls() {
	}

	private static ParsedAssertion assertion(SamlToken token) {
		ParsedAssertion cached = ASSERTION.get();
		if (cached == null || cached.xml() != token.xml()) {
			Element parsed = Dom.parse(token.xml().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
			cached = new ParsedAssertion(token.xml(), parsed, StrTransform.canonical(parsed));
			ASSERTION.set(cached);
		}
		return cached;
	}

	/**
	 * Signs a SOAP 1.2 call.
	 * @param envelope the unsigned message (its own headers, e.g. KOMBIT's RequestHeader,
	 * are kept and not signed)
	 * @param action the operation's action
	 * @param to the service's address
	 * @return the signed message
	 */
	public static byte[] sign(byte[] envelope, String action, String to, SamlToken token, Credential credential,
			Instant now, Duration ttl) {
		Document doc = Dom.parse(envelope);
		Element header = Dom.header(doc);
		Element body = Dom.body(doc);
		Node first = header.getFirstChild();
		Element addressing = doc.createElementNS(Ns.SOAP12, "tmp");
		WsSecurityHeader.addressing(doc, addressing, "Action", action, "action", true);
		WsSecurityHeader.addressing(doc, addressing, "MessageID", "urn:uuid:" + UUID.randomUUID(), "messageid", false);
		WsSecurityHeader.addressing(doc, addressing, "ReplyTo", Ns.WSA_ANONYMOUS, "replyto", false);
		WsSecurityHeader.addressing(doc, addressing, "To", to, "to", true);
		for (Element e : Dom.children(addressing)) {
			header.insertBefore(e, first);
		}
		Element security = WsSecurityHeader.security(doc, header);
		WsSecurityHeader.timestamp(doc, security, now, ttl, "timestamp");
		ParsedAssertion assertion = assertion(token);
		Element imported = (Element) doc.importNode(assertion.element(), true);
		// the STR-Transform digests this form instead of canonicalising the copy again
		StrTransform.useCanonical(imported, assertion.canonical());
		security.appendChild(imported);
		security.appendChild(WsSecurityHeader.samlReference(doc, token.id(), "str"));
		Dom.wsuId(body, "body");
		// every element added declares its namespaces, so it canonicalises in memory as
		// it will once written (SignedCallsTest and the verifying service check this)
		XmlSignatures.sign(doc, security, SIGNED_IDS, "str", false, credential.key(),
				WsSecurityHeader.samlReference(doc, token.id(), null));
		return Dom.serialize(doc);
	}

	/**
	 * Checks a service's signed answer: a signature by {@code service} over the Body (and
	 * the Timestamp, which must be current).
	 * @throws KombitSecurityException UNTRUSTED_SIGNATURE or CLOCK_SKEW
	 */
	public static void verifyAnswer(byte[] message, X509Certificate service, Instant now, Duration skew) {
		Document doc;
		try {
			doc = Dom.parse(message);
		}
		catch (IllegalArgumentException ex) {
			throw new KombitSecurityException(Reason.UNTRUSTED_SIGNATURE, "the answer is not XML");
		}
		Element body = Dom.body(doc);
		Element security = Dom.child(doc.getDocumentElement(), Ns.SOAP12, "Header")
			.flatMap(h -> Dom.child(h, Ns.WSSE, "Security"))
			.orElseThrow(() -> new KombitSecurityException(Reason.UNTRUSTED_SIGNATURE,
					"the service's answer is not signed"));
		Element signature = Dom.child(security, Ns.DS, "Signature")
			.orElseThrow(() -> new KombitSecurityException(Reason.UNTRUSTED_SIGNATURE,
					"the service's answer is not signed"));
		List<XmlSignatures.Signed> signed;
		try {
			signed = XmlSignatures.verify(signature, service.getPublicKey());
		}
		catch (XmlSignatures.SignatureException ex) {
			throw new KombitSecurityException(Reason.UNTRUSTED_SIGNATURE,
					"the service's answer is not signed by " + Credential.describe(service) + ": " + ex.getMessage());
		}
		if (signed.stream().noneMatch(s -> s.element() == body)) {
			throw new KombitSecurityException(Reason.UNTRUSTED_SIGNATURE,
					"the service's signature does not cover the Body");
		}
		var timestamp = Dom.child(security, Ns.WSU, "Timestamp");
		if (timestamp.isPresent()) {
			if (signed.stream().noneMatch(s -> s.element() == timestamp.get())) {
				throw new KombitSecurityException(Reason.UNTRUSTED_SIGNATURE,
						"the service's signature does not cover its Timestamp");
			}
			WsSecurityHeader.checkTimestamp(timestamp.get(), now, skew);
		}
	}

	/**
	 * Signs an answer as a service does: a Security header with a Timestamp and the
	 * service's certificate, one signature over Body and Timestamp. For the local
	 * services and tests.
	 */
	public static byte[] signAnswer(byte[] envelope, Credential service, Instant now) {
		Document doc = Dom.parse(envelope);
		Element header = Dom.header(doc);
		Element security = Dom.element(doc, Ns.WSSE, "wsse", "Security");
		security.setAttributeNS(Ns.XMLNS, "xmlns:wsu", Ns.WSU);
		header.appendChild(security);
		WsSecurityHeader.timestamp(doc, security, now, Duration.ofMinutes(5), "ts-answer");
		security.appendChild(WsSecurityHeader.binaryToken(doc, service.certificate(), "x509-answer"));
		Dom.wsuId(Dom.body(doc), "body-answer");
		// signed in place like a call: every element added declares its namespaces
		XmlSignatures.sign(doc, security, List.of("body-answer", "ts-answer"), null, false, service.key(),
				WsSecurityHeader.referenceTo(doc, "x509-answer"));
		return Dom.serialize(doc);
	}

}
