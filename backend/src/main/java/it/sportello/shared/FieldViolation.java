package it.sportello.shared;

/**
 * One invalid field of a request: its JSON path (e.g. {@code requester.email}) and what is wrong
 * with it.
 */
public record FieldViolation(String field, String message) {}
