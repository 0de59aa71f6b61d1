package dk.orghub.adapters.opus;

import dk.orghub.testkit.AdapterBoundaryContract;

/**
 * The adapter imports neither the application nor, outside its auto-configuration, Spring
 * Boot or Camel.
 */
class OpusBoundaryTest extends AdapterBoundaryContract {

	@Override
	protected String adapterPackage() {
		return "dk.orghub.adapters.opus";
	}

}
