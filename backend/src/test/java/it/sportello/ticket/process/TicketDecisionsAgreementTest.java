package it.sportello.ticket.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.ticket.application.TicketStep;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The decisions of each ticket step agree with the models: the user task's form offers exactly the
 * step's decisions, and the gateway that routes on the step's decision variable tests only known
 * decisions and sends every other one along its default flow.
 */
class TicketDecisionsAgreementTest {

  private static final List<String> MODELS =
      List.of("bpmn/ticket/ticket.bpmn", "bpmn/ticket/office-involvement.bpmn");
  private static final Pattern CONDITION =
      Pattern.compile("\\$\\{\\s*(\\w+)\\s*==\\s*'([A-Z_]+)'\\s*}");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyStepHasAUserTaskWhoseFormOffersExactlyItsDecisions() throws IOException {
    Set<TicketStep> found = new HashSet<>();
    for (BpmnModelInstance model : models()) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        TicketStep step = TicketSteps.of(task.getId()).orElse(null);
        if (step == null) {
          continue;
        }
        found.add(step);
        String variable = TicketSteps.decisionVariable(step);
        assertThat(formValues(task.getCamundaFormRef(), variable))
            .as("values of %s in form %s", variable, task.getCamundaFormRef())
            .containsExactlyInAnyOrderElementsOf(step.decisions());
      }
    }
    assertThat(found).containsExactlyInAnyOrder(TicketStep.values());
  }

  @Test
  void gatewaysTestOnlyKnownDecisionsAndDefaultTheRest() throws IOException {
    for (TicketStep step : TicketStep.values()) {
      String variable = TicketSteps.decisionVariable(step);
      Set<String> tested = new TreeSet<>();
      boolean defaulted = false;
      for (BpmnModelInstance model : models()) {
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
          ConditionExpression condition = flow.getConditionExpression();
          if (condition == null) {
            continue;
          }
          Matcher matcher = CONDITION.matcher(condition.getTextContent().strip());
          if (matcher.matches() && matcher.group(1).equals(variable)) {
            tested.add(matcher.group(2));
            if (flow.getSource() instanceof ExclusiveGateway gateway) {
              defaulted |= gateway.getDefault() != null;
            }
          }
        }
      }
      assertThat(tested).as("%s routed on %s", step, variable).isNotEmpty();
      assertThat(step.decisions()).as("decisions of %s", step).containsAll(tested);
      if (!tested.containsAll(step.decisions())) {
        assertThat(defaulted)
            .as("%s: decisions without a condition leave by the gateway's default flow", step)
            .isTrue();
      }
    }
  }

  private static List<BpmnModelInstance> models() throws IOException {
    List<BpmnModelInstance> models = new ArrayList<>();
    for (String model : MODELS) {
      try (InputStream in = new ClassPathResource(model).getInputStream()) {
        models.add(Bpmn.readModelFromStream(in));
      }
    }
    return models;
  }

  private List<String> formValues(String formId, String key) throws IOException {
    JsonNode form;
    try (InputStream in =
        new ClassPathResource("forms/ticket/" + formId + ".form").getInputStream()) {
      form = json.readTree(in);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        component.path("values").forEach(value -> values.add(value.path("value").asText()));
      }
    }
    assertThat(values).as("form %s has a choice %s", formId, key).isNotEmpty();
    return values;
  }
}
