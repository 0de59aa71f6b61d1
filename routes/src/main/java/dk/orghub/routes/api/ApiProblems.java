package dk.orghub.routes.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import dk.orghub.core.store.InvariantViolationException;
import dk.orghub.core.store.Violation;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors as RFC 7807 problem details: 400 naming each bad parameter (property
 * {@code errors}: parameter and message), 404 for unknown objects, 422 for a change set
 * the store rejected (property {@code violations}: type, uuid, userKey, rule, message).
 * Request bodies are never echoed.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	/**
	 * 403: the role or the units of the login do not allow what was asked (decided by
	 * {@code SensitiveReads} and {@code EditScope}); answered here, so that the audit
	 * records the refusal as 403.
	 */
	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail accessDenied(AccessDeniedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setTitle("Not allowed");
		return problem;
	}

	/** 422: a change the model's rules reject; nothing was stored. */
	@ExceptionHandler(InvariantViolationException.class)
	ProblemDetail invariantViolation(InvariantViolationException ex) {
		List<Violation> violations = ex.violations();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "The change breaks "
				+ violations.size() + ((violations.size() == 1) ? " rule" : " rules")
				+ " of the model; nothing was stored: "
				+ violations.stream().map(v -> v.rule() + " (" + v.message() + ")").collect(Collectors.joining("; ")));
		problem.setTitle("Change rejected");
		List<Map<String, Object>> list = new ArrayList<>();
		for (Violation violation : violations) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("type", (violation.type() != null) ? violation.type().collection() : null);
			entry.put("uuid", violation.uuid());
			entry.put("userKey", violation.userKey());
			entry.put("rule", violation.rule());
			entry.put("message", violation.message());
			list.add(entry);
		}
		problem.setProperty("violations", list);
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		return respond(List.of(error(name, notA(ex.getValue(), ex.getRequiredType()))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(List.of(error(ex.getParameterName(), "is required")));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (ObjectError error : ex.getBindingResult().getAllErrors()) {
			if (error instanceof FieldError field) {
				String message = field.isBindingFailure()
						? notA(field.getRejectedValue(), ex.getBindingResult().getFieldType(field.getField()))
						: field.getDefaultMessage();
				errors.add(error(field.getField(), message));
			}
			else {
				errors.add(error(error.getObjectName(), error.getDefaultMessage()));
			}
		}
		return respond(errors);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(error(name, error.getDefaultMessage()));
			}
		});
		return respond(errors);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map(ref -> (ref.getFieldName() != null) ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."));
			Class<?> type = (mapping instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException format)
					? format.getTargetType() : null;
			return respond(List.of(error(field, (type != null) ? "is not " + expected(type) : "cannot be read")));
		}
		return respond(List.of(error("body", "is not a readable JSON document")));
	}

	static ProblemDetail badRequest(List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.stream()
					.map(e -> "Invalid parameter '" + e.get("parameter") + "': " + e.get("message"))
					.collect(Collectors.joining("; ")));
		problem.setProperty("errors", errors);
		return problem;
	}

	private static ResponseEntity<Object> respond(List<Map<String, String>> errors) {
		return ResponseEntity.badRequest().body(badRequest(errors));
	}

	static Map<String, String> error(String parameter, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("parameter", parameter);
		error.put("message", (message != null) ? message : "is not valid");
		return error;
	}

	private static String notA(@Nullable Object value, @Nullable Class<?> type) {
		String shown = (value != null) ? "'" + value + "'" : "the value";
		return shown + " is not " + expected(type);
	}

	private static String expected(@Nullable Class<?> type) {
		if (type == null) {
			return "valid";
		}
		if (LocalDate.class.equals(type)) {
			return "an ISO date such as 2025-03-01";
		}
		if (Instant.class.equals(type)) {
			return "an ISO instant such as 2025-03-01T12:00:00Z";
		}
		if (UUID.class.equals(type)) {
			return "a UUID";
		}
		if (Boolean.class.equals(type) || boolean.class.equals(type)) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a whole number";
		}
		return "a valid " + type.getSimpleName();
	}

}
