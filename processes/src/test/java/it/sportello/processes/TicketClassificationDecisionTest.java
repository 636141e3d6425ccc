package it.sportello.processes;

import static it.sportello.processes.TicketProcess.CLASSIFICATION_DECISION_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.processes.TicketProcess.Variables;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classification table on its own: which queue, priority and SLA policy a new ticket gets, and
 * which rule decided it (read back from the decision history).
 */
@Deployment(resources = TicketClassificationDecisionTest.DMN)
class TicketClassificationDecisionTest {

  static final String DMN = "dmn/ticket/ticket-classification.dmn";

  /**
   * One row per case, {@code -} is null. Together the rows hit every rule of the table (checked by
   * {@link #theCasesCoverEveryRuleOfTheTable()}).
   */
  private static final String CASES =
      """
      ticketType, topic,     channel, language, rule,          queue,     priority, slaPolicy
      PQ,         -,         EMAIL,   it,       rule_privacy,  privacy,   2,        STANDARD
      PA,         payments,  WEB,     en,       rule_privacy,  privacy,   2,        STANDARD
      PI,         tributi,   PEC,     de,       rule_privacy,  privacy,   2,        STANDARD
      PI,         -,         WEB,     it,       rule_privacy,  privacy,   2,        STANDARD
      Q,          payments,  PHONE,   it,       rule_payments, payments,  3,        STANDARD
      A,          payments,  PEC,     en,       rule_payments, payments,  3,        STANDARD
      I,          payments,  WEB,     de,       rule_payments, payments,  3,        STANDARD
      Q,          tributi,   WEB,     it,       rule_payments, payments,  3,        STANDARD
      A,          tributi,   PEC,     de,       rule_payments, payments,  3,        STANDARD
      I,          -,         WEB,     it,       rule_webIssue, technical, 2,        STANDARD
      I,          anagrafe,  WEB,     en,       rule_webIssue, technical, 2,        STANDARD
      I,          -,         EMAIL,   de,       rule_issue,    technical, 3,        STANDARD
      I,          -,         PEC,     it,       rule_issue,    technical, 3,        STANDARD
      Q,          -,         PEC,     it,       rule_pec,      general,   2,        STANDARD
      A,          anagrafe,  PEC,     de,       rule_pec,      general,   2,        STANDARD
      Q,          -,         VOICEMAIL, it,     rule_voicemail, general,  3,        VOICEMAIL
      A,          anagrafe,  VOICEMAIL, en,     rule_voicemail, general,  3,        VOICEMAIL
      Q,          -,         WEB,     en,       rule_default,  general,   3,        STANDARD
      A,          sociale,   PHONE,   de,       rule_default,  general,   3,        STANDARD
      Q,          -,         EMAIL,   it,       rule_default,  general,   3,        STANDARD
      """;

  @RegisterExtension static ProcessEngineExtension extension = InMemoryEngine.extension();

  @ParameterizedTest(name = "[{index}] {arguments}")
  @CsvSource(textBlock = CASES, useHeadersInDisplayName = true, nullValues = "-")
  void classifies(
      String ticketType,
      String topic,
      String channel,
      String language,
      String rule,
      String queue,
      int priority,
      String slaPolicy) {
    DmnDecisionTableResult result =
        extension
            .getDecisionService()
            .evaluateDecisionTableByKey(
                CLASSIFICATION_DECISION_KEY, inputs(ticketType, topic, channel, language));

    assertThat(result).as("exactly one rule decides (hit policy FIRST)").hasSize(1);
    Map<String, Object> outputs = result.getSingleResult().getEntryMap();
    assertThat(outputs)
        .as("outputs of %s", CLASSIFICATION_DECISION_KEY)
        .containsOnly(
            Map.entry("queue", queue),
            Map.entry("priority", priority),
            Map.entry("slaPolicy", slaPolicy));
    assertThat(matchedRules()).as("rule that decided").containsExactly(rule);
  }

