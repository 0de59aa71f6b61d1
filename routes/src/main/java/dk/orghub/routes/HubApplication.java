package dk.orghub.routes;

import dk.orghub.routes.config.CommonPoolParallelism;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The organisation hub: the store, the REST API and the Camel routes in one application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {

	public static void main(String[] args) {
		CommonPoolParallelism.atLeastTwo();
		SpringApplication.run(HubApplication.class, args);
	}

}
