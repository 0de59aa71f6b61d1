package dk.orghub.routes.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a roles claim and a bearer token become the hub's roles and user name.
 */
class SecurityConfigurationTest {

	@Test
	void theRolesClaimIsAListOrOneStringInAnyCaseAndOtherValuesAreIgnored() {
		assertThat(SecurityConfiguration.roles(List.of("read", "Operate", "offline_access"))).containsExactly(Role.READ,
				Role.OPERATE);
		assertThat(SecurityConfiguration.roles("ADMINISTER")).containsExactly(Role.ADMINISTER);
		assertThat(SecurityConfiguration.roles("read operate")).isEmpty();
		assertThat(SecurityConfiguration.roles(null)).isEmpty();
		assertThat(SecurityConfiguration.roles(Map.of("read", true))).isEmpty();
		assertThat(SecurityConfiguration.roles("edit")).containsExactly(Role.EDIT);
	}

	@Test
	void readIsInEveryRoleOperateAndEditAreApartAndAdministerHasAll() {
		assertThat(authorities(Role.READ)).containsExactly("ROLE_READ");
		assertThat(authorities(Role.OPERATE)).containsExactlyInAnyOrder("ROLE_READ", "ROLE_OPERATE");
		assertThat(authorities(Role.EDIT)).containsExactlyInAnyOrder("ROLE_READ", "ROLE_EDIT");
		assertThat(authorities(Role.ADMINISTER)).containsExactlyInAnyOrder("ROLE_READ", "ROLE_OPERATE", "ROLE_EDIT",
				"ROLE_ADMINISTER");
		assertThat(authorities(Role.OPERATE, Role.EDIT)).containsExactlyInAnyOrder("ROLE_READ", "ROLE_OPERATE",
				"ROLE_EDIT");
	}

	private static List<String> authorities(Role... roles) {
		return SecurityConfiguration.authorities(java.util.Set.of(roles))
			.stream()
			.map(org.springframework.security.core.GrantedAuthority::getAuthority)
			.toList();
	}

	@Test
	void theRolesClaimMayBeADottedPathIntoNestedClaimsAsKeycloakHasThem() {
		Map<String, Object> claims = Map.of("sub", "x", "realm_access",
				Map.of("roles", List.of("operate", "default-roles-orghub")), "resource_access.roles", "read");

		assertThat(SecurityConfiguration.roles(SecurityConfiguration.claim(claims, "realm_access.roles")))
			.containsExactly(Role.OPERATE);
		assertThat(SecurityConfiguration.roles(SecurityConfiguration.claim(claims, "resource_access.roles")))
			.as("a claim named with the dots wins")
			.containsExactly(Role.READ);
		assertThat(SecurityConfiguration.claim(claims, "realm_access.missing")).isNull();
		assertThat(SecurityConfiguration.claim(claims, "sub.roles")).isNull();
	}

	@Test
	void aBearerTokensRolesIncludeTheLowerOnesAndItsNameIsThePreferredUsername() {
		Authentication login = SecurityConfiguration.bearerTokens("groups", null)
			.convert(jwt(Map.of("sub", "4f1c", "preferred_username", "olga", "groups", List.of("operate"), "roles",
					List.of("administer"))));

		assertThat(login.getName()).isEqualTo("olga");
		assertThat(login.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_READ", "ROLE_OPERATE");
	}

	@Test
	void withoutAPreferredUsernameTheNameIsTheSubjectAndWithNeitherTheTokenIsRefused() {
		assertThat(SecurityConfiguration.bearerTokens("roles", null).convert(jwt(Map.of("sub", "service-7"))).getName())
			.isEqualTo("service-7");
		assertThat(SecurityConfiguration.bearerTokens("roles", null)
			.convert(jwt(Map.of("sub", "service-7", "preferred_username", " ")))
			.getName()).isEqualTo("service-7");
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> SecurityConfiguration.bearerTokens("roles", null).convert(jwt(Map.of("roles", "read"))));
	}

	@Test
	void anOidcLoginGetsTheRolesOfItsClaimBesideWhatItHad() {
		OidcIdToken idToken = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60),
				Map.of("sub", "4f1c", "roles", List.of("read")));
		List<? extends GrantedAuthority> mapped = List.copyOf(
				SecurityConfiguration.oidcRoles("roles", null).mapAuthorities(List.of(new OidcUserAuthority(idToken))));

		assertThat(mapped).extracting(GrantedAuthority::getAuthority).containsExactly("OIDC_USER", "ROLE_READ");
	}

	@Test
	void theUnitsClaimGivesAnEditorItsUnitsAndNothingToOthers() {
		String school = "5b0d7c6e-3f43-4f55-9d0b-0c1f2a3b4c5d";
		String library = "9a8b7c6d-1e2f-4a5b-8c7d-6e5f4a3b2c1d";
		Map<String, Object> claims = Map.of("sub", "4f1c", "preferred_username", "pia", "roles", List.of("edit"), "org",
				Map.of("units", List.of(school, "Skoleleder", library)));

		Authentication editor = SecurityConfiguration.bearerTokens("roles", "org.units").convert(jwt(claims));
		assertThat(EditUnits.of(editor))
			.contains(java.util.Set.of(java.util.UUID.fromString(school), java.util.UUID.fromString(library)));

		OidcIdToken idToken = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60),
				Map.of("sub", "4f1c", "roles", List.of("edit"), "units", school + ", " + library));
		List<? extends GrantedAuthority> mapped = List.copyOf(SecurityConfiguration.oidcRoles("roles", "units")
			.mapAuthorities(List.of(new OidcUserAuthority(idToken))));
		assertThat(mapped).extracting(GrantedAuthority::getAuthority)
			.containsExactly("OIDC_USER", "ROLE_READ", "ROLE_EDIT", EditUnits.LIMITED, EditUnits.UNIT + school,
					EditUnits.UNIT + library);

		Authentication withoutClaim = SecurityConfiguration.bearerTokens("roles", "org.units")
			.convert(jwt(Map.of("sub", "x", "roles", "edit")));
		assertThat(EditUnits.of(withoutClaim)).as("limited, to no unit").contains(java.util.Set.of());
		assertThat(EditUnits.of(SecurityConfiguration.bearerTokens("roles", null).convert(jwt(claims))))
			.as("without the setting an editor is not limited")
			.isEmpty();
		for (String role : List.of("administer", "read")) {
			Authentication other = SecurityConfiguration.bearerTokens("roles", "org.units")
				.convert(jwt(Map.of("sub", "x", "roles", role, "org", Map.of("units", List.of(school)))));
			assertThat(EditUnits.of(other)).as(role).isEmpty();
		}
	}

	private static Jwt jwt(Map<String, Object> claims) {
		Instant now = Instant.now();
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.claims((c) -> c.putAll(claims))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(60))
			.build();
	}

}
