package dk.orghub.routes.dashboard;

import java.util.List;

/**
 * Whether the data is ready for each consumer profile of STS Organisation (KY, KSD,
 * SAPA), and what is missing. The STS Organisation adapter provides a bean of this type;
 * without one the dashboard says the profiles appear when that adapter is installed.
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
