package dk.orghub.routes.run;

import java.security.Principal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Runs: their counts and change logs; approve or reject one awaiting approval. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "runs", description = "Runs of the syncs with counts and per-object changes; approval.")
class RunController {

	private final SyncRunner runner;

	private final RunRepository runs;

	RunController(SyncRunner runner, RunRepository runs) {
		this.runner = runner;
		this.runs = runs;
	}

	@GetMapping("/runs")
	@Operation(summary = "Runs, newest first")
	Page<Run> list(@RequestParam(required = false) String sync, @RequestParam(required = false) RunStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int offset,
			@RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
		return this.runs.list(sync, status, offset, limit);
	}

	@GetMapping("/runs/{id}")
	@Operation(summary = "A run with its counts and the first changes of its log")
	RunJson get(@PathVariable long id, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		Run run = find(id);
		return new RunJson(run, this.runs.changes(id, null, 0, limit));
	}

	@GetMapping("/runs/{id}/changes")
	@Operation(summary = "A run's log: one line per object with old and new values per validity interval")
	Page<RunChange> changes(@PathVariable long id,
			@Parameter(description = "CREATED, CHANGED or ENDED") @RequestParam(
					required = false) ObjectChange.Kind kind,
			@RequestParam(defaultValue = "0") @Min(0) int offset,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		find(id);
		return this.runs.changes(id, kind, offset, limit);
	}

	@GetMapping("/changes")
	@Operation(summary = "Every logged change of one object, newest first",
			description = "object: the object's UUID or user key")
	Page<RunChange> changesOf(@RequestParam @NotBlank String object,
			@RequestParam(defaultValue = "0") @Min(0) int offset,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.runs.changesOf(object, offset, limit);
	}

	@PostMapping("/runs/{id}/approve")
	@Operation(summary = "Approve a run awaiting approval: re-plans and applies when the plan is unchanged")
	Run approve(@PathVariable long id, Principal user) {
		return this.runner.approve(id, Users.name(user));
	}

	@PostMapping("/runs/{id}/reject")
	@Operation(summary = "Reject a run awaiting approval; nothing is written")
	Run reject(@PathVariable long id, Principal user) {
		return this.runner.reject(id, Users.name(user));
	}

	private Run find(long id) {
		return this.runs.find(id)
			.orElseThrow(() -> new SyncException(SyncException.Reason.NOT_FOUND, "There is no run " + id));
	}

	/** A run and the first page of its log. */
	record RunJson(@JsonUnwrapped Run run, Page<RunChange> changes) {

	}

}
