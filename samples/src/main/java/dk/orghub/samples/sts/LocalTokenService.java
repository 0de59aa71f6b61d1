package dk.orghub.samples.sts;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dk.orghub.kombit.security.Credential;
import dk.orghub.kombit.security.Dom;
import dk.orghub.kombit.security.KombitSecurityException;
import dk.orghub.kombit.security.Ns;
import dk.orghub.kombit.security.SamlToken;
import dk.orghub.kombit.security.WsSecurityHeader;
import dk.orghub.kombit.security.WsTrust;
import dk.orghub.kombit.security.XmlSignatures;

/**
 * A local stand-in for KOMBIT's token service (WS-Trust 1.3 Issue, SOAP 1.2, "signature
 * case"): it checks the request's signature, that the signing certificate was issued by
 * the trusted CA, is valid, and is the one in UseKey, the timestamp, and that the CVR
 * number has a service agreement for the entity id in AppliesTo; then it issues a SAML
 * 2.0 holder-of-key assertion bound to that certificate, signs it (enveloped) and signs
 * its SOAP answer. Refusals are SOAP faults with code Sender. For tests it can issue
 * tokens for another CVR number or audience, with another lifetime, or sign with another
 * key.
 */
public final class LocalTokenService extends HttpServlet {

	/** The path of KOMBIT's token service (STS2), served here too. */
	public static final String PATH = "/runtime/services/kombittrust/14/certificatemixed";

	/** The entity id the local token service issues as. */
	public static final String ISSUER = "https://saml.local-adgangsstyring.orghub.invalid/runtime";

	private final transient Credential signing;

	private final transient X509Certificate clientCa;

	private final transient Clock clock;

	private final Set<String> agreements = ConcurrentHashMap.newKeySet();

	private final AtomicLong issued = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private volatile Duration lifetime = Duration.ofHours(8);

	private volatile String cvrOverride;

	private volatile String audienceOverride;

	private transient volatile Credential signingOverride;

	LocalTokenService(Credential signing, X509Certificate clientCa, Clock clock) {
		this.signing = signing;
		this.clientCa = clientCa;
		this.clock = clock;
	}

	/** Records a service agreement: tokens for this CVR number and service entity id. */
	public LocalTokenService agree(String cvr, String entityId) {
		this.agreements.add(cvr + " " + entityId);
		return this;
	}

	/** Ends a service agreement. */
	public LocalTokenService disagree(String cvr, String entityId) {
		this.agreements.remove(cvr + " " + entityId);
		return this;
	}

	/** How long issued tokens are valid (default 8 hours). */
	public LocalTokenService lifetime(Duration lifetime) {
		this.lifetime = lifetime;
		return this;
	}

	/**
	 * Issues tokens naming this CVR number instead of the requested one (a broken
	 * service).
	 */
	public LocalTokenService issueForCvr(String cvr) {
		this.cvrOverride = cvr;
		return this;
	}

	/**
	 * Issues tokens for this audience instead of the requested one (a broken service).
	 */
	public LocalTokenService issueForAudience(String audience) {
		this.audienceOverride = audience;
		return this;
	}

	/** Signs with this key instead of its own (an impostor). */
	public LocalTokenService signWith(Credential other) {
		this.signingOverride = other;
		return this;
	}

	/** Tokens issued so far. */
	public long issued() {
		return this.issued.get();
	}

	/** Requests refused so far. */
	public long refused() {
		return this.refused.get();
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		byte[] body = request.getInputStream().readAllBytes();
		Instant now = this.clock.instant();
		byte[] answer;
		try {
			answer = issue(body, now);
		}
		catch (Refusal r) {
			this.refused.incrementAndGet();
			SoapFaults.send(response, r.subcodeNs, r.subcode, r.getMessage());
			return;
		}
		this.issued.incrementAndGet();
		response.setStatus(200);
		response.setContentType("application/soap+xml; charset=utf-8");
		response.setContentLength(answer.length);
		response.getOutputStream().write(answer);
	}

