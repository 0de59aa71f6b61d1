package dk.orghub.routes.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Login and roles. Everything needs a login but health and info (for load balancers and
 * probes). READ sees everything but CPR numbers; OPERATE also runs, previews, pauses,
 * resumes, retries, approves and rejects, and opens the Camel console (Hawtio);
 * ADMINISTER also edits local data and reads CPR numbers ({@code includeCpr=true}).
 * <p>
 * API clients use HTTP Basic; browsers log in with a form, or at the OIDC provider when
 * one is configured. Requests with an {@code Authorization} header are not subject to
 * CSRF checks (they carry no session cookie); the dashboard sends the CSRF token it gets
 * from {@code /api/v1/me}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
			ObjectProvider<ClientRegistrationRepository> oidc) throws Exception {
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
					Object value = user.getAttributes().get(claim);
					Collection<?> values = (value instanceof Collection<?> c) ? c
							: (value != null) ? List.of(value) : List.of();
					for (Object v : values) {
						for (Role role : Role.values()) {
							if (role.name().equals(String.valueOf(v).toUpperCase(Locale.ROOT))) {
								roles.add(role);
							}
						}
					}
				}
			}
			List<GrantedAuthority> result = new ArrayList<>(granted);
			result.addAll(authorities(roles));
			return result;
		};
	}

}
