package dk.orghub.routes.security;

import java.time.Clock;
import java.util.List;

import javax.management.ObjectName;

import dk.orghub.routes.audit.AuditLog;
import dk.orghub.routes.testing.OpsDatabase;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's Jolokia policy: read-only by default, route start and stop when the
 * setting allows them, every write and operation audited with the user.
 */
class ConsoleRestrictorTest {

	private static final String ROUTE = "org.apache.camel:context=orghub,type=routes,name=\"ops-retention\"";

	private static final String CONTEXT = "org.apache.camel:context=orghub,type=context,name=\"orghub\"";

	private AuditLog audit;

	@BeforeEach
	void logIn() {
		this.audit = new AuditLog(OpsDatabase.migrated(), Clock.systemUTC());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
					SecurityConfiguration.authorities(java.util.Set.of(Role.ADMINISTER))));
	}

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void readOnlyByDefault() throws Exception {
		ConsoleRestrictor policy = new ConsoleRestrictor(false, this.audit);

		assertThat(policy.isHttpMethodAllowed(HttpMethod.POST)).isTrue();
		assertThat(policy.isHttpMethodAllowed(HttpMethod.GET)).isFalse();
		assertThat(policy.isTypeAllowed(RequestType.NOTIFICATION)).isFalse();
		assertThat(policy.isAttributeReadAllowed(new ObjectName(ROUTE), "ExchangesCompleted")).isTrue();
		assertThat(policy.isAttributeReadAllowed(new ObjectName("java.lang:type=Runtime"), "Uptime")).isTrue();
		assertThat(policy.isAttributeReadAllowed(new ObjectName("java.lang:type=Runtime"), "InputArguments")).isFalse();
		assertThat(policy.isObjectNameHidden(new ObjectName("com.sun.management:type=DiagnosticCommand"))).isTrue();
		assertThat(policy.isOperationAllowed(new ObjectName(CONTEXT), "dumpRoutesStatsAsXml(boolean,boolean)"))
			.isTrue();
		assertThat(policy.isOperationAllowed(new ObjectName(ROUTE), "stop()")).isFalse();
		assertThat(policy.isOperationAllowed(new ObjectName(CONTEXT), "sendBody(java.lang.String,java.lang.Object)"))
			.isFalse();
		assertThat(policy.isAttributeWriteAllowed(new ObjectName(ROUTE), "Tracing")).isFalse();

		assertThat(actions()).containsExactly("JOLOKIA write " + ROUTE + " Tracing refused",
				"JOLOKIA exec " + CONTEXT + " sendBody(java.lang.String,java.lang.Object) refused",
				"JOLOKIA exec " + ROUTE + " stop() refused");
	}

	@Test
	void routeControlAllowsStartAndStopOfRoutesOnly() throws Exception {
		ConsoleRestrictor policy = new ConsoleRestrictor(true, this.audit);

		assertThat(policy.isOperationAllowed(new ObjectName(ROUTE), "stop()")).isTrue();
		assertThat(policy.isOperationAllowed(new ObjectName(ROUTE), "start")).isTrue();
		assertThat(policy.isOperationAllowed(new ObjectName(ROUTE), "remove()")).isFalse();
		assertThat(policy.isOperationAllowed(new ObjectName(CONTEXT), "stop()")).isFalse();

		assertThat(actions()).containsExactly("JOLOKIA exec " + CONTEXT + " stop() refused",
				"JOLOKIA exec " + ROUTE + " remove() refused", "JOLOKIA exec " + ROUTE + " start allowed",
				"JOLOKIA exec " + ROUTE + " stop() allowed");
	}

	private List<String> actions() {
		return this.audit.list("admin", 0, 100).items().stream().map((e) -> e.action() + " " + e.outcome()).toList();
	}

}
