package it.sportello.processes;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.processes.ModelRules.Violation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The house rules find what breaks them, on the element that breaks them (the studio shows it). */
class ModelRulesTest {

  @Test
  void aModelThatBreaksTheRulesIsReportedElementByElement() {
    BpmnModelInstance model =
        read(
            """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <process id="bad" isExecutable="false">
                <startEvent id="StartEvent_1"/>
                <sequenceFlow id="sequenceFlow_toTask" sourceRef="StartEvent_1" targetRef="userTask_check"/>
                <userTask id="userTask_check" name="Check"/>
                <sequenceFlow id="sequenceFlow_toService" sourceRef="userTask_check" targetRef="serviceTask_call"/>
                <serviceTask id="serviceTask_call" name="Call" camunda:class="x.Y"/>
              </process>
            </definitions>
            """);

    assertThat(ModelRules.all(model, "other"))
        .extracting(Violation::elementId)
        .contains("bad", "StartEvent_1", "userTask_check", "serviceTask_call");
    assertThat(ModelRules.messages(ModelRules.processes(model, "other")))
        .contains(
            "process 'bad' is not executable",
            "process 'bad' has no camunda:historyTimeToLive",
            "process 'bad' should have the id of its file, 'other'");
    assertThat(ModelRules.messages(ModelRules.implementations(model)))
        .contains("service task serviceTask_call uses camunda:class='x.Y'");
    assertThat(ModelRules.messages(ModelRules.userTasks(model)))
        .contains("user task 'userTask_check' has no camunda:formRef");
    assertThat(ModelRules.messages(ModelRules.ids(model)))
        .contains("startEvent 'StartEvent_1' has a generated id");
    assertThat(ModelRules.messages(ModelRules.names(model)))
        .anyMatch(message -> message.contains("'StartEvent_1' has no name"));
  }

  private static BpmnModelInstance read(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
