package it.sportello.studio.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.studio.DecisionTestResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/** The tests shipped with the classification table pass, and a wrong expectation is named. */
class DecisionTestsTest {

  static final DmnEngine ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @Test
  void theShippedTestsOfTheClassificationTablePass() throws IOException {
    List<DecisionTestResult> results =
        DecisionTests.run(
            ENGINE,
            shipped("dmn/ticket/ticket-classification.dmn"),
            shipped("dmn/ticket/ticket-classification.tests.json"));

    assertThat(results).hasSizeGreaterThanOrEqualTo(20);
    assertThat(results).filteredOn(r -> !r.passed()).isEmpty();
  }

  @Test
  void aWrongExpectationFailsWithWhatTheTableAnswered() throws IOException {
    String tests =
        """
        {"cases": [
          {"name": "PEC", "inputs": {"ticketType": "Q", "channel": "PEC"},
           "expected": {"queue": "privacy", "priority": 2}},
          {"name": "voicemail", "inputs": {"channel": "VOICEMAIL"},
           "expected": {"slaPolicy": "VOICEMAIL"}}
        ]}
        """;

    List<DecisionTestResult> results =
        DecisionTests.run(ENGINE, shipped("dmn/ticket/ticket-classification.dmn"), tests);

    assertThat(results).extracting(DecisionTestResult::passed).containsExactly(false, true);
    assertThat(results.get(0).message()).isEqualTo("queue = general (expected \"privacy\")");
  }

  @Test
  void testsThatAreNotJsonAreRefusedWithAReason() throws IOException {
    String dmn = shipped("dmn/ticket/ticket-classification.dmn");
    assertThatThrownBy(() -> DecisionTests.run(ENGINE, dmn, "{cases"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> DecisionTests.run(ENGINE, dmn, "{}")).hasMessageContaining("cases");
  }

  private static String shipped(String path) throws IOException {
    try (InputStream in = DecisionTestsTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
