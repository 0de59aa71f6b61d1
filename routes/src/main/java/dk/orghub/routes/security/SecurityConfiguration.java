package dk.orghub.routes.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Login and roles. Everything needs a login but health and info (for load balancers and
 * probes). READ sees everything but CPR numbers; OPERATE also runs, previews, pauses,
 * resumes, retries, approves and rejects, and opens the Camel console (Hawtio);
 * ADMINISTER also edits local data and reads CPR numbers ({@code includeCpr=true}).
 * <p>
 * Three ways in, all to the same roles:
 * <ul>
 * <li>Local users ({@link SecurityProperties}) with HTTP Basic, for API clients, and with
 * a login form in the browser when no OIDC provider is configured.</li>
 * <li>An OIDC provider for the browser, when a client registration is configured with
 * Spring Boot's {@code spring.security.oauth2.client.*} keys: the dashboard then sends
 * the browser to the provider's login ({@code oauth2Login}) instead of the form. The
 * roles are read from the claim named by {@code hub.security.oidc-roles-claim} in the ID
 * token or the user info; the user's name is the provider's {@code user-name-attribute}
 * ({@code sub} unless set, e.g. to {@code preferred_username}).</li>
 * <li>Bearer tokens (JWT) for API clients, when
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} is
 * set (Spring Boot then makes the {@link JwtDecoder} that checks the signature, the
 * issuer, the time and, with {@code audiences}, the audience). The roles come from the
 * same claim; the user's name is {@code preferred_username}, or {@code sub} when the
 * token has none. Without either key there is no decoder, the resource server is left
 * out, and a bearer token is not accepted.</li>
 * </ul>
 * The role claim holds {@code read}, {@code operate} or {@code administer} (any case), as
 * a list or a single string; each role includes the ones below it, and other values are
 * ignored. A token or login without any of them gets no role and so sees nothing.
 * <p>
 * Requests with an {@code Authorization} header are not subject to CSRF checks (they
 * carry no session cookie); the dashboard sends the CSRF token it gets from
 * {@code /api/v1/me}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The standard OIDC claim with the name a user logs in with. */
	static final String PREFERRED_USERNAME = "preferred_username";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@DependsOnDatabaseInitialization
	UserDetailsService hubUsers(SecurityProperties properties, DataSource dataSource, PasswordEncoder encoder,
			Clock clock) {
		List<UserDetails> users = new ArrayList<>();
		String adminHash = FirstAdministrator.passwordHash(properties, dataSource, encoder, clock);
		users.add(User.withUsername(properties.adminName())
			.password(adminHash)
			.authorities(authorities(EnumSet.of(Role.ADMINISTER)))
			.build());
		Set<String> names = new HashSet<>(Set.of(properties.adminName()));
		for (SecurityProperties.User user : properties.users()) {
			if (!names.add(user.name())) {
				throw new IllegalStateException(
						"hub.security.users: the user name '" + user.name() + "' is used twice");
			}
			users.add(User.withUsername(user.name())
				.password(user.password())
				.authorities(authorities(user.roles()))
				.build());
		}
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	SecurityFilterChain hubSecurity(HttpSecurity http, SecurityProperties properties,
			ObjectProvider<ClientRegistrationRepository> oidc, ObjectProvider<JwtDecoder> bearer) throws Exception {
		// CPR numbers, and what the exports derive from them (age band, sex)
		RequestMatcher cpr = (request) -> "true".equalsIgnoreCase(request.getParameter("includeCpr"))
				|| "true".equalsIgnoreCase(request.getParameter("ageBand"))
				|| "true".equalsIgnoreCase(request.getParameter("sex"));
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/login", "/error",
					"/favicon.ico")
			.permitAll()
			.requestMatchers(cpr)
			.hasRole(Role.ADMINISTER.name())
			.requestMatchers("/actuator/hawtio/**", "/actuator/jolokia/**")
			.hasRole(Role.OPERATE.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/syncs/**", "/api/v1/runs/**", "/api/v1/quarantine/**",
					"/api/v1/targets/**")
			.hasRole(Role.OPERATE.name())
			.requestMatchers(HttpMethod.GET, "/api/**")
			.hasRole(Role.READ.name())
			.requestMatchers("/api/**")
			.hasRole(Role.ADMINISTER.name())
			.anyRequest()
			.hasRole(Role.READ.name()));
		http.httpBasic(Customizer.withDefaults());
		if (bearer.getIfAvailable() != null) {
			http.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(bearerTokens(properties.oidcRolesClaim()))));
		}
		if (oidc.getIfAvailable() != null) {
			http.oauth2Login((login) -> login
				.userInfoEndpoint((info) -> info.userAuthoritiesMapper(oidcRoles(properties.oidcRolesClaim()))));
		}
		else {
			http.formLogin(Customizer.withDefaults());
		}
		http.logout((logout) -> logout.logoutSuccessUrl("/login?logout"));
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(SecurityConfiguration::hasAuthorizationHeader));
		return http.build();
	}

	private static boolean hasAuthorizationHeader(HttpServletRequest request) {
		return request.getHeader("Authorization") != null;
	}

	static List<GrantedAuthority> authorities(Set<Role> roles) {
		Set<Role> all = EnumSet.noneOf(Role.class);
		roles.forEach((role) -> all.addAll(role.included()));
		return all.stream().map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
	}

	/**
	 * Maps the OIDC user's roles claim (read, operate, administer) to the hub's roles.
	 */
	static GrantedAuthoritiesMapper oidcRoles(String claim) {
		return (Collection<? extends GrantedAuthority> granted) -> {
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (GrantedAuthority authority : granted) {
				if (authority instanceof OAuth2UserAuthority user) {
					roles.addAll(roles(claim(user.getAttributes(), claim)));
				}
			}
			List<GrantedAuthority> result = new ArrayList<>(granted);
			result.addAll(authorities(roles));
			return result;
		};
	}

	/**
	 * Turns a bearer token (a JWT whose signature, issuer and time the decoder has
	 * checked) into the hub's login: the roles from the roles claim, the name from
	 * {@code preferred_username}, else {@code sub}. A token with neither names nobody and
	 * is refused.
	 */
	static Converter<Jwt, AbstractAuthenticationToken> bearerTokens(String claim) {
		return (jwt) -> {
			String name = jwt.getClaimAsString(PREFERRED_USERNAME);
			if (name == null || name.isBlank()) {
				name = jwt.getClaimAsString(JwtClaimNames.SUB);
			}
			if (name == null || name.isBlank()) {
				throw new InvalidBearerTokenException(
						"The token names no user (neither " + PREFERRED_USERNAME + " nor " + JwtClaimNames.SUB + ")");
			}
			return new JwtAuthenticationToken(jwt, authorities(roles(claim(jwt.getClaims(), claim))), name);
		};
	}

	/**
	 * The hub's roles in the value of a roles claim: a list, or a single string; names in
	 * any case; other values ignored.
	 */
	static Set<Role> roles(Object claim) {
		Collection<?> values = (claim instanceof Collection<?> c) ? c : (claim != null) ? List.of(claim) : List.of();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Object value : values) {
			for (Role role : Role.values()) {
				if (role.name().equals(String.valueOf(value).toUpperCase(Locale.ROOT))) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	/**
	 * The value of a claim by its name, or by a dotted path into nested claims (e.g.
	 * Keycloak's {@code realm_access.roles}): a claim named with the dots wins.
	 */
	static Object claim(Map<String, Object> claims, String name) {
		if (claims.containsKey(name) || !name.contains(".")) {
			return claims.get(name);
		}
		Object value = claims;
		for (String part : name.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = map.get(part);
		}
		return value;
	}

}