	private static final class Refusal extends RuntimeException {

		final String subcodeNs;

		final String subcode;

		Refusal(String subcodeNs, String subcode, String message) {
			super(message);
			this.subcodeNs = subcodeNs;
			this.subcode = subcode;
		}

	}

	private static Refusal failed(String message) {
		return new Refusal(WsTrust.NS, WsTrust.FAILED_AUTHENTICATION, message);
	}

	byte[] issue(byte[] requestBytes, Instant now) {
		Document request;
		try {
			request = Dom.parse(requestBytes);
		}
		catch (IllegalArgumentException ex) {
			throw new Refusal(WsTrust.NS, WsTrust.INVALID_REQUEST, "not XML");
		}
		Element envelope = request.getDocumentElement();
		Element header = Dom.child(envelope, Ns.SOAP12, "Header").orElseThrow(() -> failed("no header"));
		Element body = Dom.body(request);
		Element security = Dom.child(header, Ns.WSSE, "Security").orElseThrow(() -> failed("no Security header"));
		Element timestamp = Dom.child(security, Ns.WSU, "Timestamp").orElseThrow(() -> failed("no Timestamp"));
		try {
			WsSecurityHeader.checkTimestamp(timestamp, now, Duration.ofMinutes(5));
		}
		catch (KombitSecurityException ex) {
			throw new Refusal(Ns.WSSE, "MessageExpired", ex.getMessage());
		}
		Element token = Dom.child(security, Ns.WSSE, "BinarySecurityToken")
			.orElseThrow(() -> failed("no BinarySecurityToken"));
		X509Certificate client = SamlToken.certificate(Dom.text(token));
		Element signature = Dom.child(security, Ns.DS, "Signature").orElseThrow(() -> failed("not signed"));
		List<XmlSignatures.Signed> signed;
		try {
			signed = XmlSignatures.verify(signature, client.getPublicKey());
		}
		catch (XmlSignatures.SignatureException ex) {
			throw new Refusal(Ns.WSSE, "FailedCheck", "signature: " + ex.getMessage());
		}
		for (Element part : List.of(body, timestamp, token, addressing(header, "Action"),
				addressing(header, "MessageID"), addressing(header, "To"))) {
			if (signed.stream().noneMatch(s -> s.element() == part)) {
				throw new Refusal(Ns.WSSE, "FailedCheck", "the signature does not cover " + part.getLocalName());
			}
		}
		try {
			client.verify(this.clientCa.getPublicKey());
			client.checkValidity(Date.from(now));
		}
		catch (CertificateExpiredException | CertificateNotYetValidException ex) {
			throw failed("the certificate is not valid now: " + ex.getMessage());
		}
		catch (GeneralSecurityException ex) {
			throw failed("the certificate is not issued by a trusted CA");
		}
		Element rst = Dom.child(body, WsTrust.NS, WsTrust.REQUEST_SECURITY_TOKEN)
			.orElseThrow(() -> new Refusal(WsTrust.NS, WsTrust.INVALID_REQUEST, "no RequestSecurityToken"));
		String keyType = Dom.child(rst, WsTrust.NS, WsTrust.KEY_TYPE).map(Dom::text).orElse("");
		if (!WsTrust.PUBLIC_KEY.equals(keyType)) {
			throw new Refusal(WsTrust.NS, WsTrust.INVALID_REQUEST, "KeyType must be PublicKey, was " + keyType);
		}
		X509Certificate useKey = Dom.child(rst, WsTrust.NS, WsTrust.USE_KEY)
			.flatMap(u -> Dom.child(u, Ns.WSSE, "BinarySecurityToken"))
			.map(b -> SamlToken.certificate(Dom.text(b)))
			.orElseThrow(() -> new Refusal(WsTrust.NS, WsTrust.INVALID_REQUEST, "no UseKey"));
		if (!useKey.equals(client)) {
			throw failed("UseKey is not the signing certificate");
		}
		String appliesTo = Dom.find(rst, Ns.WSA, "Address").map(Dom::text).orElse("");
		String cvr = Dom.find(rst, Ns.AUTH, "ClaimType")
			.filter(c -> Ns.CVR_CLAIM.equals(c.getAttribute("Uri")))
			.flatMap(c -> Dom.child(c, Ns.AUTH, "Value"))
			.map(Dom::text)
			.orElse("");
		if (!this.agreements.contains(cvr + " " + appliesTo)) {
			throw failed("no service agreement for CVR " + cvr + " and " + appliesTo);
		}
		String messageId = Dom.text(addressing(header, "MessageID"));
		return answer(messageId, client, (this.cvrOverride != null) ? this.cvrOverride : cvr,
				(this.audienceOverride != null) ? this.audienceOverride : appliesTo, now);
	}

