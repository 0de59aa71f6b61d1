package dk.orghub.kombit.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import dk.orghub.kombit.security.KombitSecurityException.Reason;

/**
 * A SAML 2.0 holder-of-key assertion issued by KOMBIT's token service, as text exactly as
 * issued (it goes into every signed call unchanged). {@link #toString()} never shows the
 * assertion.
 *
 * @param xml the assertion element, serialised with the namespaces it uses
 * @param id its ID (the SAMLID a SecurityTokenReference names)
 * @param issuer its Issuer
 * @param audience its Audience
 * @param cvr the value of its CVR attribute
 * @param notBefore start of its validity
 * @param notOnOrAfter end of its validity
 * @param holder the certificate it is bound to (SubjectConfirmation holder-of-key)
 */
public record SamlToken(String xml, String id, String issuer, String audience, String cvr, Instant notBefore,
		Instant notOnOrAfter, X509Certificate holder) {

	/**
	 * Reads an assertion and checks it: signed (enveloped) by {@code tokenService}, for
	 * {@code audience} and {@code cvr}, holder-of-key for {@code client}, valid at
	 * {@code now} (with {@code skew} of leeway at the start).
	 * @throws KombitSecurityException UNTRUSTED_SIGNATURE or INVALID_TOKEN, saying what
	 */
	public static SamlToken read(Element assertion, X509Certificate tokenService, String audience, String cvr,
			X509Certificate client, Instant now, Duration skew) {
		SamlToken token = parse(assertion);
		Element signature = Dom.child(assertion, Ns.DS, "Signature")
			.orElseThrow(() -> new KombitSecurityException(Reason.UNTRUSTED_SIGNATURE, "the assertion is not signed"));
		try {
			List<XmlSignatures.Signed> signed = XmlSignatures.verify(signature, tokenService.getPublicKey());
			if (signed.stream().noneMatch(s -> s.element() == assertion)) {
				throw new KombitSecurityException(Reason.UNTRUSTED_SIGNATURE,
						"the assertion's signature does not cover the assertion");
			}
		}
		catch (XmlSignatures.SignatureException ex) {
			throw new KombitSecurityException(Reason.UNTRUSTED_SIGNATURE,
					"the assertion " + token.id + " is not signed by the trusted token service "
							+ Credential.describe(tokenService) + ": " + ex.getMessage());
		}
		token.check(audience, cvr, client, now, skew);
		return token;
	}

	/**
	 * Checks audience, CVR (unless null), holder (unless null) and validity (not the
	 * signature).
	 * @throws KombitSecurityException INVALID_TOKEN
	 */
	public void check(String audience, String cvr, X509Certificate client, Instant now, Duration skew) {
		if (!audience.equals(this.audience)) {
			throw new KombitSecurityException(Reason.INVALID_TOKEN,
					"the token is for the audience " + this.audience + ", not " + audience);
		}
		if (cvr != null && !cvr.equals(this.cvr)) {
			throw new KombitSecurityException(Reason.INVALID_TOKEN,
					"the token is for the CVR number " + this.cvr + ", not " + cvr);
		}
		if (client != null && (this.holder == null || !this.holder.equals(client))) {
			throw new KombitSecurityException(Reason.INVALID_TOKEN,
					"the token is not bound to our certificate (holder-of-key)");
		}
		if (now.plus(skew).isBefore(this.notBefore)) {
			throw new KombitSecurityException(Reason.CLOCK_SKEW,
					"the token is valid from " + this.notBefore + ", now is " + now);
		}
		if (!now.isBefore(this.notOnOrAfter)) {
			throw new KombitSecurityException(Reason.INVALID_TOKEN, "the token expired at " + this.notOnOrAfter);
		}
	}

	/** Reads an assertion's fields without checking anything. */
	public static SamlToken parse(Element assertion) {
		if (!Ns.SAML.equals(assertion.getNamespaceURI()) || !"Assertion".equals(assertion.getLocalName())) {
			throw new KombitSecurityException(Reason.INVALID_TOKEN,
					"not a SAML 2.0 assertion: " + assertion.getNodeName());
		}
		String id = assertion.getAttribute("ID");
		String issuer = Dom.child(assertion, Ns.SAML, "Issuer").map(Dom::text).orElse(null);
		Element conditions = Dom.child(assertion, Ns.SAML, "Conditions")
			.orElseThrow(() -> new KombitSecurityException(Reason.INVALID_TOKEN, "the assertion has no Conditions"));
		String audience = Dom.find(conditions, Ns.SAML, "Audience").map(Dom::text).orElse(null);
		String cvr = null;
		for (Element attribute : Dom.findAll(assertion, Ns.SAML, "Attribute")) {
			if (Ns.CVR_CLAIM.equals(attribute.getAttribute("Name"))) {
				cvr = Dom.child(attribute, Ns.SAML, "AttributeValue").map(Dom::text).orElse(null);
			}
		}
		X509Certificate holder = null;
		for (Element confirmation : Dom.findAll(assertion, Ns.SAML, "SubjectConfirmation")) {
			if (Ns.HOLDER_OF_KEY.equals(confirmation.getAttribute("Method"))) {
				Optional<Element> cert = Dom.find(confirmation, Ns.DS, "X509Certificate");
				if (cert.isPresent()) {
					holder = certificate(Dom.text(cert.get()));
				}
			}
		}
		try {
			Instant notBefore = Instant.parse(conditions.getAttribute("NotBefore"));
			Instant notOnOrAfter = Instant.parse(conditions.getAttribute("NotOnOrAfter"));
			return new SamlToken(text(assertion), id, issuer, audience, cvr, notBefore, notOnOrAfter, holder);
		}
		catch (DateTimeParseException ex) {
			throw new KombitSecurityException(Reason.INVALID_TOKEN, "the assertion's validity cannot be read");
		}
	}

	/** A certificate from its base64 DER form. */
	public static X509Certificate certificate(String base64) {
		try {
			byte[] der = Base64.getMimeDecoder().decode(base64);
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(der));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new KombitSecurityException(Reason.INVALID_TOKEN, "a certificate cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * The assertion as text, with the namespace declarations it inherits from its
	 * ancestors added to it (they do not change its exclusive canonical form).
	 */
	static String text(Element assertion) {
		Document doc = Dom.newDocument();
		Element copy = (Element) doc.importNode(assertion, true);
		doc.appendChild(copy);
		for (Node n = assertion.getParentNode(); n instanceof Element ancestor; n = n.getParentNode()) {
			NamedNodeMap attributes = ancestor.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr a = (Attr) attributes.item(i);
				if (Ns.XMLNS.equals(a.getNamespaceURI()) && !copy.hasAttributeNS(Ns.XMLNS, a.getLocalName())) {
					copy.setAttributeNS(Ns.XMLNS, a.getName(), a.getValue());
				}
			}
		}
		String xml = new String(Dom.serialize(copy), StandardCharsets.UTF_8);
		return xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
	}

	/** The time left at {@code now}. */
	public Duration remaining(Instant now) {
		return Duration.between(now, this.notOnOrAfter);
	}

	@Override
	public String toString() {
		return "SamlToken[id=" + this.id + ", issuer=" + this.issuer + ", audience=" + this.audience + ", cvr="
				+ this.cvr + ", valid " + this.notBefore + " to " + this.notOnOrAfter + "]";
	}

}
