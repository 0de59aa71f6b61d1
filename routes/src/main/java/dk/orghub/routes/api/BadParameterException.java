package dk.orghub.routes.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request parameter or body field has a value the API cannot use. */
public class BadParameterException extends ErrorResponseException {

	public BadParameterException(String parameter, String message) {
		super(HttpStatus.BAD_REQUEST, ApiProblems.badRequest(List.of(ApiProblems.error(parameter, message))), null);
	}

}
