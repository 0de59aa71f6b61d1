package dk.orghub.kombit.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.AlgorithmAlreadyRegisteredException;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Makes and checks the XML signatures of the token flow and of signed calls with Apache
 * Santuario: exclusive C14N, RSA-SHA256, SHA-256 digests, references by wsu:Id (or SAML
 * ID), optionally one through the STR-Transform.
 */
public final class XmlSignatures {

	static {
		Init.init();
		try {
			Transform.register(Ns.STR_TRANSFORM, StrTransform.class);
		}
		catch (AlgorithmAlreadyRegisteredException ex) {
			// registered by an earlier class loader's copy: nothing to do
		}
		catch (XMLSecurityException ex) {
			throw new IllegalStateException("cannot register the STR-Transform", ex);
		}
	}

	private XmlSignatures() {
	}

	/** Makes sure Santuario is initialised (this class's static initialiser has run). */
	static void initialise() {
		// the static initialiser does the work
	}

	/**
	 * What a reference of a signature points at.
	 *
	 * @param element the element it resolved to
	 * @param strTransform whether it went through the STR-Transform (then the signed
	 * content is the assertion the STR points at)
	 */
	public record Signed(Element element, boolean strTransform) {

	}

	/**
	 * Signs elements of a document and appends the {@code ds:Signature} to
	 * {@code parent}.
	 * @param ids the wsu:Ids (or IDs) of the elements to sign, exclusive C14N each
	 * @param strId the wsu:Id of a SecurityTokenReference to sign through the
	 * STR-Transform, or null
	 * @param enveloped whether the signature is enveloped in the (single) element it
	 * signs
	 * @param keyInfo the content of the signature's KeyInfo (imported), or null
	 * @return the signature element
	 */
	public static Element sign(Document doc, Element parent, List<String> ids, String strId, boolean enveloped,
			PrivateKey key, Element keyInfo) {
		try {
			XMLSignature signature = new XMLSignature(doc, null, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
					Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
			if (enveloped) {
				// SAML: the signature follows the Issuer
				Element issuer = Dom.child(parent, Ns.SAML, "Issuer").orElse(null);
				parent.insertBefore(signature.getElement(),
						(issuer != null) ? issuer.getNextSibling() : parent.getFirstChild());
			}
			else {
				parent.appendChild(signature.getElement());
			}
			for (String id : ids) {
				Transforms transforms = new Transforms(doc);
				if (enveloped) {
					transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
				}
				transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
				signature.addDocument("#" + id, transforms, Ns.SHA256);
			}
			if (strId != null) {
				Transforms transforms = new Transforms(doc);
				Element params = Dom.element(doc, Ns.WSSE, "wsse", "TransformationParameters");
				Element method = Dom.element(doc, Ns.DS, "ds", "CanonicalizationMethod");
				method.setAttributeNS(null, "Algorithm", Ns.EXC_C14N);
				params.appendChild(method);
				transforms.addTransform(Ns.STR_TRANSFORM, params);
				signature.addDocument("#" + strId, transforms, Ns.SHA256);
			}
			if (keyInfo != null) {
				signature.getKeyInfo().addUnknownElement((Element) doc.importNode(keyInfo, true));
			}
			signature.sign(key);
			return signature.getElement();
		}
		catch (XMLSecurityException ex) {
			throw new IllegalStateException("cannot sign: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Checks a signature with a public key and every reference's digest; answers what the
	 * references point at. Only exclusive C14N and RSA-SHA256 with SHA-256 digests are
	 * accepted.
	 * @throws SignatureException when it does not verify, saying why
	 */
	public static List<Signed> verify(Element signatureElement, PublicKey key) {
		try {
			XMLSignature signature = new XMLSignature(signatureElement, "", true);
			SignedInfo info = signature.getSignedInfo();
			if (!XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256.equals(info.getSignatureMethodURI())) {
				throw new SignatureException("signature method " + info.getSignatureMethodURI() + " not accepted");
			}
			if (!Ns.EXC_C14N.equals(info.getCanonicalizationMethodURI())) {
				throw new SignatureException(
						"canonicalization " + info.getCanonicalizationMethodURI() + " not accepted");
			}
			if (!signature.checkSignatureValue(key)) {
				throw new SignatureException("the signature or a digest does not match (altered, or another key)");
			}
			List<Signed> result = new ArrayList<>();
			Document doc = signatureElement.getOwnerDocument();
			for (int i = 0; i < info.getLength(); i++) {
				Reference reference = info.item(i);
				if (!Ns.SHA256.equals(reference.getMessageDigestAlgorithm().getAlgorithmURI())) {
					throw new SignatureException(
							"digest " + reference.getMessageDigestAlgorithm().getAlgorithmURI() + " not accepted");
				}
				String uri = reference.getURI();
				if (uri == null || !uri.startsWith("#")) {
					throw new SignatureException("reference " + uri + " is not to an element of the message");
				}
				Element element = doc.getElementById(uri.substring(1));
				boolean str = false;
				Transforms transforms = reference.getTransforms();
				for (int t = 0; transforms != null && t < transforms.getLength(); t++) {
					str |= Ns.STR_TRANSFORM.equals(transforms.item(t).getURI());
				}
				result.add(new Signed(element, str));
			}
			return result;
		}
		catch (XMLSecurityException ex) {
			throw new SignatureException("the signature cannot be checked: " + ex.getMessage(), ex);
		}
	}

	/** A signature that does not verify. */
	public static final class SignatureException extends RuntimeException {

		public SignatureException(String message) {
			super(message);
		}

		public SignatureException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
