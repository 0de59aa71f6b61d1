package dk.orghub.adapters.sts.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.orghub.adapters.sts.StsClassification;
import dk.orghub.adapters.sts.StsKind;
import dk.orghub.adapters.sts.StsProfiles;
import dk.orghub.adapters.sts.StsSettings;
import dk.orghub.core.spi.ProfileReadiness;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Binding {@code hub.targets.sts.*} into the adapter's settings, the checks at start, and
 * the dashboard's view of the profiles.
 */
class StsPropertiesTest {

	private static final String ORGANISATION = "3a87d4a6-4a2b-4bde-9d4b-6f0c1f8a3e01";

	@Test
	void theDefaultsAreTheAdaptersDefaults() {
		StsProperties properties = bind(
				Map.of("base-url", "https://sts.example/", "organisation-uuid", ORGANISATION, "cvr", "29189846"));
		StsSettings expected = StsSettings.defaults(java.net.URI.create("https://sts.example/"),
				UUID.fromString(ORGANISATION), "29189846");

		assertThat(properties.settings()).isEqualTo(expected);
		assertThat(properties.outbox().period()).isEqualTo(Duration.ofMillis(500));
		assertThat(properties.outbox().enabled()).isTrue();
		assertThat(properties.publish().onStart()).isTrue();
		assertThat(properties.publish().startDelay()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void settingsAndClassesAreTakenOver() {
		UUID kle = UUID.randomUUID();
		UUID enhedsrolle = UUID.randomUUID();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("base-url", "http://127.0.0.1:8089");
		values.put("organisation-uuid", ORGANISATION);
		values.put("cvr", "29189846");
		values.put("concurrency", "4");
		values.put("receive-timeout", "2m");
		values.put("exported-visibilities", "PUBLIC");
		values.put("classes.enhedsrolle", enhedsrolle.toString());
		values.put("classes.kle-classes.[27.24.00]", kle.toString());
		StsSettings settings = bind(values).settings();

		assertThat(settings.concurrency()).isEqualTo(4);
		assertThat(settings.receiveTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.exportedVisibilities()).containsExactly("PUBLIC");
		assertThat(settings.classes().enhedsrolle()).isEqualTo(enhedsrolle);
		assertThat(settings.classes().lederrolle()).isEqualTo(StsClassification.defaults().lederrolle());
		assertThat(settings.classes().kleClass("27.24.00")).isEqualTo(kle);
		assertThat(settings.classes().kleClass("27.24.01"))
			.isEqualTo(StsClassification.defaults().kleClass("27.24.01"));
	}

	@Test
	void aMissingOrBadSettingStopsTheStartNamingTheKey() {
		assertThatThrownBy(() -> bind(Map.of("base-url", "https://sts.example/", "cvr", "29189846")).settings())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("hub.targets.sts.organisation-uuid");
		assertThatThrownBy(() -> bind(
				Map.of("base-url", "ftp://sts.example/", "organisation-uuid", ORGANISATION, "cvr", "29189846"))
			.settings()).hasMessageContaining("hub.targets.sts.base-url");
		assertThatThrownBy(() -> bind(Map.of("base-url", "https://sts.example/", "organisation-uuid", ORGANISATION,
				"cvr", "29189846", "security.enabled", "true"))
			.settings()).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void anEnvironmentFillsKombitsAddressesAndExplicitSettingsWin() {
		StsProperties production = bind(
				Map.of("environment", "production", "organisation-uuid", ORGANISATION, "cvr", "29189846"));
		StsSettings settings = production.settings();
		assertThat(settings.baseUrl()).hasToString("https://organisation.stoettesystemerne.dk");
		assertThat(settings.serviceUrl("bruger"))
			.isEqualTo("https://organisation.stoettesystemerne.dk/organisation/bruger/6/");
		assertThat(settings.security().stsUrl()).hasToString(
				"https://n2adgangsstyring.stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed");
		assertThat(settings.security().stsEntityId())
			.isEqualTo("https://saml.n2adgangsstyring.stoettesystemerne.dk/runtime");
		assertThat(settings.security().appliesTo()).isEqualTo("http://stoettesystemerne.dk/service/organisation/3");

		StsSettings test = bind(Map.of("environment", "TEST", "organisation-uuid", ORGANISATION, "cvr", "29189846",
				"security.sts-url", "https://sts.example/issue"))
			.settings();
		assertThat(test.baseUrl()).hasToString("https://organisation.eksterntest-stoettesystemerne.dk");
		assertThat(test.security().stsUrl()).hasToString("https://sts.example/issue");
		assertThat(bind(Map.of("organisation-uuid", ORGANISATION, "cvr", "29189846")).environment().baseUrl())
			.as("custom fills nothing")
			.isNull();
	}

	@Test
	void plainHttpIsRefusedUnlessLoopbackOrAllowed() {
		assertThatThrownBy(() -> bind(
				Map.of("base-url", "http://sts.example/", "organisation-uuid", ORGANISATION, "cvr", "29189846"))
			.settings()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("hub.targets.sts.base-url must be https");
		assertThat(bind(Map.of("base-url", "http://sts.example/", "organisation-uuid", ORGANISATION, "cvr", "29189846",
				"allow-plain-http", "true"))
			.settings()
			.allowPlainHttp()).isTrue();
	}

	@Test
	void theSecretsAreNotShown() {
		StsProperties properties = bind(
				Map.of("base-url", "https://sts.example/", "organisation-uuid", ORGANISATION, "cvr", "29189846",
						"security.keystore-password", "very-secret", "security.truststore-password", "also-secret"));
		assertThat(properties.toString()).doesNotContain("very-secret").doesNotContain("also-secret");
	}

	@Test
	void theDashboardShowsTheFirstFindingsOfAProfile() {
		List<StsProfiles.Finding> findings = new java.util.ArrayList<>();
		for (int i = 0; i < StsProfileReadiness.SHOWN + 5; i++) {
			findings.add(new StsProfiles.Finding(StsKind.ENHED, UUID.randomUUID(), "U" + i, "no LOS address"));
		}
		ProfileReadiness.Profile ky = StsProfileReadiness
			.profile(new StsProfiles.ProfileReport("KY", "KY reads", false, 40, findings));
		ProfileReadiness.Profile sapa = StsProfileReadiness
			.profile(new StsProfiles.ProfileReport("SAPA", "SAPA reads", true, 40, List.of()));

		assertThat(ky.ready()).isFalse();
		assertThat(ky.missing()).hasSize(StsProfileReadiness.SHOWN + 1)
			.startsWith("ENHED U0: no LOS address")
			.endsWith("... and 5 more (GET /api/v1/profiles/KY)");
		assertThat(sapa.ready()).isTrue();
		assertThat(sapa.missing()).isEmpty();
	}

	private static StsProperties bind(Map<String, String> values) {
		Map<String, String> prefixed = new LinkedHashMap<>();
		values.forEach((k, v) -> prefixed.put("hub.targets.sts." + k, v));
		return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("hub.targets.sts",
				StsProperties.class);
	}

}
