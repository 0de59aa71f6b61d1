package dk.orghub.routes.sts;

import dk.orghub.adapters.sts.StsPublisher;
import dk.orghub.adapters.sts.StsReconciler;
import dk.orghub.core.spi.AdapterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The STS Organisation target for operators: a full publish and a reconcile on demand
 * (role operate; both run the routes {@value StsRoutes#PUBLISH} and
 * {@value StsRoutes#RECONCILE} and answer when done), and its status (role read).
 */
@RestController
@ConditionalOnProperty(prefix = "hub.targets.sts", name = "base-url")
@RequestMapping("/api/v1/targets/sts")
@Tag(name = "STS Organisation", description = "Publishing to STS Organisation: status, full publish, reconcile.")
class StsController {

	private final ProducerTemplate producer;

	private final StsOperations operations;

	StsController(ProducerTemplate producer, StsOperations operations) {
		this.producer = producer;
		this.operations = operations;
	}

	@GetMapping("/status")
	@Operation(summary = "The last outbox drain, full publish and reconcile, the outbox backlog and the quarantine")
	StsOperations.Status status() {
		return this.operations.status();
	}

	@PostMapping("/publish")
	@Operation(summary = "Publishes everything that differs from what was last sent; answers when done")
	StsPublisher.Report publish() {
		return call(StsRoutes.PUBLISH_URI, StsPublisher.Report.class);
	}

	@PostMapping("/reconcile")
	@Operation(summary = "Reads what STS Organisation holds, corrects drift; answers when done")
	StsReconciler.Result reconcile() {
		return call(StsRoutes.RECONCILE_URI, StsReconciler.Result.class);
	}

	private <T> T call(String uri, Class<T> type) {
		try {
			return this.producer.requestBody(uri, null, type);
		}
		catch (CamelExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			HttpStatus status = (cause instanceof AdapterException adapter && adapter.isTemporary())
					? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
			throw new ErrorResponseException(status,
					ProblemDetail.forStatusAndDetail(status, "STS Organisation: " + cause.getMessage()), cause);
		}
	}

}
