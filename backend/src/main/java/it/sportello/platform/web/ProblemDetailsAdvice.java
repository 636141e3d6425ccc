package it.sportello.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import it.sportello.shared.ConflictException;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.ForbiddenException;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.TooLargeException;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API leaves as RFC 9457 problem details; invalid input lists each field in
 * {@code errors} ({@code [{"field": "subject", "message": "must not be blank"}]}).
 */
@RestControllerAdvice(basePackages = "it.sportello")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldViolation> violations =
        exception.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldViolation(error.getField(), error.getDefaultMessage()))
            .toList();
    return ResponseEntity.badRequest().body(invalid(violations));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (exception.getCause() instanceof JsonMappingException mapping
        && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  reference ->
                      reference.getFieldName() != null
                          ? reference.getFieldName()
                          : "[" + reference.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      return ResponseEntity.badRequest()
          .body(invalid(List.of(new FieldViolation(field, describe(mapping)))));
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
    problem.setTitle("Malformed request");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalidRequest(InvalidRequestException exception) {
    return invalid(exception.violations());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException exception) {
    return invalid(
        exception.getConstraintViolations().stream()
            .map(
                violation ->
                    new FieldViolation(
                        leaf(violation.getPropertyPath().toString()), violation.getMessage()))
            .toList());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, exception.getMessage());
    problem.setTitle("Forbidden");
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException exception) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatusCode.valueOf(exception.status()), exception.getMessage());
  }

  @ExceptionHandler(TooLargeException.class)
  ProblemDetail tooLarge(TooLargeException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, exception.getMessage());
    problem.setTitle("Content too large");
    problem.setProperty("maxBytes", exception.maxBytes());
    return problem;
  }

  @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
  ProblemDetail concurrentChange(ObjectOptimisticLockingFailureException exception) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.CONFLICT,
        "Someone else changed this resource at the same time. Reload it and try again.");
  }

  /**
   * Anything unexpected: logged with its stack trace, answered without internals. The database out
   * of reach is not a bug: 503 with {@code Retry-After}, logged in one line.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception exception) throws Exception {
    if (exception instanceof AccessDeniedException
        || exception instanceof AuthenticationException) {
      throw exception;
    }
    if (DatabaseUnavailable.poolExhausted(exception)) {
      log.warn("Database connection pool busy: {}", exception.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .headers(DatabaseUnavailable.busyHeaders())
          .body(DatabaseUnavailable.busy());
    }
    if (DatabaseUnavailable.causedBy(exception)) {
      log.warn("Database unavailable: {}", exception.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .headers(DatabaseUnavailable.headers())
          .body(DatabaseUnavailable.problem());
    }
    log.error("Unexpected error", exception);
    return ResponseEntity.internalServerError()
        .body(
            ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged."));
  }

  static ProblemDetail invalid(List<FieldViolation> violations) {
    List<FieldViolation> sorted =
        violations.stream().sorted(Comparator.comparing(FieldViolation::field)).toList();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            sorted.size() == 1 ? "One field is invalid." : sorted.size() + " fields are invalid.");
    problem.setTitle("Invalid request");
    problem.setProperty("errors", sorted);
    return problem;
  }

  private static String describe(JsonMappingException mapping) {
    if (mapping instanceof NulCharacters.NulCharacterException) {
      return NulCharacters.MESSAGE;
    }
    if (mapping instanceof InvalidFormatException format
        && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      return "must be one of "
          + Arrays.stream(format.getTargetType().getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (mapping instanceof InvalidFormatException format) {
      return "has an invalid value '" + format.getValue() + "'";
    }
    return "has an invalid type or format";
  }

  /**
   * {@code open.command.subject} → {@code subject}: the method and parameter names mean nothing to
   * the caller.
   */
  private static String leaf(String path) {
    int parameterEnd = path.indexOf('.', path.indexOf('.') + 1);
    return parameterEnd < 0 ? path : path.substring(parameterEnd + 1);
  }
}
