package dk.orghub.routes.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** {@code hub.security.*}: a password in plain text stops the start, naming the key. */
class SecurityPropertiesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void aNoopPasswordIsRefusedAtStart() {
		this.context
			.withPropertyValues("hub.security.users[0].name=reader",
					"hub.security.users[0].password={noop}reader-password", "hub.security.users[0].roles=READ")
			.run((started) -> assertThatIllegalStateException()
				.isThrownBy(() -> started.getBean(SecurityProperties.class).checkPasswords())
				.withMessageStartingWith("hub.security.users[0].password (user 'reader')")
				.withMessageContaining("{noop}, a password in plain text, is refused")
				.withMessageNotContaining("reader-password"));
		this.context
			.withPropertyValues("hub.security.users[0].name=reader", "hub.security.users[0].password=reader-password",
					"hub.security.users[0].roles=READ")
			.run((started) -> assertThatIllegalStateException()
				.isThrownBy(() -> started.getBean(SecurityProperties.class).checkPasswords())
				.withMessageNotContaining("reader-password"));
	}

	@Test
	void anEncodedPasswordAndTheDefaultsAreTaken() {
		this.context.withPropertyValues("hub.security.users[0].name=reader",
				"hub.security.users[0].password={bcrypt}$2a$04$q5hsZcSEe/FC8wZduPPUyOSkCIssIi/dYkTAdIv0kkUoFfTzWhE02",
				"hub.security.users[0].roles=READ")
			.run((started) -> {
				SecurityProperties properties = started.getBean(SecurityProperties.class);
				assertThat(properties.loginThrottle().maxFailures()).isEqualTo(10);
				assertThat(properties.loginThrottle().window()).hasMinutes(5);
				assertThat(properties.console().routeControl()).isFalse();
				properties.checkPasswords();
			});
	}

	@Test
	void unitsBindAsAListAndLimitOnlyTheRoleEdit() {
		String password = "hub.security.users[0].password={bcrypt}$2a$04$q5hsZcSEe/FC8wZduPPUyOSkCIssIi/dYkTAdIv0kkUoFfTzWhE02";
		this.context.withPropertyValues("hub.security.users[0].name=school", password,
				"hub.security.users[0].roles=EDIT",
				"hub.security.users[0].units=0b9b6c3e-7c55-4c47-9c62-3b1a4d7f8a01,1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
			.run((started) -> {
				SecurityProperties properties = started.getBean(SecurityProperties.class);
				assertThat(properties.users().get(0).units()).hasSize(2);
				properties.checkUnits();
			});
		this.context
			.withPropertyValues("hub.security.users[0].name=reader", password, "hub.security.users[0].roles=READ")
			.run((started) -> assertThat(started.getBean(SecurityProperties.class).users().get(0).units()).isEmpty());
		for (String roles : new String[] { "READ", "EDIT,ADMINISTER" }) {
			this.context
				.withPropertyValues("hub.security.users[0].name=school", password,
						"hub.security.users[0].roles=" + roles,
						"hub.security.users[0].units=0b9b6c3e-7c55-4c47-9c62-3b1a4d7f8a01")
				.run((started) -> assertThatIllegalStateException()
					.isThrownBy(() -> started.getBean(SecurityProperties.class).checkUnits())
					.withMessageStartingWith("hub.security.users[0].units (user 'school') limits the role edit"));
		}
		this.context
			.withPropertyValues("hub.security.users[0].name=school", password, "hub.security.users[0].roles=EDIT",
					"hub.security.users[0].units=not-a-uuid")
			.run((started) -> assertThat(started).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SecurityProperties.class)
	static class Properties {

	}

}
