package it.sportello.processes;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.processes.ProcedureProcesses.Beans;
import it.sportello.processes.ProcedureProcesses.Elements;
import it.sportello.processes.ProcedureProcesses.Messages;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.Test;

/** The constants of {@link ProcedureProcesses} name what really is in the procedures' models. */
class ProcedureProcessConstantsTest {

  private static final List<String> PROCESSES =
      List.of(
          ProcedureProcesses.APPROVAL_PROCESS_KEY,
          ProcedureProcesses.CORRESPONDENCE_PROCESS_KEY,
          ProcedureProcesses.COMPLAINT_PROCESS_KEY);

  @Test
  void processesLiveInFilesOfTheirArea() {
    for (String key : PROCESSES) {
      assertThat(ProcessModels.bpmnFileOfProcess(key).path())
          .isEqualTo("bpmn/" + key + "/" + key + ".bpmn");
    }
  }

  @Test
  void elementsExistInTheModels() {
    List<BpmnModelInstance> models = models();
    for (String id : values(Elements.class)) {
      assertThat(
              models.stream()
                  .map(model -> model.getModelElementById(id))
                  .filter(FlowElement.class::isInstance)
                  .count())
          .as("Elements: a flow element with id '%s'", id)
          .isEqualTo(1);
    }
  }

  @Test
  void callActivitiesCallTheApprovalProcess() {
    List<CallActivity> calls =
        models().stream()
            .flatMap(model -> model.getModelElementsByType(CallActivity.class).stream())
            .toList();
    assertThat(calls).hasSize(3);
    assertThat(calls)
        .extracting(CallActivity::getCalledElement)
        .containsOnly(ProcedureProcesses.APPROVAL_PROCESS_KEY);
  }

  @Test
  void messagesAndBeansAreExactlyThoseOfTheModels() {
    Set<String> messages =
        models().stream()
            .flatMap(model -> model.getModelElementsByType(Message.class).stream())
            .map(Message::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(messages).containsExactlyInAnyOrderElementsOf(values(Messages.class));

    Set<String> beans =
        PROCESSES.stream()
            .map(ProcessModels::bpmnFileOfProcess)
            .flatMap(file -> ProcessModels.delegateExpressions(file).stream())
            .map(ProcessModels::beanName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(beans).containsExactlyInAnyOrderElementsOf(values(Beans.class));
  }

  private static List<BpmnModelInstance> models() {
    return PROCESSES.stream()
        .map(ProcessModels::bpmnFileOfProcess)
        .map(ProcessModels::read)
        .toList();
  }

  private static List<String> values(Class<?> holder) {
    List<String> values = new ArrayList<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }
}
