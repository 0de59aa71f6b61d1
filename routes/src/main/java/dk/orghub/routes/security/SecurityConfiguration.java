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

import dk.orghub.core.store.OrgStore;
import dk.orghub.routes.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jolokia.server.core.service.api.Restrictor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
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
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Login and roles. Everything needs a login but health and info (for load balancers and
 * probes). READ sees everything but CPR numbers; OPERATE also runs, previews, pauses,
 * resumes, retries, approves and rejects; EDIT also makes local edits, under the units it
 * is limited to ({@link EditScope}); ADMINISTER does all that, edits everywhere, reads
 * CPR numbers and what derives from them ({@code includeCpr}, {@code ageBand},
 * {@code sex}: decided by {@link SensitiveReads} on the bound values) and opens the Camel
 * console (Hawtio and Jolokia, read-only by {@link ConsoleRestrictor}).
 * <p>
 * Three ways in, all to the same roles:
 * <ul>
 * <li>Local users ({@link SecurityProperties}) with HTTP Basic, for API clients, and with
 * a login form in the browser when no OIDC provider is configured.</li>
 * <li>An OIDC provider for the browser, when a client registration is configured with
 * Spring Boot's {@code spring.security.oauth2.client.*} keys: the dashboard then sends
 * the browser to the provider's login ({@code oauth2Login}) instead of the form. The
 * roles are read from the claim named by {@code hub.security.oidc-roles-claim} in the ID
 * token or the user info, and an editor's units from
 * {@code hub.security.oidc-units-claim} when set; the user's name is the provider's
 * {@code user-name-attribute} ({@code sub} unless set, e.g. to
 * {@code preferred_username}).</li>
 * <li>Bearer tokens (JWT) for API clients, when
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} is
 * set (Spring Boot then makes the {@link JwtDecoder} that checks the signature, the
 * issuer, the time and, with {@code audiences}, the audience). The roles come from the
 * same claim; the user's name is {@code preferred_username}, or {@code sub} when the
 * token has none. Without either key there is no decoder, the resource server is left
 * out, and a bearer token is not accepted.</li>
 * </ul>
 * The role claim holds {@code read}, {@code operate}, {@code edit} or {@code administer}
 * (any case), as a list or a single string; see {@link Role} for what each includes;
 * other values are ignored. A token or login without any of them gets no role and so sees
 * nothing.
 * <p>
 * CSRF: the token is in the {@code XSRF-TOKEN} cookie; the dashboard sends the masked
 * token of {@code /api/v1/me}, Hawtio the cookie's value as {@code X-XSRF-TOKEN}
 * ({@link CsrfTokens}). Only a request that logs in by its {@code Authorization} header
 * (Basic, or Bearer when accepted) and carries no session is exempt. A request that may
 * change state from another site is refused ({@link CrossSiteRequests}). Wrong passwords
 * lock a user name for a while ({@link LoginThrottle}); a path the firewall rejects is a
 * 400.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The local edits (role edit; which units an editor may change is decided by
	 * {@link EditScope} on the unit each edit resolves to).
	 */
	static final String[] LOCAL_EDIT_POSTS = { "/api/v1/org-units", "/api/v1/org-units/*/end",
			"/api/v1/org-units/*/addresses", "/api/v1/org-units/*/kle", "/api/v1/addresses/*/end", "/api/v1/kle/*/end",
			"/api/v1/associations", "/api/v1/associations/*/end", "/api/v1/managers", "/api/v1/managers/*/end" };

	static final String[] LOCAL_EDIT_PUTS = { "/api/v1/org-units/*", "/api/v1/addresses/*", "/api/v1/kle/*",
			"/api/v1/associations/*" };

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
		properties.checkPasswords();
		properties.checkUnits();
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
	EditScope editScope(SecurityProperties properties, OrgStore store, Clock clock) {
		return new EditScope(store, EditScope.unitsByUser(properties.users()), clock);
	}

	@Bean
	SensitiveReads sensitiveReads(AuditLog audit) {
		return new SensitiveReads(audit);
	}

	/** Jolokia's policy: the servlet picks up {@code Restrictor} beans. */
	@Bean
	Restrictor consoleRestrictor(SecurityProperties properties, AuditLog audit) {
		return new ConsoleRestrictor(properties.console().routeControl(), audit);
	}

	@Bean
	LoginThrottle loginThrottle(SecurityProperties properties, Clock clock) {
		return new LoginThrottle(properties.loginThrottle().maxFailures(), properties.loginThrottle().window(), clock);
	}

	@Bean
	FailedLogins failedLogins(LoginThrottle throttle, AuditLog audit) {
		return new FailedLogins(throttle, audit);
	}

	/**
	 * A path the firewall rejects ({@code //}, {@code ;}, ...) is a bad request, not an
	 * error.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new HttpStatusRequestRejectedHandler(HttpServletResponse.SC_BAD_REQUEST);
	}

	@Bean
	SecurityFilterChain hubSecurity(HttpSecurity http, SecurityProperties properties, LoginThrottle throttle,
			ObjectProvider<ClientRegistrationRepository> oidc, ObjectProvider<JwtDecoder> bearer) throws Exception {
		boolean bearerTokens = bearer.getIfAvailable() != null;
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/login", "/error",
					"/favicon.ico")
			.permitAll()
			.requestMatchers(CsrfTokens.HAWTIO, CsrfTokens.HAWTIO + "/**", CrossSiteRequests.JOLOKIA,
					CrossSiteRequests.JOLOKIA + "/**")
			.hasRole(Role.ADMINISTER.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/syncs/**", "/api/v1/runs/**", "/api/v1/quarantine/**",
					"/api/v1/targets/**")
			.hasRole(Role.OPERATE.name())
			.requestMatchers(HttpMethod.POST, LOCAL_EDIT_POSTS)
			.hasRole(Role.EDIT.name())
			.requestMatchers(HttpMethod.PUT, LOCAL_EDIT_PUTS)
			.hasRole(Role.EDIT.name())
			.requestMatchers(HttpMethod.GET, "/api/**")
			.hasRole(Role.READ.name())
			.requestMatchers("/api/**")
			.hasRole(Role.ADMINISTER.name())
			.anyRequest()
			.hasRole(Role.READ.name()));
		http.httpBasic(Customizer.withDefaults());
		if (bearerTokens) {
			http.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt
				.jwtAuthenticationConverter(bearerTokens(properties.oidcRolesClaim(), properties.oidcUnitsClaim()))));
		}
		if (oidc.getIfAvailable() != null) {
			http.oauth2Login((login) -> login.userInfoEndpoint((info) -> info
				.userAuthoritiesMapper(oidcRoles(properties.oidcRolesClaim(), properties.oidcUnitsClaim()))));
		}
		else {
			http.formLogin(Customizer.withDefaults());
		}
		http.logout((logout) -> logout.logoutSuccessUrl("/login?logout"));
		http.csrf((csrf) -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
			.csrfTokenRequestHandler(new CsrfTokens())
			.ignoringRequestMatchers((request) -> authenticatesByHeader(request, bearerTokens)));
		http.addFilterBefore(new CrossSiteRequests(), CsrfFilter.class);
		http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * Whether the request logs in by its {@code Authorization} header alone (HTTP Basic,
	 * or a bearer token when they are accepted) and carries no session: only then is it
	 * exempt from CSRF checks, since no browser adds such a header on its own.
	 */
	static boolean authenticatesByHeader(HttpServletRequest request, boolean bearerTokens) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || request.getRequestedSessionId() != null) {
			return false;
		}
		String scheme = authorization.strip().split(" ", 2)[0];
		return "Basic".equalsIgnoreCase(scheme) || (bearerTokens && "Bearer".equalsIgnoreCase(scheme));
	}

	static List<GrantedAuthority> authorities(Set<Role> roles) {
		Set<Role> all = EnumSet.noneOf(Role.class);
		roles.forEach((role) -> all.addAll(role.included()));
		return all.stream().map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
	}

	/**
	 * Maps the OIDC user's roles claim (read, operate, administer) to the hub's roles.
	 */
	static GrantedAuthoritiesMapper oidcRoles(String claim, String unitsClaim) {
		return (Collection<? extends GrantedAuthority> granted) -> {
			Set<Role> roles = EnumSet.noneOf(Role.class);
			Map<String, Object> attributes = null;
			for (GrantedAuthority authority : granted) {
				if (authority instanceof OAuth2UserAuthority user) {
					roles.addAll(roles(claim(user.getAttributes(), claim)));
					attributes = user.getAttributes();
				}
			}
			List<GrantedAuthority> result = new ArrayList<>(granted);
			result.addAll(authorities(roles, (attributes != null) ? attributes : Map.of(), unitsClaim));
			return result;
		};
	}

	/**
	 * The authorities of the roles and, with a units claim configured, for a login with
	 * edit but not administer, the units the claim gives it ({@link EditUnits}).
	 */
	static List<GrantedAuthority> authorities(Set<Role> roles, Map<String, Object> claims, String unitsClaim) {
		List<GrantedAuthority> result = new ArrayList<>(authorities(roles));
		if (unitsClaim != null && !unitsClaim.isBlank() && roles.contains(Role.EDIT)
				&& !roles.contains(Role.ADMINISTER)) {
			result.addAll(EditUnits.fromClaim(claim(claims, unitsClaim)));
		}
		return result;
	}

	/**
	 * Turns a bearer token (a JWT whose signature, issuer and time the decoder has
	 * checked) into the hub's login: the roles from the roles claim, the name from
	 * {@code preferred_username}, else {@code sub}. A token with neither names nobody and
	 * is refused.
	 */
	static Converter<Jwt, AbstractAuthenticationToken> bearerTokens(String claim, String unitsClaim) {
		return (jwt) -> {
			String name = jwt.getClaimAsString(PREFERRED_USERNAME);
			if (name == null || name.isBlank()) {
				name = jwt.getClaimAsString(JwtClaimNames.SUB);
			}
			if (name == null || name.isBlank()) {
				throw new InvalidBearerTokenException(
						"The token names no user (neither " + PREFERRED_USERNAME + " nor " + JwtClaimNames.SUB + ")");
			}
			return new JwtAuthenticationToken(jwt,
					authorities(roles(claim(jwt.getClaims(), claim)), jwt.getClaims(), unitsClaim), name);
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
