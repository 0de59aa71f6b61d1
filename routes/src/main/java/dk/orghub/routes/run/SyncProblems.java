package dk.orghub.routes.run;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 404, 409 and 503 (with Retry-After) problem details for syncs, runs and the quarantine.
 */
@RestControllerAdvice
public class SyncProblems {

	@ExceptionHandler(SyncException.class)
	ResponseEntity<ProblemDetail> refused(SyncException ex) {
		ProblemDetail problem = of(ex);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
		if (ex.reason() == SyncException.Reason.UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, "5");
		}
		return response.body(problem);
	}

	static ProblemDetail of(SyncException ex) {
		HttpStatus status = switch (ex.reason()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle((status == HttpStatus.NOT_FOUND) ? "Not found" : "Not possible now");
		return problem;
	}

}
