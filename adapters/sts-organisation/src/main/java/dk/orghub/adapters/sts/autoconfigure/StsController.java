package dk.orghub.adapters.sts.autoconfigure;

import dk.orghub.adapters.sts.StsPublisher;
import dk.orghub.adapters.sts.StsReconciler;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The STS Organisation target for operators: a full publish and a reconcile on demand
 * (role operate; both are runs of the syncs {@value StsRuns#PUBLISH} and
 * {@value StsRuns#RECONCILE}, recorded like any run, and answer with the adapter's report
 * when done), and its status (role read).
 */
@RestController
@RequestMapping("/api/v1/targets/sts")
@Tag(name = "STS Organisation", description = "Publishing to STS Organisation: status, full publish, reconcile.")
class StsController {

	private final StsRuns runs;

	private final StsOperations operations;

	StsController(StsRuns runs, StsOperations operations) {
		this.runs = runs;
		this.operations = operations;
	}

	@GetMapping("/status")
	@Operation(summary = "The last outbox drain, full publish and reconcile, the outbox backlog and the quarantine")
	StsOperations.Status status() {
		return this.operations.status();
	}

	@PostMapping("/publish")
	@Operation(summary = "Publishes everything that differs from what was last sent (a run of the sync sts-publish); "
			+ "answers when done")
	StsPublisher.Report publish(Principal user) {
		return this.runs.publish(user.getName());
	}

	@PostMapping("/reconcile")
	@Operation(summary = "Reads what STS Organisation holds, corrects drift (a run of the sync sts-reconcile); "
			+ "answers when done")
	StsReconciler.Result reconcile(Principal user) {
		return this.runs.reconcile(user.getName());
	}

}
