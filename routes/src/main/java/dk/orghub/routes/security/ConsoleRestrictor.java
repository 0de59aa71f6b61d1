package dk.orghub.routes.security;

import java.util.Map;
import java.util.Set;

import javax.management.ObjectName;

import dk.orghub.routes.audit.AuditLog;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the Camel console (Hawtio) may do through Jolokia, once the login has let an
 * administrator in. Reading is allowed, but not the JVM's command line and system
 * properties (they hold passwords), and the JVM's diagnostic MBeans (heap dumps, agents,
 * flight recordings) are hidden. Writing attributes is refused. Operations are refused
 * except the few read-only ones the console lists routes with and, when
 * {@code hub.security.console.route-control} is on, starting and stopping a Camel route.
 * Only POST is accepted: a GET (a link on another site) never runs anything.
 * <p>
 * Every write and every operation but the read-only ones is audited, allowed or not: who,
 * the MBean, the operation or attribute, and {@code allowed} or {@code refused}.
 */
final class ConsoleRestrictor implements Restrictor {

	/** MBeans of the JVM that dump the heap, load agents or record: not even listed. */
	private static final Set<String> HIDDEN = Set.of("com.sun.management:type=DiagnosticCommand",
			"com.sun.management:type=HotSpotDiagnostic", "jdk.management.jfr:type=FlightRecorder");

	/** Attributes that hold the command line, the environment's paths and secrets. */
	private static final Map<String, Set<String>> UNREADABLE = Map.of("java.lang:type=Runtime",
			Set.of("InputArguments", "SystemProperties", "ClassPath", "BootClassPath", "LibraryPath"));

	/**
	 * Operations that only read, per MBean domain and type (what the console lists with).
	 */
	private static final Map<String, Set<String>> READ_ONLY_OPERATIONS = Map.of("hawtio:security",
			Set.of("list", "canInvoke"), "org.apache.camel:context",
			Set.of("dumpRoutesAsXml", "dumpRoutesStatsAsXml", "dumpRoutesAsYaml", "dumpStatsAsXml"),
			"org.apache.camel:routes",
			Set.of("dumpRouteAsXml", "dumpRouteStatsAsXml", "dumpRouteAsYaml", "dumpStatsAsXml"));

	private static final Set<String> ROUTE_CONTROL = Set.of("start", "stop");

	private final boolean routeControl;

	private final AuditLog audit;

	ConsoleRestrictor(boolean routeControl, AuditLog audit) {
		this.routeControl = routeControl;
		this.audit = audit;
	}

	@Override
	public boolean isHttpMethodAllowed(HttpMethod method) {
		return method == HttpMethod.POST;
	}

	@Override
	public boolean isTypeAllowed(RequestType type) {
		// writes and operations are decided (and audited) per MBean below
		return switch (type) {
			case READ, LIST, SEARCH, VERSION, WRITE, EXEC -> true;
			default -> false;
		};
	}

	@Override
	public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
		if (isObjectNameHidden(name)) {
			return false;
		}
		Set<String> unreadable = UNREADABLE.get(name.getCanonicalName());
		return unreadable == null || attribute == null || !unreadable.contains(attribute);
	}

	@Override
	public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
		record("write " + name + " " + attribute, false);
		return false;
	}

	@Override
	public boolean isOperationAllowed(ObjectName name, String operation) {
		String op = (operation != null && operation.contains("(")) ? operation.substring(0, operation.indexOf('('))
				: operation;
		if (isObjectNameHidden(name)) {
			record("exec " + name + " " + operation, false);
			return false;
		}
		String kind = name.getDomain() + ":" + name.getKeyProperty("type");
		if (READ_ONLY_OPERATIONS.getOrDefault(kind, Set.of()).contains(op)) {
			return true;
		}
		boolean allowed = this.routeControl && "org.apache.camel:routes".equals(kind) && ROUTE_CONTROL.contains(op);
		record("exec " + name + " " + operation, allowed);
		return allowed;
	}

	@Override
	public boolean isRemoteAccessAllowed(String... hostOrAddress) {
		// who may reach the console is decided by the login (role administer)
		return true;
	}

	@Override
	public boolean isOriginAllowed(String origin, boolean strictCheck) {
		// cross-site requests are refused before they get here (CrossSiteRequests)
		return true;
	}

	@Override
	public boolean isObjectNameHidden(ObjectName name) {
		return HIDDEN.contains(name.getCanonicalName()) || "jdk.management.jfr".equals(name.getDomain());
	}

	private void record(String what, boolean allowed) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		this.audit.record((authentication != null) ? authentication.getName() : "anonymous", "JOLOKIA " + what,
				allowed ? "allowed" : "refused");
	}

}
