package dk.orghub.routes.dashboard;

import dk.orghub.core.spi.ProfileReadiness;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the dashboard shows besides syncs, runs and the quarantine: the consumer profiles'
 * readiness and where the Camel console and the metrics are. The page itself is static
 * ({@code static/index.html}, {@code dashboard.js}, {@code dashboard.css}).
 */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "dashboard", description = "Consumer profile readiness and links for the dashboard.")
class DashboardController {

	private final ObjectProvider<ProfileReadiness> readiness;

	DashboardController(ObjectProvider<ProfileReadiness> readiness) {
		this.readiness = readiness;
	}

	@GetMapping
	@Operation(summary = "Consumer profile readiness (KY, KSD, SAPA) and links to the Camel console and metrics")
	Overview overview() {
		ProfileReadiness profiles = this.readiness.getIfAvailable();
		return new Overview(profiles != null, (profiles != null) ? profiles.profiles() : List.of(), (profiles != null)
				? null
				: "The readiness of KY, KSD and SAPA appears here when the STS Organisation adapter is installed.",
				new Links("/actuator/hawtio", "/actuator/prometheus", "/swagger-ui/index.html"));
	}

	record Overview(boolean profilesAvailable, List<ProfileReadiness.Profile> profiles, String profilesMessage,
			Links links) {

	}

	record Links(String camelConsole, String prometheus, String apiDocs) {

	}

}
