package dk.orghub.kombit.security;

/**
 * Namespaces and URIs of SOAP 1.2, WS-Addressing, WS-Security and SAML 2.0 (those of
 * WS-Trust are in {@link WsTrust}).
 */
public final class Ns {

	public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

	public static final String WSA = "http://www.w3.org/2005/08/addressing";

	public static final String WSA_ANONYMOUS = WSA + "/anonymous";

	public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

	public static final String WSSE11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd";

	public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

	public static final String WSP = "http://schemas.xmlsoap.org/ws/2004/09/policy";

	public static final String AUTH = "http://docs.oasis-open.org/wsfed/authorization/200706";

	public static final String AUTH_CLAIMS_DIALECT = AUTH + "/authclaims";

	public static final String DS = "http://www.w3.org/2000/09/xmldsig#";

	public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

	public static final String XMLNS = "http://www.w3.org/2000/xmlns/";

	public static final String SAML_ID = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLID";

	public static final String X509V3 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";

	public static final String BASE64 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

	public static final String STR_TRANSFORM = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#STR-Transform";

	public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

	public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

	public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

	public static final String HOLDER_OF_KEY = "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key";

	/** The SAML attribute (and WS-Trust claim) carrying the municipality's CVR number. */
	public static final String CVR_CLAIM = "dk:gov:saml:attribute:CvrNumberIdentifier";

	private Ns() {
	}

}
