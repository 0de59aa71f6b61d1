package dk.orghub.routes.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.orghub.core.model.Person;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** JSON and OpenAPI settings of the REST API. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	/**
	 * A person without a CPR number (not asked for, or unknown) has no {@code cpr} field.
	 */
	@Bean
	Jackson2ObjectMapperBuilderCustomizer personWithoutCpr() {
		return builder -> builder.mixIn(Person.class, PersonJson.class);
	}

	@Bean
	OpenAPI hubOpenApi() {
		return new OpenAPI().info(new Info().title("Organisation hub API")
			.version("v1")
			.description("The municipality's organisation at any date, as known at any time. Every read takes "
					+ "'at' (business date, default today in Europe/Copenhagen) and 'registeredAt' (default now). "
					+ "Errors are RFC 7807 problem details."));
	}

	/** Jackson mix-in for {@link Person}. */
	abstract static class PersonJson {

		@JsonInclude(JsonInclude.Include.NON_NULL)
		abstract String cpr();

	}

}
