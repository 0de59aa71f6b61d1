package dk.orghub.routes.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may log in ({@code hub.security.*}). The first administrator's password comes from
 * {@code HUB_ADMIN_PASSWORD}, whose hash is kept in the database so that a later start
 * without it keeps it; when it was never given, one is generated at the first start and
 * printed once. Further local users come from configuration with encoded passwords.
 * <p>
 * An OIDC provider is configured with Spring Boot's own keys, not here: a client
 * registration ({@code spring.security.oauth2.client.registration.<id>.*} with
 * {@code provider.<id>.issuer-uri}) makes the dashboard log in at the provider, and
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri})
 * makes the API accept the provider's access tokens as {@code Authorization: Bearer}.
 * Both read the user's roles from the claim {@link #oidcRolesClaim()}; local users and
 * HTTP Basic keep working beside them. See {@code SecurityConfiguration}.
 *
 * @param adminName the first administrator's user name
 * @param adminPassword the first administrator's password (secret: set it through
 * {@code HUB_ADMIN_PASSWORD}, never in a committed file)
 * @param users further local users
 * @param oidcRolesClaim the claim of an OIDC login (ID token or user info) and of a
 * bearer token that lists the user's roles ({@code read}, {@code operate},
 * {@code administer}, in any case; a list or a single string); a dotted path such as
 * {@code realm_access.roles} reads a nested claim (a claim named with the dots wins)
 * @param oidcUnitsClaim the claim (a dotted path as for the roles) that lists the UUIDs
 * of the units an OIDC or bearer login with the role edit (and not administer) may edit
 * under, a list or one string separated by commas; unset (the default) for none, and then
 * such a login edits everywhere; when set, a login whose claim names no unit edits
 * nowhere
 * @param loginThrottle how many failed logins lock a user name, and for how long
 * @param console what the Camel console (Hawtio, Jolokia; role administer) may change
 */
@Validated
@ConfigurationProperties("hub.security")
public record SecurityProperties(@NotBlank @Size(max = 200) @DefaultValue("admin") String adminName,
		String adminPassword, @Valid @NotNull @DefaultValue List<@Valid @NotNull User> users,
		@NotBlank @DefaultValue("roles") String oidcRolesClaim, String oidcUnitsClaim,
		@Valid @NotNull @DefaultValue LoginThrottle loginThrottle, @Valid @NotNull @DefaultValue Console console) {

	private static final Pattern ENCODED = Pattern.compile("\\{[a-z0-9]+\\}.+");

	@Override
	public String toString() {
		return "SecurityProperties[adminName=" + this.adminName + ", adminPassword=******, users=" + this.users
				+ ", oidcRolesClaim=" + this.oidcRolesClaim + ", oidcUnitsClaim=" + this.oidcUnitsClaim
				+ ", loginThrottle=" + this.loginThrottle + ", console=" + this.console + "]";
	}

	/**
	 * Refuses a local user's password that is not encoded with its encoder's id, or is
	 * {@code {noop}} (plain text). The message names the key, never the value (a
	 * validation annotation would print the rejected value in the start's log).
	 * @throws IllegalStateException naming {@code hub.security.users[i].password}
	 */
	public void checkPasswords() {
		for (int i = 0; i < this.users.size(); i++) {
			String password = this.users.get(i).password();
			if (!ENCODED.matcher(password).matches() || password.startsWith("{noop}")) {
				throw new IllegalStateException("hub.security.users[" + i + "].password (user '"
						+ this.users.get(i).name() + "') must be an encoded password with its encoder's id, e.g. "
						+ "{bcrypt}$2a$10$...; {noop}, a password in plain text, is refused");
			}
		}
	}

	/**
	 * Refuses units given to a user who is not limited by them: units narrow the role
	 * edit, and a user with administer (or without edit) would not be narrowed, which a
	 * reader of the configuration would not expect.
	 * @throws IllegalStateException naming {@code hub.security.users[i].units}
	 */
	public void checkUnits() {
		for (int i = 0; i < this.users.size(); i++) {
			User user = this.users.get(i);
			if (!user.units().isEmpty()
					&& (!user.roles().contains(Role.EDIT) || user.roles().contains(Role.ADMINISTER))) {
				throw new IllegalStateException("hub.security.users[" + i + "].units (user '" + user.name()
						+ "') limits the role edit: give it to a user with the role edit and without administer");
			}
		}
	}

	/**
	 * Failed logins (form or HTTP Basic) per user name: after {@code maxFailures} within
	 * {@code window} the name is refused (429 with {@code Retry-After} for HTTP Basic)
	 * until the oldest of them is a window old.
	 *
	 * @param maxFailures failed logins that lock a name
	 * @param window the period they are counted in, and the longest a name stays locked
	 */
	public record LoginThrottle(@Min(1) @Max(1000) @DefaultValue("10") int maxFailures,
			@NotNull @DefaultValue("5m") Duration window) {

	}

	/**
	 * The Camel console. It is read-only: Jolokia answers reads and lists, never writes
	 * attributes or runs operations, except route start and stop when
	 * {@code routeControl} is on.
	 *
	 * @param routeControl allow starting and stopping Camel routes from the console
	 */
	public record Console(@DefaultValue("false") boolean routeControl) {

	}

	/**
	 * A local user.
	 *
	 * @param name the user name
	 * @param password the encoded password with its encoder's id, e.g.
	 * {@code {bcrypt}$2a$10$...} (make one with
	 * {@code htpasswd -bnBC 10 "" PASSWORD | tr -d ':\n'} and prefix {@code {bcrypt}});
	 * {@code {noop}} (the password in plain text) is refused
	 * @param roles the user's roles (see {@link Role} for what each includes)
	 * @param units with the role edit: the UUIDs of the units under which the user may
	 * edit (each unit and everything below it, at the date an edit takes effect); empty
	 * for everywhere
	 */
	public record User(@NotBlank @Size(max = 200) String name, @NotBlank String password, @NotEmpty Set<Role> roles,
			@NotNull @DefaultValue List<@NotNull UUID> units) {

		@Override
		public String toString() {
			return "User[name=" + this.name + ", roles=" + this.roles + ", units=" + this.units + "]";
		}

	}

}