  @Test
  void theFirstMatchingRuleWinsSoPrivacyBeatsThePaymentsTopic() {
    DecisionTable table = deployedTable();
    assertThat(table.getHitPolicy())
        .as("hit policy of %s", CLASSIFICATION_DECISION_KEY)
        .isEqualTo(HitPolicy.FIRST);

    Map<String, Object> privacyAboutPayments =
        extension
            .getDecisionService()
            .evaluateDecisionByKey(CLASSIFICATION_DECISION_KEY)
            .variables(inputs("PQ", "payments", "WEB", "it"))
            .evaluate()
            .getSingleResult()
            .getEntryMap();
    assertThat(privacyAboutPayments)
        .as("a privacy question about payments matches both rules: the first wins")
        .containsEntry("queue", "privacy")
        .containsEntry("priority", 2);
    assertThat(matchedRules())
        .as("rule that decided the privacy question about payments")
        .containsExactly("rule_privacy");

    Map<String, Object> payments =
        extension
            .getDecisionService()
            .evaluateDecisionByKey(CLASSIFICATION_DECISION_KEY)
            .variables(inputs("Q", "payments", "WEB", "it"))
            .evaluate()
            .getSingleResult()
            .getEntryMap();
    assertThat(payments)
        .as("the same question without the privacy type goes to the payments rule")
        .containsEntry("queue", "payments")
        .containsEntry("priority", 3);
    assertThat(matchedRules())
        .as("rules that decided both evaluations")
        .containsExactlyInAnyOrder("rule_privacy", "rule_payments");
  }

  @Test
  void theCasesCoverEveryRuleOfTheTable() throws Exception {
    Set<String> ruleIds;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(DMN)) {
      ruleIds =
          Dmn.readModelFromStream(in).getModelElementsByType(Rule.class).stream()
              .map(Rule::getId)
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> coveredRules =
        CASES
            .lines()
            .skip(1)
            .map(line -> line.split(",")[4].trim())
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(ruleIds).as("rules of %s", DMN).isNotEmpty();
    assertThat(coveredRules).as("rules exercised by the cases of classifies()").isEqualTo(ruleIds);
  }

  @Test
  void theDecisionHasAHistoryTimeToLive() {
    DecisionDefinition definition = deployedDefinition();

    assertThat(definition.getHistoryTimeToLive())
        .as("historyTimeToLive of decision %s", CLASSIFICATION_DECISION_KEY)
        .isNotNull()
        .isPositive();
  }

  private static VariableMap inputs(
      String ticketType, String topic, String channel, String language) {
    return org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValue(Variables.TICKET_TYPE, ticketType)
        .putValue(Variables.TOPIC, topic)
        .putValue(Variables.CHANNEL, channel)
        .putValue(Variables.LANGUAGE, language);
  }

  private static DecisionDefinition deployedDefinition() {
    return extension
        .getRepositoryService()
        .createDecisionDefinitionQuery()
        .decisionDefinitionKey(CLASSIFICATION_DECISION_KEY)
        .latestVersion()
        .singleResult();
  }

  private static DecisionTable deployedTable() {
    return extension
        .getRepositoryService()
        .getDmnModelInstance(deployedDefinition().getId())
        .getModelElementsByType(DecisionTable.class)
        .iterator()
        .next();
  }

  /** Ids of the rules that decided the evaluations of this test's deployment. */
  private static java.util.List<String> matchedRules() {
    return extension
        .getHistoryService()
        .createHistoricDecisionInstanceQuery()
        .decisionDefinitionId(deployedDefinition().getId())
        .includeOutputs()
        .list()
        .stream()
        .map(TicketClassificationDecisionTest::ruleOf)
        .toList();
  }

  private static String ruleOf(HistoricDecisionInstance instance) {
    Set<String> rules =
        instance.getOutputs().stream()
            .map(HistoricDecisionOutputInstance::getRuleId)
            .collect(Collectors.toSet());
    assertThat(rules).as("outputs of one evaluation come from one rule").hasSize(1);
    return rules.iterator().next();
  }
}
