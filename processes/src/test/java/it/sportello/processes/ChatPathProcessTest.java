package it.sportello.processes;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import it.sportello.processes.ChatPathProcesses.Variables;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three shipped guided paths of the chatbot: every question is a task of the bot's group with
 * its form deployed alongside, the answers branch, and each ending carries the {@code chatEnd} the
 * chat acts on.
 */
@Deployment(
    resources = {
      "bpmn/chat/chat-path-tari.bpmn",
      "bpmn/chat/chat-path-residence.bpmn",
      "bpmn/chat/chat-path-address.bpmn",
      "forms/chat/chat-tari-method.form",
      "forms/chat/chat-tari-date.form",
      "forms/chat/chat-tari-receipt.form",
      "forms/chat/chat-tari-notice.form",
      "forms/chat/chat-residence-for.form",
      "forms/chat/chat-residence-identity.form",
      "forms/chat/chat-address-move.form",
      "forms/chat/chat-address-date.form",
      "forms/chat/chat-address-people.form"
    })
class ChatPathProcessTest {

  @RegisterExtension static ProcessEngineExtension extension = InMemoryEngine.extension();

  @BeforeEach
  void setUp() {
    init(extension.getProcessEngine());
  }

  // --- TARI payment not registered ---

  @Test
  void tariWithTheReceiptAsksTheNoticeCodeAndHandsOver() {
    ProcessInstance path = start(ChatPathProcesses.TARI);
    answer(path, "userTask_askPaymentMethod", "chat-tari-method", "paymentMethod", "PAGOPA");
    answer(path, "userTask_askPaymentDate", "chat-tari-date", "paymentDate", "2026-05-31");
    answer(path, "userTask_askReceipt", "chat-tari-receipt", "hasReceipt", true);
    answer(path, "userTask_askNoticeCode", "chat-tari-notice", "noticeCode", "301000000012345678");

    assertThat(path).isEnded().hasPassed("endEvent_handedOver");
    Assertions.assertThat(ending(path, "endEvent_handedOver")).isEqualTo("HANDOFF");
    assertThat(path).variables().containsEntry("noticeCode", "301000000012345678");
  }

  @Test
  void tariWithoutTheReceiptExplainsHowToGetIt() {
    ProcessInstance path = start(ChatPathProcesses.TARI);
    answer(path, "userTask_askPaymentMethod", "chat-tari-method", "paymentMethod", "F24");
    answer(path, "userTask_askPaymentDate", "chat-tari-date", "paymentDate", "2026-05-31");
    answer(path, "userTask_askReceipt", "chat-tari-receipt", "hasReceipt", false);

    assertThat(path)
        .isEnded()
        .hasPassed("endEvent_receiptExplained")
        .hasNotPassed("userTask_askNoticeCode");
    Assertions.assertThat(ending(path, "endEvent_receiptExplained")).isEqualTo("ANSWER");
  }

  @Test
  void tariByDirectDebitIsAnsweredAtOnce() {
    ProcessInstance path = start(ChatPathProcesses.TARI);
    answer(path, "userTask_askPaymentMethod", "chat-tari-method", "paymentMethod", "DIRECT_DEBIT");

    assertThat(path)
        .isEnded()
        .hasPassed("endEvent_directDebitAnswered")
        .hasNotPassed("userTask_askPaymentDate");
  }

  // --- residence certificate ---

  @Test
  void residenceForOneselfWithSpidPointsToTheOnlineCertificate() {
    ProcessInstance path = start(ChatPathProcesses.RESIDENCE);
    answer(path, "userTask_askCertificateFor", "chat-residence-for", "certificateFor", "SELF");
    answer(
        path, "userTask_askDigitalIdentity", "chat-residence-identity", "hasDigitalIdentity", true);

    assertThat(path).isEnded().hasPassed("endEvent_onlineExplained");
    Assertions.assertThat(ending(path, "endEvent_onlineExplained")).isEqualTo("ANSWER");
  }

  @Test
  void residenceWithoutDigitalIdentityOpensATicket() {
    ProcessInstance path = start(ChatPathProcesses.RESIDENCE);
    answer(path, "userTask_askCertificateFor", "chat-residence-for", "certificateFor", "FAMILY");
    answer(
        path,
        "userTask_askDigitalIdentity",
        "chat-residence-identity",
        "hasDigitalIdentity",
        false);

    assertThat(path).isEnded().hasPassed("endEvent_ticketOpened");
    Assertions.assertThat(ending(path, "endEvent_ticketOpened")).isEqualTo("TICKET");
  }

