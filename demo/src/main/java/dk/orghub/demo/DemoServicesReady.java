package dk.orghub.demo;

import dk.orghub.samples.ldap.SampleLdapServer;
import dk.orghub.samples.sts.LocalStsService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Profile {@code demo}: waits, before the demo's first import and so before readiness
 * turns up, until the local STS Organisation service started by {@link DemoLocalSts} has
 * published its services and the demo's directory has loaded its accounts (both start in
 * the background); a failure stops the start with the reason.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DemoServicesReady implements ApplicationRunner {

	private final ObjectProvider<LocalStsService> localSts;

	private final ObjectProvider<SampleLdapServer> directory;

	DemoServicesReady(ObjectProvider<LocalStsService> localSts, ObjectProvider<SampleLdapServer> directory) {
		this.localSts = localSts;
		this.directory = directory;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.localSts.ifAvailable(LocalStsService::awaitEndpoints);
		this.directory.orderedStream().forEach(SampleLdapServer::awaitLoaded);
	}

}
