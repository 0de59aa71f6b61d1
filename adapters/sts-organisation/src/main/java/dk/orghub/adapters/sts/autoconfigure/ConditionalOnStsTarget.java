package dk.orghub.adapters.sts.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * On when the STS Organisation target is configured: {@code hub.targets.sts.base-url} is
 * set, or {@code hub.targets.sts.environment} is {@code production} or {@code test}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnStsTarget.OnStsTarget.class)
@interface ConditionalOnStsTarget {

	class OnStsTarget extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String baseUrl = context.getEnvironment().getProperty("hub.targets.sts.base-url", "");
			String environment = context.getEnvironment()
				.getProperty("hub.targets.sts.environment", "custom")
				.toLowerCase(Locale.ROOT);
			if (!baseUrl.isBlank()) {
				return ConditionOutcome.match("hub.targets.sts.base-url is set");
			}
			if (environment.equals("production") || environment.equals("test")) {
				return ConditionOutcome.match("hub.targets.sts.environment is " + environment);
			}
			return ConditionOutcome.noMatch("neither hub.targets.sts.base-url nor a KOMBIT environment is set");
		}

	}

}
