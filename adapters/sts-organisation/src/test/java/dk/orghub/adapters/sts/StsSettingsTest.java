package dk.orghub.adapters.sts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.spi.AdapterConfigurationException;
import dk.orghub.core.spi.PlainConnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain http is refused except towards loopback hosts or when a setting allows it. */
class StsSettingsTest {

	static final UUID ORG = UUID.fromString("7d1f1d4e-2b52-4c4e-9a3b-1c0de5a17e01");

	private static StsSettings settings(String url, boolean allowPlainHttp) {
		StsSettings d = StsSettings.defaults(URI.create(url), ORG, "29189846");
		return new StsSettings(d.baseUrl(), d.organisationUuid(), d.cvr(), null, d.connectTimeout(), d.receiveTimeout(),
				d.concurrency(), d.maxAttempts(), d.initialBackoff(), d.maxBackoff(), d.registrationLag(), false,
				d.exportedVisibilities(), d.itSystem(), d.classes(), d.security(), 10, allowPlainHttp);
	}

	@Test
	void plainHttpOnlyToLoopbackOrWhenAllowed() {
		assertThatThrownBy(() -> settings("http://sts.example.dk", false).validate())
			.isInstanceOf(AdapterConfigurationException.class)
			.hasMessageContaining("hub.targets.sts.base-url must be https")
			.hasMessageContaining("allow-plain-http");
		assertThatCode(() -> settings("http://sts.example.dk", true).validate()).doesNotThrowAnyException();
		for (String loopback : new String[] { "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9" }) {
			assertThatCode(() -> settings(loopback, false).validate()).as(loopback).doesNotThrowAnyException();
		}
		assertThatCode(() -> settings("https://organisation.stoettesystemerne.dk", false).validate())
			.doesNotThrowAnyException();
		assertThat(PlainConnections.loopback(URI.create("http://127.evil.example"))).isFalse();
	}

	@Test
	void withSecurityOnTheTokenServiceMustBeHttpsToo() {
		StsSecurity security = new StsSecurity(true, Path.of("client.p12"), "x", "client",
				URI.create("http://token.example.dk/sts"), null, StsSecurity.DEFAULT_APPLIES_TO, "token-service",
				"service", true, Path.of("kombit.p12"), "x", Duration.ofMinutes(5), Duration.ofMinutes(5));
		assertThatThrownBy(
				() -> settings("https://organisation.stoettesystemerne.dk", true).withSecurity(security).validate())
			.hasMessageContaining("hub.targets.sts.security.sts-url must be an https URL");
		assertThatThrownBy(() -> settings("http://sts.example.dk", true).withSecurity(security).validate())
			.hasMessageContaining("hub.targets.sts.base-url must be an https URL when");
	}

	@Test
	void theEnvironmentsHaveKombitsValues() {
		assertThat(StsEnvironment.PRODUCTION.baseUrl()).hasToString("https://organisation.stoettesystemerne.dk");
		assertThat(StsEnvironment.PRODUCTION.stsUrl()).hasToString(
				"https://n2adgangsstyring.stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed");
		assertThat(StsEnvironment.TEST.baseUrl()).hasToString("https://organisation.eksterntest-stoettesystemerne.dk");
		assertThat(StsEnvironment.PRODUCTION.appliesTo())
			.isEqualTo("http://stoettesystemerne.dk/service/organisation/3");
		assertThat(StsEnvironment.CUSTOM.baseUrl()).isNull();
	}

}
