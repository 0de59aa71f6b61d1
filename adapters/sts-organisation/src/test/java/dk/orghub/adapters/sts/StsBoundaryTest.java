package dk.orghub.adapters.sts;

import dk.orghub.testkit.AdapterBoundaryContract;

/**
 * The adapter imports neither the application nor, outside its auto-configuration, Spring
 * Boot or Camel.
 */
class StsBoundaryTest extends AdapterBoundaryContract {

	@Override
	protected String adapterPackage() {
		return "dk.orghub.adapters.sts";
	}

}
