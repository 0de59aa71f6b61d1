package dk.orghub.routes;

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
		SpringApplication.run(HubApplication.class, args);
	}

}
