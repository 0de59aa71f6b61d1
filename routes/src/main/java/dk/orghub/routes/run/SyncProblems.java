package dk.orghub.routes.run;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 404 and 409 problem details for syncs, runs and the quarantine. */
@RestControllerAdvice
public class SyncProblems {

	@ExceptionHandler(SyncException.class)
	ProblemDetail refused(SyncException ex) {
		return of(ex);
	}

	static ProblemDetail of(SyncException ex) {
		HttpStatus status = (ex.reason() == SyncException.Reason.NOT_FOUND) ? HttpStatus.NOT_FOUND
				: HttpStatus.CONFLICT;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle((status == HttpStatus.NOT_FOUND) ? "Not found" : "Not possible now");
		return problem;
	}

}