	private static Element addressing(Element header, String name) {
		return Dom.child(header, Ns.WSA, name).orElseThrow(() -> failed("no " + name + " header"));
	}

	private byte[] answer(String relatesTo, X509Certificate client, String cvr, String audience, Instant now) {
		Credential key = (this.signingOverride != null) ? this.signingOverride : this.signing;
		Instant start = now.truncatedTo(ChronoUnit.SECONDS);
		Instant end = start.plus(this.lifetime);
		Element assertion = assertion(client, cvr, audience, start, end, key);
		Document doc = Dom.newDocument();
		Element envelope = Dom.element(doc, Ns.SOAP12, "soap", "Envelope");
		doc.appendChild(envelope);
		Element header = doc.createElementNS(Ns.SOAP12, "soap:Header");
		envelope.appendChild(header);
		WsSecurityHeader.addressing(doc, header, "Action", WsTrust.ISSUE_REPLY_ACTION, "action", false);
		WsSecurityHeader.addressing(doc, header, "RelatesTo", relatesTo, "relatesto", false);
		Element security = Dom.element(doc, Ns.WSSE, "wsse", "Security");
		security.setAttributeNS(Ns.XMLNS, "xmlns:wsu", Ns.WSU);
		header.appendChild(security);
		WsSecurityHeader.timestamp(doc, security, now, Duration.ofMinutes(5), "timestamp");
		security.appendChild(WsSecurityHeader.binaryToken(doc, key.certificate(), "x509token"));
		Element body = doc.createElementNS(Ns.SOAP12, "soap:Body");
		Dom.wsuId(body, "body");
		envelope.appendChild(body);
		Element collection = Dom.element(doc, WsTrust.NS, WsTrust.PREFIX, WsTrust.RESPONSE_COLLECTION);
		body.appendChild(collection);
		Element rstr = doc.createElementNS(WsTrust.NS, WsTrust.qualified(WsTrust.RESPONSE));
		collection.appendChild(rstr);
		Element tokenType = doc.createElementNS(WsTrust.NS, WsTrust.qualified(WsTrust.TOKEN_TYPE));
		tokenType.setTextContent(WsTrust.SAML2_TOKEN_TYPE);
		rstr.appendChild(tokenType);
		Element requested = doc.createElementNS(WsTrust.NS, WsTrust.qualified(WsTrust.REQUESTED_SECURITY_TOKEN));
		requested.appendChild(doc.importNode(assertion, true));
		rstr.appendChild(requested);
		Element lifetimeElement = doc.createElementNS(WsTrust.NS, WsTrust.qualified(WsTrust.LIFETIME));
		Element created = Dom.element(doc, Ns.WSU, "wsu", "Created");
		created.setTextContent(start.toString());
		Element expires = Dom.element(doc, Ns.WSU, "wsu", "Expires");
		expires.setTextContent(end.toString());
		lifetimeElement.appendChild(created);
		lifetimeElement.appendChild(expires);
		rstr.appendChild(lifetimeElement);
		Document signed = Dom.parse(Dom.serialize(doc));
		Element signedSecurity = Dom.find(signed.getDocumentElement(), Ns.WSSE, "Security").orElseThrow();
		XmlSignatures.sign(signed, signedSecurity, List.of("body", "timestamp", "action", "relatesto"), null, false,
				key.key(), WsSecurityHeader.referenceTo(signed, "x509token"));
		return Dom.serialize(signed);
	}