  @Test
  void residenceForSomeoneElseOpensATicketWithoutFurtherQuestions() {
    ProcessInstance path = start(ChatPathProcesses.RESIDENCE);
    answer(path, "userTask_askCertificateFor", "chat-residence-for", "certificateFor", "OTHER");

    assertThat(path)
        .isEnded()
        .hasPassed("endEvent_ticketOpened")
        .hasNotPassed("userTask_askDigitalIdentity");
  }

  // --- change of address ---

  @Test
  void addressWithinItalyExplainsTheDeclaration() {
    ProcessInstance path = start(ChatPathProcesses.ADDRESS);
    answer(path, "userTask_askMoveType", "chat-address-move", "moveType", "FROM_MUNICIPALITY");
    answer(path, "userTask_askMoveDate", "chat-address-date", "moveDate", "2026-11-20");
    answer(path, "userTask_askPeople", "chat-address-people", "people", 3L);

    assertThat(path).isEnded().hasPassed("endEvent_stepsExplained");
    Assertions.assertThat(ending(path, "endEvent_stepsExplained")).isEqualTo("ANSWER");
  }

  @Test
  void addressFromAbroadHandsOver() {
    ProcessInstance path = start(ChatPathProcesses.ADDRESS);
    answer(path, "userTask_askMoveType", "chat-address-move", "moveType", "FROM_ABROAD");
    answer(path, "userTask_askMoveDate", "chat-address-date", "moveDate", "2026-11-20");
    answer(path, "userTask_askPeople", "chat-address-people", "people", 1L);

    assertThat(path).isEnded().hasPassed("endEvent_handedOver");
    Assertions.assertThat(ending(path, "endEvent_handedOver")).isEqualTo("HANDOFF");
  }

  @Test
  void everyPathDescribesItselfForTheMenu() {
    for (String key : ChatPathProcesses.SHIPPED) {
      BpmnModelInstance model =
          repositoryService()
              .getBpmnModelInstance(
                  repositoryService()
                      .createProcessDefinitionQuery()
                      .processDefinitionKey(key)
                      .latestVersion()
                      .singleResult()
                      .getId());
      Map<String, String> properties = new HashMap<>();
      model
          .getModelElementsByType(CamundaProperty.class)
          .forEach(p -> properties.put(p.getCamundaName(), p.getCamundaValue()));
      Assertions.assertThat(properties)
          .as(key)
          .containsKeys(
              ChatPathProcesses.TITLE + ".it",
              ChatPathProcesses.TITLE + ".en",
              ChatPathProcesses.TITLE + ".de",
              ChatPathProcesses.TITLE + ".fr",
              ChatPathProcesses.KEYWORDS,
              ChatPathProcesses.QUEUE);
      for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
        Assertions.assertThat(property(end, ChatPathProcesses.END))
            .as("%s: %s", key, end.getId())
            .isIn("ANSWER", "TICKET", "HANDOFF");
      }
    }
  }

  // --- helpers ---

  private static ProcessInstance start(String key) {
    Instant now = Instant.now();
    return runtimeService()
        .startProcessInstanceByKey(
            key,
            "chat-1",
            Map.of(
                Variables.CHAT_ID,
                1L,
                Variables.LANGUAGE,
                "it",
                Variables.DUE_AT,
                Date.from(now.plus(1, ChronoUnit.HOURS)),
                Variables.AT_RISK_FROM,
                Date.from(now.plus(30, ChronoUnit.MINUTES))));
  }

  /** The path waits at the question, a task of the bot's group with its form; the answer. */
  private static void answer(
      ProcessInstance path, String taskKey, String formId, String variable, Object value) {
    assertThat(path).isWaitingAt(taskKey);
    Task question = task(path);
    assertThat(question).hasCandidateGroup(ChatPathProcesses.BOT_GROUP);
    Assertions.assertThat(formService().getDeployedTaskForm(question.getId()))
        .asString(java.nio.charset.StandardCharsets.UTF_8)
        .contains("\"id\": \"" + formId + "\"", "\"key\": \"" + variable + "\"");
    complete(question, withVariables(variable, value));
  }

  private static String ending(ProcessInstance path, String endEventId) {
    BpmnModelInstance model =
        repositoryService().getBpmnModelInstance(path.getProcessDefinitionId());
    return property(model.getModelElementById(endEventId), ChatPathProcesses.END);
  }

  private static String property(EndEvent end, String name) {
    return end.getExtensionElements() == null
        ? null
        : end
            .getExtensionElements()
            .getElementsQuery()
            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
            .list()
            .stream()
            .flatMap(group -> group.getCamundaProperties().stream())
            .filter(property -> name.equals(property.getCamundaName()))
            .map(CamundaProperty::getCamundaValue)
            .findFirst()
            .orElse(null);
  }
}
