package dk.orghub.routes.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The settings the organisation pages ({@code static/organisation.html}) read when they
 * load.
 */
@RestController
@RequestMapping("/api/v1/ui")
@Tag(name = "dashboard", description = "Consumer profile readiness and links for the dashboard.")
class UiController {

	private final UiProperties properties;

	UiController(UiProperties properties) {
		this.properties = properties;
	}

	@GetMapping
	@Operation(summary = "The settings of the organisation pages: their language (hub.ui.language)")
	Settings settings() {
		return new Settings(this.properties.language().code());
	}

	record Settings(String language) {

	}

}
