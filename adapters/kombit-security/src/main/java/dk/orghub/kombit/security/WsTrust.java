package dk.orghub.kombit.security;

/**
 * The names of WS-Trust 1.3 the token exchange uses, for the client ({@link TokenClient})
 * and the local token service of the samples alike: the namespace, action and type URIs,
 * element names and the WS-Trust fault codes a token service answers with.
 */
public final class WsTrust {

	public static final String NS = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";

	public static final String PREFIX = "wst";

	public static final String ISSUE_ACTION = NS + "/RST/Issue";

	public static final String ISSUE_REPLY_ACTION = NS + "/RSTRC/IssueFinal";

	public static final String ISSUE_REQUEST_TYPE = NS + "/Issue";

	public static final String PUBLIC_KEY = NS + "/PublicKey";

	/** The token type of a SAML 2.0 assertion (WSS SAML Token Profile 1.1). */
	public static final String SAML2_TOKEN_TYPE = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0";

	public static final String REQUEST_SECURITY_TOKEN = "RequestSecurityToken";

	public static final String RESPONSE_COLLECTION = "RequestSecurityTokenResponseCollection";

	public static final String RESPONSE = "RequestSecurityTokenResponse";

	public static final String REQUESTED_SECURITY_TOKEN = "RequestedSecurityToken";

	public static final String REQUEST_TYPE = "RequestType";

	public static final String TOKEN_TYPE = "TokenType";

	public static final String KEY_TYPE = "KeyType";

	public static final String USE_KEY = "UseKey";

	public static final String CLAIMS = "Claims";

	public static final String LIFETIME = "Lifetime";

	/** Fault code (in {@link #NS}): the request is malformed. */
	public static final String INVALID_REQUEST = "InvalidRequest";

	/** Fault code (in {@link #NS}): the requester could not be authenticated. */
	public static final String FAILED_AUTHENTICATION = "FailedAuthentication";

	private WsTrust() {
	}

	/** The element's name with the {@code wst} prefix. */
	public static String qualified(String localName) {
		return PREFIX + ":" + localName;
	}

}
