package it.sportello.studio;

import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import java.util.List;

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

  /**
   * Refuses a model with problems: 400 naming {@code content}, one violation a problem (prefixed by
   * its element's id where it has one).
   *
   * @throws InvalidRequestException when {@code problems} is not empty
   */
  static void refuse(List<ModelProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(
          problems.stream()
              .map(
                  problem ->
                      new FieldViolation(
                          "content",
                          (problem.elementId() == null ? "" : problem.elementId() + ": ")
                              + problem.message()))
              .toList());
    }
  }
}
