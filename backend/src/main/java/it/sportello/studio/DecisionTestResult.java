package it.sportello.studio;

/**
 * One case of a decision table's tests (sample inputs and the outputs expected), as it ran.
 *
 * @param message what the table answered instead, null when it passed
 */
public record DecisionTestResult(String name, boolean passed, String message) {}
