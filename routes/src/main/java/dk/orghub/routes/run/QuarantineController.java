package dk.orghub.routes.run;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dk.orghub.core.store.Page;
import dk.orghub.routes.quarantine.QuarantineEntry;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.sync.Sync;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Objects that failed, with the reason; retry one or all. */
@RestController
@RequestMapping("/api/v1/quarantine")
@Tag(name = "quarantine", description = "Objects a sync could not write, with the reason; retry them.")
class QuarantineController {

	private final QuarantineRepository quarantine;

	private final SyncRunner runner;

	QuarantineController(QuarantineRepository quarantine, SyncRunner runner) {
		this.quarantine = quarantine;
		this.runner = runner;
	}

	@GetMapping
	@Operation(summary = "Objects in quarantine, newest first (all=true adds the resolved ones)")
	Page<QuarantineEntry> list(@RequestParam(required = false) String sync,
			@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") @Min(0) int offset,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.quarantine.list(sync, all, offset, limit);
	}

	@PostMapping("/{id}/retry")
	@Operation(summary = "Retry one object: reads its sync again and writes only that object")
	ResponseEntity<Run> retry(@PathVariable long id, Principal user) {
		QuarantineEntry entry = this.quarantine.find(id)
			.orElseThrow(() -> new SyncException(SyncException.Reason.NOT_FOUND, "There is no quarantine entry " + id));
		if (!entry.open()) {
			throw new SyncException(SyncException.Reason.CONFLICT,
					"Quarantine entry " + id + " was resolved by run " + entry.resolvedByRun());
		}
		Run run = this.runner.retry(entry.sync(), Set.of(entry.uuid()), name(user));
		return ResponseEntity.accepted().location(URI.create("/api/v1/runs/" + run.id())).body(run);
	}

	@PostMapping("/retry")
	@Operation(summary = "Retry every object in quarantine (of one sync, or of all): one run per sync")
	ResponseEntity<List<Run>> retryAll(@RequestParam(required = false) String sync, Principal user) {
		List<Run> started = new ArrayList<>();
		for (Sync s : this.runner.registry().all()) {
			if (sync != null && !s.name().equals(sync)) {
				continue;
			}
			List<java.util.UUID> open = this.quarantine.openObjects(s.name());
			if (!open.isEmpty()) {
				started.add(this.runner.retry(s.name(), Set.copyOf(open), name(user)));
			}
		}
		if (sync != null && started.isEmpty()) {
			this.runner.sync(sync);
		}
		return ResponseEntity.accepted().body(started);
	}

	private static String name(Principal user) {
		return (user != null) ? user.getName() : "anonymous";
	}

}
