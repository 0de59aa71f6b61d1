package dk.orghub.adapters.sts.autoconfigure;

import java.util.List;

import dk.orghub.adapters.sts.StsOrganisationAdapter;
import dk.orghub.adapters.sts.StsProfiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consumer profiles of STS Organisation (KY, KSD, SAPA): whether the data each system
 * reads is in place, and each object that falls short and why. A profile never blocks a
 * publish.
 */
@RestController
@RequestMapping("/api/v1/profiles")
@Tag(name = "profiles", description = "Consumer profiles of STS Organisation: KY, KSD, SAPA.")
class ProfileController {

	private final StsOrganisationAdapter adapter;

	ProfileController(StsOrganisationAdapter adapter) {
		this.adapter = adapter;
	}

	@GetMapping
	@Operation(summary = "Every consumer profile with its readiness and findings")
	List<StsProfiles.ProfileReport> profiles() {
		return this.adapter.profiles();
	}

	@GetMapping("/{name}")
	@Operation(summary = "One consumer profile (KY, KSD or SAPA)")
	StsProfiles.ProfileReport profile(@PathVariable String name) {
		return this.adapter.profile(name)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
					HttpStatus.NOT_FOUND,
					"There is no consumer profile '" + name + "'; there are " + String.join(", ", StsProfiles.NAMES)),
					null));
	}

}
