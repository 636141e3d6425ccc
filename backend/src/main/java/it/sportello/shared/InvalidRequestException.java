package it.sportello.shared;

import java.util.List;

/** A request that breaks a business rule, naming each offending field. Answered with 400. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public InvalidRequestException(List<FieldViolation> violations) {
    super("Invalid request: " + violations);
    this.violations = List.copyOf(violations);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
