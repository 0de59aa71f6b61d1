package dk.orghub.adapters.ad;

import dk.orghub.testkit.AdapterBoundaryContract;

/**
 * The adapter imports neither the application nor, outside its auto-configuration, Spring
 * Boot or Camel.
 */
class AdBoundaryTest extends AdapterBoundaryContract {

	@Override
	protected String adapterPackage() {
		return "dk.orghub.adapters.ad";
	}

}
