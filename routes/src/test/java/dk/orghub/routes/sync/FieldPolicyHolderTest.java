package dk.orghub.routes.sync;

import java.util.Map;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OwnerKind;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hub.field-policy} as Spring binds it from YAML keys in brackets and from
 * environment variables, read by the policy the same way.
 */
class FieldPolicyHolderTest {

	@Test
	void bracketedKeysAndEnvironmentVariablesGiveTheSamePolicy() {
		FieldPolicyHolder fromYaml = bind(new MapPropertySource("yaml",
				Map.of("hub.field-policy.[ADDRESS[EMAIL].value]", "ad", "hub.field-policy.[ADDRESS[PHONE].value]",
						"opus", "hub.field-policy.[ORG_UNIT.name]", "opus")));
		FieldPolicyHolder fromEnvironment = bind(
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("HUB_FIELDPOLICY_ADDRESS_EMAIL_VALUE", "ad", "HUB_FIELDPOLICY_ADDRESS_PHONE_VALUE",
								"opus", "HUB_FIELDPOLICY_ORG_UNIT_NAME", "opus")));

		for (FieldPolicyHolder holder : new FieldPolicyHolder[] { fromYaml, fromEnvironment }) {
			assertThat(holder.policy().winner(address("EMAIL"), "value")).contains("ad");
			assertThat(holder.policy().winner(address("PHONE"), "value")).contains("opus");
			assertThat(holder.policy().winner(ObjectType.ORG_UNIT, "name")).contains("opus");
		}
	}

	private static FieldPolicyHolder bind(org.springframework.core.env.PropertySource<?> source) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(source);
		Map<String, String> entries = new Binder(ConfigurationPropertySources.from(sources))
			.bind("hub.field-policy", Bindable.mapOf(String.class, String.class))
			.get();
		return new FieldPolicyHolder(entries);
	}

	private static Address address(String type) {
		return new Address(UUID.randomUUID(), "a", UUID.randomUUID(), OwnerKind.PERSON,
				DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, type), "x", null);
	}

}
