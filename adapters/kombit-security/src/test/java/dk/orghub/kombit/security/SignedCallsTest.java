package dk.orghub.kombit.security;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.apache.xml.security.c14n.Canonicalizer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A signed call as the OIOIDWS profile describes it, checked part by part: the
 * STR-Transform's digest is the SHA-256 of the exclusive C14N of the assertion (computed
 * here apart from the signing), the assertion travels unchanged, the signature covers the
 * six parts and the STR, and a changed body no longer verifies.
 */
class SignedCallsTest {

	static final Instant NOW = Instant.parse("2025-01-01T09:00:00Z");

	static Credential client;

	static Credential tokenService;

	static SamlToken token;

	static final String CALL = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">"
			+ "<soap:Header><h:RequestHeader xmlns:h=\"urn:example:header\"><h:TransactionUUID>1</h:TransactionUUID>"
			+ "</h:RequestHeader></soap:Header><soap:Body><x:LaesInput xmlns:x=\"urn:example:body\">"
			+ "<x:UUIDIdentifikator>2b9e8c1e-7a4f-4b0e-9d1c-3a7c0f1e2d3b</x:UUIDIdentifikator></x:LaesInput>"
			+ "</soap:Body></soap:Envelope>";

	@BeforeAll
	static void keys() throws Exception {
		client = credential("CN=client");
		tokenService = credential("CN=token service");
		token = token("_a1");
	}

	static SamlToken token(String id) {
		String assertion = "<Assertion xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + id
				+ "\" Version=\"2.0\" "
				+ "IssueInstant=\"2025-01-01T09:00:00Z\"><Issuer>https://sts.example</Issuer><Subject>"
				+ "<SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:holder-of-key\"><SubjectConfirmationData>"
				+ "<ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>"
				+ WsSecurityHeader.base64(client.certificate())
				+ "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></SubjectConfirmationData></SubjectConfirmation>"
				+ "</Subject><Conditions NotBefore=\"2025-01-01T09:00:00Z\" NotOnOrAfter=\"2025-01-01T17:00:00Z\">"
				+ "<AudienceRestriction><Audience>http://service.example/3</Audience></AudienceRestriction></Conditions>"
				+ "<AttributeStatement><Attribute Name=\"dk:gov:saml:attribute:CvrNumberIdentifier\">"
				+ "<AttributeValue>29189846</AttributeValue></Attribute></AttributeStatement></Assertion>";
		Document doc = Dom.parse(assertion.getBytes(StandardCharsets.UTF_8));
		XmlSignatures.sign(doc, doc.getDocumentElement(), List.of(id), null, true, tokenService.key(), null);
		Document issued = Dom.parse(Dom.serialize(doc));
		return SamlToken.read(issued.getDocumentElement(), tokenService.certificate(), "http://service.example/3",
				"29189846", client.certificate(), NOW, Duration.ofMinutes(5));
	}