	/** A signed holder-of-key assertion, in SAML's default namespace as KOMBIT's are. */
	private static Element assertion(X509Certificate client, String cvr, String audience, Instant start, Instant end,
			Credential key) {
		Document doc = Dom.newDocument();
		String id = "_" + UUID.randomUUID();
		Element assertion = Dom.element(doc, Ns.SAML, null, "Assertion");
		assertion.setAttributeNS(null, "ID", id);
		assertion.setAttributeNS(null, "IssueInstant", start.toString());
		assertion.setAttributeNS(null, "Version", "2.0");
		doc.appendChild(assertion);
		add(doc, assertion, "Issuer", ISSUER);
		Element subject = add(doc, assertion, "Subject", null);
		Element nameId = add(doc, subject, "NameID", client.getSubjectX500Principal().getName());
		nameId.setAttributeNS(null, "Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName");
		Element confirmation = add(doc, subject, "SubjectConfirmation", null);
		confirmation.setAttributeNS(null, "Method", Ns.HOLDER_OF_KEY);
		Element data = add(doc, confirmation, "SubjectConfirmationData", null);
		Element keyInfo = Dom.element(doc, Ns.DS, "ds", "KeyInfo");
		Element x509Data = doc.createElementNS(Ns.DS, "ds:X509Data");
		Element certificate = doc.createElementNS(Ns.DS, "ds:X509Certificate");
		certificate.setTextContent(WsSecurityHeader.base64(client));
		x509Data.appendChild(certificate);
		keyInfo.appendChild(x509Data);
		data.appendChild(keyInfo);
		Element conditions = add(doc, assertion, "Conditions", null);
		conditions.setAttributeNS(null, "NotBefore", start.toString());
		conditions.setAttributeNS(null, "NotOnOrAfter", end.toString());
		add(doc, add(doc, conditions, "AudienceRestriction", null), "Audience", audience);
		Element statement = add(doc, assertion, "AttributeStatement", null);
		attribute(doc, statement, Ns.CVR_CLAIM, cvr);
		attribute(doc, statement, "dk:gov:saml:attribute:AssuranceLevel", "3");
		attribute(doc, statement, "dk:gov:saml:attribute:SpecVer", "DK-SAML-2.0");
		attribute(doc, statement, "dk:gov:saml:attribute:KombitSpecVer", "1.0");
		attribute(doc, statement, "dk:gov:saml:attribute:Privileges_intermediate",
				Base64.getEncoder()
					.encodeToString(("<PrivilegeList><PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:" + cvr
							+ "\"><Privilege>" + audience + "</Privilege></PrivilegeGroup></PrivilegeList>")
						.getBytes(StandardCharsets.UTF_8)));
		Document signed = Dom.parse(Dom.serialize(doc));
		Element keyInfoContent = Dom.element(signed, Ns.DS, "ds", "X509Data");
		Element signer = signed.createElementNS(Ns.DS, "ds:X509Certificate");
		signer.setTextContent(WsSecurityHeader.base64(key.certificate()));
		keyInfoContent.appendChild(signer);
		XmlSignatures.sign(signed, signed.getDocumentElement(), List.of(id), null, true, key.key(), keyInfoContent);
		return signed.getDocumentElement();
	}

	private static Element add(Document doc, Element parent, String name, String text) {
		Element e = doc.createElementNS(Ns.SAML, name);
		if (text != null) {
			e.setTextContent(text);
		}
		parent.appendChild(e);
		return e;
	}

	private static void attribute(Document doc, Element statement, String name, String value) {
		Element attribute = add(doc, statement, "Attribute", null);
		attribute.setAttributeNS(null, "Name", name);
		attribute.setAttributeNS(null, "NameFormat", "urn:oasis:names:tc:SAML:2.0:attrname-format:basic");
		add(doc, attribute, "AttributeValue", value);
	}

}
