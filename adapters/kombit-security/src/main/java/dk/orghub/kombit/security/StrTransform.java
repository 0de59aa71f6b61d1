package dk.orghub.kombit.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.apache.xml.security.signature.XMLSignatureByteInput;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.transforms.TransformSpi;
import org.apache.xml.security.transforms.TransformationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * WS-Security's STR-Transform for a SAML 2.0 assertion referenced by its SAMLID: the
 * output is the exclusive canonical form of the assertion the SecurityTokenReference
 * points at (in the same document), so the signature covers the token byte for byte.
 */
public final class StrTransform extends TransformSpi {

	/**
	 * DOM user data on an assertion the signer inserted: its exclusive canonical form,
	 * computed once per token ({@link #useCanonical}). Never present on a parsed message,
	 * so a verifier always canonicalises what it received.
	 */
	private static final String CANONICAL = StrTransform.class.getName() + ".canonical";

	@Override
	protected String engineGetURI() {
		return Ns.STR_TRANSFORM;
	}

	@Override
	protected XMLSignatureInput enginePerformTransform(XMLSignatureInput input, OutputStream os,
			Element transformElement, String baseURI, boolean secureValidation)
			throws IOException, CanonicalizationException, InvalidCanonicalizerException, TransformationException {
		Node str = input.getSubNode();
		if (!(str instanceof Element e) || !"SecurityTokenReference".equals(e.getLocalName())
				|| !Ns.WSSE.equals(e.getNamespaceURI())) {
			throw new TransformationException(
					"STR-Transform: the reference does not point at a SecurityTokenReference");
		}
		Element assertion = dereference(e);
		Canonicalizer c14n = Canonicalizer.getInstance(canonicalization(transformElement));
		if (assertion.getUserData(CANONICAL) instanceof byte[] canonical) {
			if (os == null) {
				return new XMLSignatureByteInput(canonical);
			}
			os.write(canonical);
			XMLSignatureInput output = new XMLSignatureByteInput(null);
			output.setOutputStream(os);
			return output;
		}
		if (os == null) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			c14n.canonicalizeSubtree(assertion, out);
			return new XMLSignatureByteInput(out.toByteArray());
		}
		c14n.canonicalizeSubtree(assertion, os);
		XMLSignatureInput output = new XMLSignatureByteInput(null);
		output.setOutputStream(os);
		return output;
	}

	/**
	 * The exclusive canonical form of an assertion, standing alone (its text declares
	 * every namespace it uses, so it canonicalises the same inside a message).
	 */
	static byte[] canonical(Element assertion) {
		XmlSignatures.initialise();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Canonicalizer.getInstance(Ns.EXC_C14N).canonicalizeSubtree(assertion, out);
			return out.toByteArray();
		}
		catch (CanonicalizationException | InvalidCanonicalizerException ex) {
			throw new IllegalStateException("cannot canonicalise the assertion: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Lets the STR-Transform of a signature being made digest {@code canonical} for this
	 * assertion element: the exclusive canonical form of the same assertion, computed
	 * once per token.
	 */
	static void useCanonical(Element assertion, byte[] canonical) {
		assertion.setUserData(CANONICAL, canonical, null);
	}

	private static String canonicalization(Element transform) throws TransformationException {
		Element params = Dom.child(transform, Ns.WSSE, "TransformationParameters")
			.orElseThrow(() -> new TransformationException("STR-Transform without TransformationParameters"));
		String algorithm = Dom.child(params, Ns.DS, "CanonicalizationMethod")
			.map(m -> m.getAttribute("Algorithm"))
			.orElse("");
		if (!Ns.EXC_C14N.equals(algorithm)) {
			throw new TransformationException("STR-Transform: only exclusive C14N is accepted, was " + algorithm);
		}
		return algorithm;
	}

	/** The assertion a SecurityTokenReference names by SAMLID, in the same document. */
	static Element dereference(Element str) throws TransformationException {
		Element identifier = Dom.child(str, Ns.WSSE, "KeyIdentifier")
			.filter(k -> Ns.SAML_ID.equals(k.getAttribute("ValueType")))
			.orElseThrow(() -> new TransformationException("STR-Transform: no SAMLID KeyIdentifier"));
		String id = Dom.text(identifier);
		Document doc = str.getOwnerDocument();
		Element found = null;
		for (Element a : Dom.findAll(doc.getDocumentElement(), Ns.SAML, "Assertion")) {
			if (id.equals(a.getAttribute("ID"))) {
				if (found != null) {
					throw new TransformationException("STR-Transform: two assertions with the ID " + id);
				}
				found = a;
			}
		}
		if (found == null) {
			throw new TransformationException("STR-Transform: no assertion with the ID " + id);
		}
		return found;
	}

}
