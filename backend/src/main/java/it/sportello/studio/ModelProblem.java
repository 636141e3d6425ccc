package it.sportello.studio;

/**
 * A problem found in a model before it runs, on the element it concerns ({@code elementId} null
 * when it concerns the whole model).
 *
 * @param source which check found it: {@code ENGINE} (the engine's parse and its model-safety
 *     listener), {@code RULES} (the house rules of {@code processes/}), {@code FORMS} (a form key
 *     no form provides), {@code DECISIONS} (a decision no draft or deployment provides), {@code
 *     TESTS} (a decision table's test that fails)
 */
public record ModelProblem(String elementId, String message, String source) {
  public static final String ENGINE = "ENGINE";
  public static final String RULES = "RULES";
  public static final String FORMS = "FORMS";
  public static final String DECISIONS = "DECISIONS";
  public static final String TESTS = "TESTS";
}