	static Credential credential(String name) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(new JcaX509v3CertificateBuilder(new X500Name(name), BigInteger.ONE,
					Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(30))),
					new X500Name(name), pair.getPublic())
				.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
		return new Credential(pair.getPrivate(), certificate);
	}

	private static byte[] signed() {
		return signed(token);
	}

	private static byte[] signed(SamlToken with) {
		return SignedCalls.sign(CALL.getBytes(StandardCharsets.UTF_8), "urn:example:laes",
				"https://service.example/organisation/6/", with, client, NOW, Duration.ofMinutes(5));
	}

	private static byte[] exclusiveC14n(Element e) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(e, out);
		return out.toByteArray();
	}

	@Test
	void theStrTransformDigestsTheAssertionAndTheAssertionTravelsUnchanged() throws Exception {
		strDigestIsOfTheAssertion(signed(), token);
	}

	@Test
	void aNewTokenIsDigestedAfreshAndEachCallStillVerifies() throws Exception {
		SamlToken renewed = token("_a2");
		for (SamlToken t : List.of(token, renewed, renewed, token)) {
			byte[] call = signed(t);
			strDigestIsOfTheAssertion(call, t);
			Document doc = Dom.parse(call);
			Element signature = Dom
				.child(Dom.child(Dom.header(doc), Ns.WSSE, "Security").orElseThrow(), Ns.DS, "Signature")
				.orElseThrow();
			assertThat(XmlSignatures.verify(signature, client.certificate().getPublicKey())).hasSize(7);
		}
	}

	private static void strDigestIsOfTheAssertion(byte[] call, SamlToken token) throws Exception {
		Document doc = Dom.parse(call);
		Element assertion = Dom.find(doc.getDocumentElement(), Ns.SAML, "Assertion").orElseThrow();
		Document original = Dom.parse(token.xml().getBytes(StandardCharsets.UTF_8));
		assertThat(exclusiveC14n(assertion)).isEqualTo(exclusiveC14n(original.getDocumentElement()));
		Element strReference = Dom.findAll(doc.getDocumentElement(), Ns.DS, "Reference")
			.stream()
			.filter(r -> Dom.find(r, Ns.DS, "Transform")
				.map(t -> t.getAttribute("Algorithm").equals(Ns.STR_TRANSFORM))
				.orElse(false))
			.findFirst()
			.orElseThrow();
		String digest = Dom.text(Dom.child(strReference, Ns.DS, "DigestValue").orElseThrow());
		byte[] expected = MessageDigest.getInstance("SHA-256").digest(exclusiveC14n(original.getDocumentElement()));
		assertThat(digest).isEqualTo(Base64.getEncoder().encodeToString(expected));
	}

	@Test
	void theSignatureCoversTheSixPartsAndTheTokenAndIsMadeWithTheClientKey() {
		Document doc = Dom.parse(signed());
		Element header = Dom.header(doc);
		assertThat(Dom.children(header)).extracting(Element::getLocalName)
			.containsExactly("Action", "MessageID", "ReplyTo", "To", "RequestHeader", "Security");
		Element security = Dom.child(header, Ns.WSSE, "Security").orElseThrow();
		assertThat(Dom.children(security)).extracting(Element::getLocalName)
			.containsExactly("Timestamp", "Assertion", "SecurityTokenReference", "Signature");
		List<XmlSignatures.Signed> signed = XmlSignatures.verify(Dom.child(security, Ns.DS, "Signature").orElseThrow(),
				client.certificate().getPublicKey());
		assertThat(signed).extracting(s -> s.element().getLocalName())
			.containsExactly("Body", "Action", "MessageID", "ReplyTo", "To", "Timestamp", "SecurityTokenReference");
		assertThat(signed.get(6).strTransform()).isTrue();
		assertThatThrownBy(() -> XmlSignatures.verify(Dom.child(security, Ns.DS, "Signature").orElseThrow(),
				tokenService.certificate().getPublicKey()))
			.isInstanceOf(XmlSignatures.SignatureException.class);
	}

	@Test
	void aServiceAnswerSignedInPlaceVerifiesOnlyAsSent() {
		String answer = new String(SignedCalls.signAnswer(CALL.getBytes(StandardCharsets.UTF_8), tokenService, NOW),
				StandardCharsets.UTF_8);
		SignedCalls.verifyAnswer(answer.getBytes(StandardCharsets.UTF_8), tokenService.certificate(), NOW,
				Duration.ofMinutes(5));
		String changed = answer.replace("2b9e8c1e", "3b9e8c1e");
		assertThat(changed).isNotEqualTo(answer);
		assertThatThrownBy(() -> SignedCalls.verifyAnswer(changed.getBytes(StandardCharsets.UTF_8),
				tokenService.certificate(), NOW, Duration.ofMinutes(5)))
			.isInstanceOfSatisfying(KombitSecurityException.class,
					e -> assertThat(e.reason()).isEqualTo(KombitSecurityException.Reason.UNTRUSTED_SIGNATURE));
		assertThatThrownBy(() -> SignedCalls.verifyAnswer(answer.getBytes(StandardCharsets.UTF_8), client.certificate(),
				NOW, Duration.ofMinutes(5)))
			.isInstanceOf(KombitSecurityException.class);
	}

	@Test
	void aChangedBodyOrAssertionNoLongerVerifies() {
		String call = new String(signed(), StandardCharsets.UTF_8);
		for (String changed : List.of(call.replace("2b9e8c1e", "3b9e8c1e"), call.replace("29189846", "29189847"))) {
			assertThat(changed).isNotEqualTo(call);
			Document doc = Dom.parse(changed.getBytes(StandardCharsets.UTF_8));
			Element signature = Dom
				.child(Dom.child(Dom.header(doc), Ns.WSSE, "Security").orElseThrow(), Ns.DS, "Signature")
				.orElseThrow();
			assertThatThrownBy(() -> XmlSignatures.verify(signature, client.certificate().getPublicKey()))
				.isInstanceOf(XmlSignatures.SignatureException.class);
		}
	}

	@Test
	void aTokenIsCheckedForAudienceCvrHolderAndValidity() {
		assertThatThrownBy(() -> token.check("http://other/1", "29189846", client.certificate(), NOW, Duration.ZERO))
			.hasMessageContaining("audience");
		assertThatThrownBy(
				() -> token.check("http://service.example/3", "11111111", client.certificate(), NOW, Duration.ZERO))
			.hasMessageContaining("for the CVR number 29189846, not 11111111");
		assertThatThrownBy(() -> token.check("http://service.example/3", "29189846", tokenService.certificate(), NOW,
				Duration.ZERO))
			.hasMessageContaining("holder-of-key");
		assertThatThrownBy(() -> token.check("http://service.example/3", "29189846", client.certificate(),
				NOW.plus(Duration.ofHours(8)), Duration.ZERO))
			.isInstanceOfSatisfying(KombitSecurityException.class,
					e -> assertThat(e.reason()).isEqualTo(KombitSecurityException.Reason.INVALID_TOKEN))
			.hasMessageContaining("expired");
		assertThat(token.toString()).doesNotContain("Assertion").doesNotContain("29189846".repeat(2));
	}

}
