package dk.orghub.routes.audit;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The audit log and the interceptor that fills it from the API's changing requests. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	AuditLog auditLog(DataSource dataSource, Clock clock) {
		return new AuditLog(dataSource, clock);
	}

	@Bean
	WebMvcConfigurer auditedRequests(AuditLog audit) {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new AuditInterceptor(audit)).addPathPatterns("/api/**");
			}
		};
	}

}
