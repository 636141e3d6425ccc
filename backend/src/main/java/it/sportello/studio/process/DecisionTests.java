package it.sportello.studio.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.studio.DecisionTestResult;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;

/**
 * A decision table's tests: sample inputs and the outputs expected, kept with the table as {@code
 * <decision>.tests.json}:
 *
 * <pre>{@code
 * {"decision": "ticket-classification",
 *  "cases": [{"name": "PEC has legal weight",
 *             "inputs": {"ticketType": "Q", "channel": "PEC"},
 *             "expected": {"queue": "general", "priority": 2}}]}
 * }</pre>
 *
 * {@code decision} may be left out (the table's first decision); an input left out is null; only
 * the outputs named in {@code expected} are compared, with those of the first matching rule, and
 * {@code "expected": null} says that no rule matches.
 */
final class DecisionTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DecisionTests() {}

  static List<DecisionTestResult> run(DmnEngine engine, String dmn, String tests) {
    JsonNode root;
    try {
      root = JSON.readTree(tests);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the tests are not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.path("cases").isArray()) {
      throw new IllegalArgumentException("the tests need a list \"cases\"");
    }
    List<DmnDecision> decisions =
        engine.parseDecisions(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
    String key = root.path("decision").asText("");
    DmnDecision decision =
        decisions.stream()
            .filter(d -> key.isEmpty() || d.getKey().equals(key))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("the table has no decision '" + key + "'"));
    List<DecisionTestResult> results = new ArrayList<>();
    int n = 0;
    for (JsonNode testCase : root.path("cases")) {
      n++;
      String name = testCase.path("name").asText("case " + n);
      Map<String, Object> inputs = new LinkedHashMap<>();
      if (testCase.path("inputs").isObject()) {
        inputs.putAll(JSON.convertValue(testCase.path("inputs"), new TypeReference<>() {}));
      }
      for (String input : inputNames(decision)) {
        inputs.putIfAbsent(input, null);
      }
      DmnDecisionResultEntries first;
      try {
        first = engine.evaluateDecision(decision, inputs).getFirstResult();
      } catch (RuntimeException e) {
        results.add(new DecisionTestResult(name, false, "the table failed: " + e.getMessage()));
        continue;
      }
      results.add(compare(name, testCase.get("expected"), first));
    }
    return results;
  }

  /** The variables the table's inputs read: a case that leaves one out gives it as null. */
  private static List<String> inputNames(DmnDecision decision) {
    List<String> names = new ArrayList<>();
    if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
      for (DmnDecisionTableInputImpl input : table.getInputs()) {
        String expression =
            input.getExpression() == null ? null : input.getExpression().getExpression();
        if (expression != null && expression.strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
          names.add(expression.strip());
        }
      }
    }
    return names;
  }

  private static DecisionTestResult compare(
      String name, JsonNode expected, DmnDecisionResultEntries first) {
    if (expected == null || expected.isNull()) {
      return first == null
          ? new DecisionTestResult(name, true, null)
          : new DecisionTestResult(name, false, "expected no rule to match, got " + first);
    }
    if (first == null) {
      return new DecisionTestResult(name, false, "no rule matched");
    }
    List<String> differences = new ArrayList<>();
    expected
        .fields()
        .forEachRemaining(
            output -> {
              Object actual = first.get(output.getKey());
              if (!same(output.getValue(), actual)) {
                differences.add(
                    output.getKey() + " = " + actual + " (expected " + output.getValue() + ")");
              }
            });
    return differences.isEmpty()
        ? new DecisionTestResult(name, true, null)
        : new DecisionTestResult(name, false, String.join(", ", differences));
  }

  private static boolean same(JsonNode expected, Object actual) {
    if (expected.isNull()) {
      return actual == null;
    }
    if (actual == null) {
      return false;
    }
    if (expected.isNumber() && actual instanceof Number number) {
      return expected.decimalValue().compareTo(new BigDecimal(number.toString())) == 0;
    }
    return expected.asText().equals(String.valueOf(actual));
  }
}
