package dk.orghub.routes.run;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dk.orghub.core.spi.ConnectionTestable;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.sync.Sync;
import dk.orghub.routes.sync.SyncKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The syncs: their schedules and state; run, preview, pause, resume. */
@RestController
@RequestMapping("/api/v1/syncs")
@Tag(name = "syncs", description = "Imports and publishes: schedules, state, run now, preview, pause, resume.")
class SyncController {

	private static final int LAST_RUNS = 10;

	private final SyncRunner runner;

	private final RunRepository runs;

	private final QuarantineRepository quarantine;

	private final Clock clock;

	SyncController(SyncRunner runner, RunRepository runs, QuarantineRepository quarantine, Clock clock) {
		this.runner = runner;
		this.runs = runs;
		this.quarantine = quarantine;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Every sync with its schedule, next runs, state and last runs")
	List<SyncJson> list() {
		return this.runner.registry().all().stream().map(this::json).toList();
	}

	@GetMapping("/{name}")
	@Operation(summary = "One sync")
	SyncJson get(@PathVariable String name) {
		return json(this.runner.sync(name));
	}

	@PostMapping("/{name}/run")
	@Operation(summary = "Run now, or with preview=true compute and show the changes without making them",
			description = "Starts the run and answers 202 with it; follow Location to see it finish. 409 when the "
					+ "sync is running.")
	ResponseEntity<Run> run(@PathVariable String name, @RequestParam(defaultValue = "false") boolean preview,
			Principal user) {
		Run run = this.runner.start(name, Trigger.MANUAL, Users.name(user), preview);
		return ResponseEntity.accepted().location(URI.create("/api/v1/runs/" + run.id())).body(run);
	}

	@PostMapping("/{name}/pause")
	@Operation(summary = "Pause the schedule (on every instance); run-now still works")
	SyncJson pause(@PathVariable String name, Principal user) {
		this.runner.pause(name, Users.name(user));
		return get(name);
	}

	@PostMapping("/{name}/resume")
	@Operation(summary = "Resume the schedule")
	SyncJson resume(@PathVariable String name, Principal user) {
		this.runner.resume(name, Users.name(user));
		return get(name);
	}

	@PostMapping("/{name}/retry")
	@Operation(summary = "Retry every object of the sync in quarantine")
	ResponseEntity<Run> retryAll(@PathVariable String name, Principal user) {
		this.runner.sync(name);
		Run run = this.runner.retry(name, new java.util.HashSet<>(this.quarantine.openObjects(name)), Users.name(user));
		return ResponseEntity.accepted().location(URI.create("/api/v1/runs/" + run.id())).body(run);
	}

	@PostMapping("/{name}/test-connection")
	@Operation(summary = "Test the connection of the sync's adapter (bind, read, ...)",
			description = "For adapters that can test their connection (capability ConnectionTestable); 409 for "
					+ "others. Answers 200 with ok true, or ok false and what failed.")
	ConnectionTestJson testConnection(@PathVariable String name) {
		Sync sync = this.runner.sync(name);
		if (!(sync.adapter() instanceof ConnectionTestable testable)) {
			throw new SyncException(SyncException.Reason.CONFLICT,
					"The adapter '" + sync.adapter().name() + "' of sync '" + name + "' cannot test its connection");
		}
		long start = System.nanoTime();
		try {
			testable.testConnection();
			return new ConnectionTestJson(name, sync.adapter().name(), true, null, elapsed(start));
		}
		catch (RuntimeException ex) {
			return new ConnectionTestJson(name, sync.adapter().name(), false, ex.getMessage(), elapsed(start));
		}
	}

	private static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private SyncJson json(Sync sync) {
		Instant now = this.clock.instant();
		Run running = this.runs.runningRun(sync.lock())
			.flatMap(this.runs::find)
			.filter((run) -> run.sync().equals(sync.name()))
			.orElse(null);
		return new SyncJson(sync.name(), sync.kind(), sync.adapter().name(), sync.capabilities(),
				sync.settings().description(), sync.settings().cron(), sync.settings().timeZone().getId(),
				SyncSchedules.next(sync.settings(), now, 3), this.runs.paused(sync.name()),
				sync.settings().thresholds().enabled() ? sync.settings().thresholds().endedShare() : null, running,
				this.runs.list(sync.name(), null, 0, LAST_RUNS).items(),
				this.quarantine.list(sync.name(), false, 0, 1).total());
	}

	/**
	 * A sync as the API shows it.
	 *
	 * @param adapter the adapter's name
	 * @param nextRuns the next fire times of the schedule (none without a cron)
	 * @param endedShareLimit the safety threshold, or {@code null} when off
	 * @param running the run going on now, if any
	 * @param lastRuns the latest runs, newest first
	 * @param quarantined how many of its objects are in quarantine
	 */
	record ConnectionTestJson(String sync, String adapter, boolean ok, String message, long durationMillis) {

	}

	record SyncJson(String name, SyncKind kind, String adapter, List<String> capabilities, String description,
			String cron, String timeZone, List<Instant> nextRuns, boolean paused, Double endedShareLimit, Run running,
			List<Run> lastRuns, long quarantined) {

	}

}
