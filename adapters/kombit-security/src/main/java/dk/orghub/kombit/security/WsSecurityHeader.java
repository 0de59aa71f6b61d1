package dk.orghub.kombit.security;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dk.orghub.kombit.security.KombitSecurityException.Reason;

/**
 * Builds the parts of SOAP 1.2 messages that WS-Addressing and WS-Security add:
 * addressing headers, the Security header, its Timestamp, BinarySecurityTokens and
 * SecurityTokenReferences; and checks Timestamps.
 */
public final class WsSecurityHeader {

	private WsSecurityHeader() {
	}

	/**
	 * Adds an addressing header with a wsu:Id (mustUnderstand when asked) and returns it.
	 */
	public static Element addressing(Document doc, Element header, String name, String value, String id,
			boolean mustUnderstand) {
		Element e = Dom.element(doc, Ns.WSA, "wsa", name);
		if (name.equals("ReplyTo")) {
			Element address = doc.createElementNS(Ns.WSA, "wsa:Address");
			address.setTextContent(value);
			e.appendChild(address);
		}
		else {
			e.setTextContent(value);
		}
		if (mustUnderstand) {
			mustUnderstand(doc, e);
		}
		Dom.wsuId(e, id);
		header.appendChild(e);
		return e;
	}

	private static void mustUnderstand(Document doc, Element e) {
		e.setAttributeNS(Ns.XMLNS, "xmlns:soap", Ns.SOAP12);
		e.setAttributeNS(Ns.SOAP12, "soap:mustUnderstand", "true");
	}

	/** Adds an empty wsse:Security header (mustUnderstand) and returns it. */
	public static Element security(Document doc, Element header) {
		Element security = Dom.element(doc, Ns.WSSE, "wsse", "Security");
		security.setAttributeNS(Ns.XMLNS, "xmlns:wsu", Ns.WSU);
		mustUnderstand(doc, security);
		header.appendChild(security);
		return security;
	}

	/** Appends a wsu:Timestamp from {@code now} (whole seconds) to {@code now + ttl}. */
	public static Element timestamp(Document doc, Element security, Instant now, Duration ttl, String id) {
		Element timestamp = Dom.element(doc, Ns.WSU, "wsu", "Timestamp");
		Dom.wsuId(timestamp, id);
		Instant created = now.truncatedTo(ChronoUnit.SECONDS);
		Element c = doc.createElementNS(Ns.WSU, "wsu:Created");
		c.setTextContent(created.toString());
		Element x = doc.createElementNS(Ns.WSU, "wsu:Expires");
		x.setTextContent(created.plus(ttl).toString());
		timestamp.appendChild(c);
		timestamp.appendChild(x);
		security.appendChild(timestamp);
		return timestamp;
	}

	/** A wsse:BinarySecurityToken holding an X.509 certificate. */
	public static Element binaryToken(Document doc, X509Certificate certificate, String id) {
		Element token = Dom.element(doc, Ns.WSSE, "wsse", "BinarySecurityToken");
		token.setAttributeNS(null, "EncodingType", Ns.BASE64);
		token.setAttributeNS(null, "ValueType", Ns.X509V3);
		token.setTextContent(base64(certificate));
		if (id != null) {
			Dom.wsuId(token, id);
		}
		return token;
	}

	/** A SecurityTokenReference to a BinarySecurityToken in the same message. */
	public static Element referenceTo(Document doc, String tokenId) {
		Element str = Dom.element(doc, Ns.WSSE, "wsse", "SecurityTokenReference");
		Element reference = doc.createElementNS(Ns.WSSE, "wsse:Reference");
		reference.setAttributeNS(null, "URI", "#" + tokenId);
		reference.setAttributeNS(null, "ValueType", Ns.X509V3);
		str.appendChild(reference);
		return str;
	}

	/** A SecurityTokenReference to a SAML 2.0 assertion by its SAMLID. */
	public static Element samlReference(Document doc, String assertionId, String id) {
		Element str = Dom.element(doc, Ns.WSSE, "wsse", "SecurityTokenReference");
		str.setAttributeNS(Ns.XMLNS, "xmlns:wsse11", Ns.WSSE11);
		str.setAttributeNS(Ns.WSSE11, "wsse11:TokenType", WsTrust.SAML2_TOKEN_TYPE);
		Element identifier = doc.createElementNS(Ns.WSSE, "wsse:KeyIdentifier");
		identifier.setAttributeNS(null, "ValueType", Ns.SAML_ID);
		identifier.setTextContent(assertionId);
		str.appendChild(identifier);
		if (id != null) {
			Dom.wsuId(str, id);
		}
		return str;
	}

	public static String base64(X509Certificate certificate) {
		try {
			return Base64.getEncoder().encodeToString(certificate.getEncoded());
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A fresh id for a wsu:Id. */
	public static String id(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	/**
	 * Checks a Timestamp at {@code now}: created not later than {@code now + skew},
	 * expires not before {@code now - skew}.
	 * @throws KombitSecurityException CLOCK_SKEW
	 */
	public static void checkTimestamp(Element timestamp, Instant now, Duration skew) {
		try {
			Instant created = Instant.parse(Dom.child(timestamp, Ns.WSU, "Created").map(Dom::text).orElseThrow());
			if (created.isAfter(now.plus(skew))) {
				throw new KombitSecurityException(Reason.CLOCK_SKEW,
						"the message was created at " + created + ", ahead of now (" + now + ")");
			}
			var expires = Dom.child(timestamp, Ns.WSU, "Expires").map(Dom::text);
			if (expires.isPresent() && Instant.parse(expires.get()).isBefore(now.minus(skew))) {
				throw new KombitSecurityException(Reason.CLOCK_SKEW,
						"the message expired at " + expires.get() + " (now " + now + ")");
			}
		}
		catch (DateTimeParseException | java.util.NoSuchElementException ex) {
			throw new KombitSecurityException(Reason.CLOCK_SKEW, "the message's Timestamp cannot be read");
		}
	}

}
