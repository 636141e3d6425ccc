package it.sportello.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.processes.ClasspathFiles.ClasspathFile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.Test;

/** Every constant in {@link KbPublicationProcess} names something in the model or its forms. */
class KbPublicationConstantsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClasspathFile file =
      ProcessModels.bpmnFileOfProcess(KbPublicationProcess.PROCESS_KEY);
  private final BpmnModelInstance model = ProcessModels.read(file);

  @Test
  void theProcessLivesInItsFile() {
    assertThat(file.path()).isEqualTo("bpmn/kb/kb-publication.bpmn");
  }

  @Test
  void elementsAreFlowElementsOfTheModel() {
    for (String id : values(KbPublicationProcess.Elements.class)) {
      assertThat((Object) model.getModelElementById(id))
          .as("element %s", id)
          .isInstanceOf(FlowElement.class);
    }
  }

  @Test
  void messagesAreMessagesOfTheModel() {
    Set<String> names =
        model.getModelElementsByType(Message.class).stream()
            .map(Message::getName)
            .collect(Collectors.toSet());
    assertThat(names)
        .containsExactlyInAnyOrderElementsOf(values(KbPublicationProcess.Messages.class));
  }

  @Test
  void delegateBeansAreExactlyTheOnesTheModelUses() {
    Set<String> used =
        ProcessModels.delegateExpressions(file).stream()
            .map(ProcessModels::beanName)
            .collect(Collectors.toCollection(TreeSet::new));
    List<String> declared = new ArrayList<>(values(KbPublicationProcess.Beans.class));
    declared.remove(KbPublicationProcess.Beans.DEADLINES);
    assertThat(used).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void variablesAndTheDeadlineBeanAppearInTheModelsExpressions() throws IOException {
    String xml;
    try (InputStream in = file.open()) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String variable : values(KbPublicationProcess.Variables.class)) {
      assertThat(xml)
          .as("variable %s in an expression", variable)
          .containsPattern("\\$\\{[^}]*\\b" + variable + "\\b");
    }
    assertThat(xml).contains("${" + KbPublicationProcess.Beans.DEADLINES + ".dueDate(");
  }

  @Test
  void decisionsAndTextsAreTheValuesAndKeysOfTheForms() throws IOException {
    Set<String> values = new TreeSet<>();
    Set<String> keys = new TreeSet<>();
    for (ClasspathFile form : ProcessModels.formFiles()) {
      if (!form.path().startsWith("forms/kb/")) {
        continue;
      }
      try (InputStream in = form.open()) {
        for (JsonNode component : JSON.readTree(in).path("components")) {
          keys.add(component.path("key").asText());
          component.path("values").forEach(v -> values.add(v.path("value").asText()));
        }
      }
    }
    assertThat(values)
        .containsExactlyInAnyOrderElementsOf(values(KbPublicationProcess.Decisions.class));
    assertThat(keys).containsAll(values(KbPublicationProcess.Texts.class));
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
