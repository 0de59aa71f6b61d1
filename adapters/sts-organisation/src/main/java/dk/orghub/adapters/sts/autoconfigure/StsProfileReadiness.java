package dk.orghub.adapters.sts.autoconfigure;

import java.util.List;

import dk.orghub.adapters.sts.StsOrganisationAdapter;
import dk.orghub.adapters.sts.StsProfiles;
import dk.orghub.core.spi.ProfileReadiness;

/**
 * The dashboard's consumer profile readiness from the STS adapter's profiles (KY, KSD,
 * SAPA): each finding as a sentence naming the object.
 */
class StsProfileReadiness implements ProfileReadiness {

	/** At most this many findings per profile on the dashboard; the API has them all. */
	static final int SHOWN = 20;

	private final StsOrganisationAdapter adapter;

	StsProfileReadiness(StsOrganisationAdapter adapter) {
		this.adapter = adapter;
	}

	@Override
	public List<Profile> profiles() {
		return this.adapter.profiles().stream().map(StsProfileReadiness::profile).toList();
	}

	static Profile profile(StsProfiles.ProfileReport report) {
		List<String> missing = report.findings()
			.stream()
			.limit(SHOWN)
			.map((f) -> f.kind() + " " + ((f.userKey() != null) ? f.userKey() : f.uuid()) + ": " + f.problem())
			.toList();
		if (report.findings().size() > SHOWN) {
			missing = new java.util.ArrayList<>(missing);
			missing.add("... and " + (report.findings().size() - SHOWN) + " more (GET /api/v1/profiles/" + report.name()
					+ ")");
		}
		return new Profile(report.name(), report.ready(), List.copyOf(missing));
	}

}
