package dk.orghub.core.spi;

import java.util.List;

/**
 * Capability of a target's wiring: whether the data is ready for each consumer profile of
 * the target (e.g. KY, KSD, SAPA of STS Organisation), and what is missing, for the
 * dashboard. Without one the dashboard says the profiles appear when such a target is
 * installed.
 */
public interface ProfileReadiness {

	List<Profile> profiles();

	/**
	 * One consumer profile.
	 *
	 * @param name e.g. {@code KY}
	 * @param ready whether every pattern and field it depends on is in place
	 * @param missing what is missing, in sentences an operator understands
	 */
	record Profile(String name, boolean ready, List<String> missing) {

	}

}
