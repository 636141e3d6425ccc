package it.sportello.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * The FEEL engine that parses each expression once gives the decisions the results Camunda's own
 * gives: for every combination of the classification decision's inputs, for expressions reading
 * variables, and for expressions that do not parse.
 */
class FeelParsedOnceTest {

  private static final String CLASSIFICATION = "dmn/ticket/ticket-classification.dmn";

  private static DmnEngine engine(boolean parsedOnce) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (parsedOnce) {
      configuration.setFeelEngineFactory(new FeelParsedOnce.Factory(configuration));
    }
    return configuration.buildEngine();
  }

  private static DmnDecision classification(DmnEngine engine) throws Exception {
    try (InputStream model =
        FeelParsedOnceTest.class.getClassLoader().getResourceAsStream(CLASSIFICATION)) {
      return engine.parseDecision("ticket-classification", model);
    }
  }

  @Test
  void theClassificationDecidesAsWithCamundasEngineForEveryCombinationOfItsInputs()
      throws Exception {
    DmnEngine camunda = engine(false);
    DmnEngine parsedOnce = engine(true);
    DmnDecision expected = classification(camunda);
    DmnDecision actual = classification(parsedOnce);
    List<String> types = Arrays.asList("Q", "PQ", "A", "I", "PA", "PI", "X", null);
    List<String> topics = Arrays.asList("general", "payments", "tributi", "other", null);
    List<String> channels =
        Arrays.asList(
            "PHONE", "VOICEMAIL", "EMAIL", "PEC", "WEB", "CHAT", "CHATBOT", "API", "FAX", null);
    // no rule reads the language: one value and none
    List<String> languages = Arrays.asList("it", null);
    List<Map<String, Object>> results = new ArrayList<>();
    // twice: the second round evaluates the expressions parsed in the first
    for (int round = 0; round < 2; round++) {
      for (String type : types) {
        for (String topic : topics) {
          for (String channel : channels) {
            for (String language : languages) {
              Map<String, Object> inputs = new HashMap<>();
              inputs.put("ticketType", type);
              inputs.put("topic", topic);
              inputs.put("channel", channel);
              inputs.put("language", language);
              DmnDecisionResult want = camunda.evaluateDecision(expected, inputs);
              DmnDecisionResult got = parsedOnce.evaluateDecision(actual, inputs);
              assertThat(got.getResultList())
                  .as("inputs %s", inputs)
                  .isEqualTo(want.getResultList());
              results.add(got.getSingleResult().getEntryMap());
            }
          }
        }
      }
    }
    // every rule of the table was hit
    assertThat(results)
        .extracting(result -> result.get("queue"))
        .contains("privacy", "payments", "technical", "general");
    assertThat(results)
        .extracting(result -> result.get("slaPolicy"))
        .contains("STANDARD", "VOICEMAIL");
  }

  @Test
  void aParsedExpressionIsEvaluatedWithEachCallsVariables() {
    FeelParsedOnce.Engine feel = new FeelParsedOnce.Engine(List.of());
    for (int amount = 0; amount < 5; amount++) {
      VariableContext context =
          Variables.createVariables().putValue("amount", amount).asVariableContext();
      assertThat((Object) feel.evaluateSimpleExpression("amount * 2", context))
          .isEqualTo((long) amount * 2);
      assertThat(feel.evaluateSimpleUnaryTests("> 2", "amount", context)).isEqualTo(amount > 2);
    }
    assertThat(feel.parsing().size()).isEqualTo(2);
  }

  @Test
  void anExpressionThatDoesNotParseFailsEveryTimeAndIsNotKept() {
    FeelParsedOnce.Engine feel = new FeelParsedOnce.Engine(List.of());
    VariableContext context = Variables.createVariables().asVariableContext();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> feel.evaluateSimpleExpression("1 +* 2", context))
          .isInstanceOf(FeelException.class);
    }
    assertThat(feel.parsing().size()).isZero();
  }
}
