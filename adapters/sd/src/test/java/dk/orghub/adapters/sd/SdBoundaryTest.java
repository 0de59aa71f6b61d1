package dk.orghub.adapters.sd;

import dk.orghub.testkit.AdapterBoundaryContract;

/**
 * The adapter imports neither the application nor, outside its auto-configuration, Spring
 * Boot or Camel.
 */
class SdBoundaryTest extends AdapterBoundaryContract {

	@Override
	protected String adapterPackage() {
		return "dk.orghub.adapters.sd";
	}

}
