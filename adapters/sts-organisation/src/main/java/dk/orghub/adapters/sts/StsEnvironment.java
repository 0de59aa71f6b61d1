package dk.orghub.adapters.sts;

import java.net.URI;

/**
 * KOMBIT's environments ({@code hub.targets.sts.environment}): the service base URL, the
 * token service (STS2, OCES3 certificates) and the entity ids of each. Explicit settings
 * override these values; {@link #CUSTOM} fills nothing.
 *
 * @param baseUrl the services, {@code <base-url>/organisation/<object>/6/}
 * @param stsUrl the token service (WS-Trust, "certificatemixed")
 * @param stsEntityId the token service's entity id (the tokens' Issuer)
 * @param appliesTo the services' entity id (the tokens' audience; also for version 6)
 */
public enum StsEnvironment {

	/** KOMBIT's production. */
	PRODUCTION("https://organisation.stoettesystemerne.dk",
			"https://n2adgangsstyring.stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed",
			"https://saml.n2adgangsstyring.stoettesystemerne.dk/runtime", StsSecurity.DEFAULT_APPLIES_TO),
	/** KOMBIT's external test environment ("eksterntest"): try here first. */
	TEST("https://organisation.eksterntest-stoettesystemerne.dk",
			"https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed",
			"https://saml.n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime", StsSecurity.DEFAULT_APPLIES_TO),
	/** Every URL and entity id from explicit settings (e.g. the local service). */
	CUSTOM(null, null, null, StsSecurity.DEFAULT_APPLIES_TO);

	private final URI baseUrl;

	private final URI stsUrl;

	private final String stsEntityId;

	private final String appliesTo;

	StsEnvironment(String baseUrl, String stsUrl, String stsEntityId, String appliesTo) {
		this.baseUrl = (baseUrl != null) ? URI.create(baseUrl) : null;
		this.stsUrl = (stsUrl != null) ? URI.create(stsUrl) : null;
		this.stsEntityId = stsEntityId;
		this.appliesTo = appliesTo;
	}

	public URI baseUrl() {
		return this.baseUrl;
	}

	public URI stsUrl() {
		return this.stsUrl;
	}

	public String stsEntityId() {
		return this.stsEntityId;
	}

	public String appliesTo() {
		return this.appliesTo;
	}

}
