package it.sportello.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.processes.ClasspathFiles.ClasspathFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * House rules for every BPMN model under {@code bpmn/} and every form under {@code forms/}: one row
 * per file, each failure names the file and the element that breaks the rule. The BPMN rules are
 * {@link ModelRules} (main code, also applied by the analysts' studio); the forms on the classpath
 * are checked here.
 */
class ProcessModelRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static List<ClasspathFile> bpmnFiles() {
    return ProcessModels.bpmnFiles();
  }

  static List<ClasspathFile> formFiles() {
    return ProcessModels.formFiles();
  }

  @Test
  void theClasspathScanFindsTheModelsAndTheForms() {
    assertThat(paths(bpmnFiles()))
        .as("BPMN files found under bpmn/")
        .contains("bpmn/ticket/ticket.bpmn", "bpmn/ticket/office-involvement.bpmn");
    assertThat(paths(formFiles()))
        .as("form files found under forms/")
        .contains(
            "forms/ticket/ticket-level1.form",
            "forms/ticket/ticket-level2.form",
            "forms/ticket/ticket-call-back.form",
            "forms/ticket/ticket-level3.form",
            "forms/ticket/office-answer.form");
  }

  @Test
  void theRulesHaveSomethingToCheckAcrossTheModels() {
    List<BpmnModelInstance> models = bpmnFiles().stream().map(ProcessModels::read).toList();

    assertThat(
            models.stream()
                .flatMap(
                    m ->
                        m.getModelElementsByType(ExclusiveGateway.class).stream()
                            .filter(gateway -> ModelRules.outgoing(m, gateway).size() > 1)))
        .as("splitting exclusive gateways (outgoing flows found by sourceRef)")
        .isNotEmpty();
    assertThat(models.stream().flatMap(m -> m.getModelElementsByType(UserTask.class).stream()))
        .as("user tasks")
        .isNotEmpty();
    assertThat(models.stream().flatMap(m -> m.getModelElementsByType(ServiceTask.class).stream()))
        .as("service tasks")
        .isNotEmpty();
    assertThat(
            models.stream()
                .flatMap(m -> m.getModelElementsByType(CamundaTaskListener.class).stream()))
        .as("task listeners")
        .isNotEmpty();
    assertThat(
            models.stream()
                .flatMap(m -> m.getModelElementsByType(BoundaryEvent.class).stream())
                .filter(
                    event ->
                        event.getEventDefinitions().stream()
                            .anyMatch(TimerEventDefinition.class::isInstance)))
        .as("boundary timers")
        .isNotEmpty();
  }

  // ----------------------------------------------------------------------------------------------
  // BPMN models

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void modelParsesAndValidatesAgainstTheSchema(ClasspathFile file) {
    BpmnModelInstance model = ProcessModels.read(file);

    assertThatCode(() -> Bpmn.validateModel(model))
        .as("%s validates against the BPMN schema", file)
        .doesNotThrowAnyException();
    assertThat(model.getModelElementsByType(Process.class))
        .as("%s defines a process", file)
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void processIsExecutableNamedAfterItsFileAndHasAHistoryTimeToLive(ClasspathFile file) {
    BpmnModelInstance model = ProcessModels.read(file);

    assertThat(model.getModelElementsByType(Process.class))
        .as("%s defines a process", file)
        .isNotEmpty();
    assertThat(ModelRules.messages(ModelRules.processes(model, file.baseName())))
        .as("%s: processes", file)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void tasksAndListenersAreImplementedByDelegateExpressionsOrDecisions(ClasspathFile file) {
    assertThat(ModelRules.messages(ModelRules.implementations(ProcessModels.read(file))))
        .as("%s: implementations must be camunda:delegateExpression=\"${beanName}\"", file)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void flowNodeAndSequenceFlowIdsAreTypeUnderscoreMeaningfulName(ClasspathFile file) {
    BpmnModelInstance model = ProcessModels.read(file);

    assertThat(model.getModelElementsByType(FlowNode.class))
        .as("%s has flow nodes", file)
        .isNotEmpty();
    assertThat(ModelRules.messages(ModelRules.ids(model)))
        .as("%s: ids of flow nodes and sequence flows", file)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyFlowNodeHasANameExceptMergingGateways(ClasspathFile file) {
    assertThat(ModelRules.messages(ModelRules.names(ProcessModels.read(file))))
        .as("%s: flow nodes without a name (only merging gateways may have none)", file)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void splittingExclusiveGatewaysHaveAConditionOnEveryFlowButTheDefault(ClasspathFile file) {
    assertThat(ModelRules.messages(ModelRules.gateways(ProcessModels.read(file))))
        .as("%s: outgoing flows of exclusive gateways", file)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void userTasksHaveCandidateGroupsDueAndFollowUpDatesAndAFormDeployedWithThem(ClasspathFile file) {
    Map<String, List<ClasspathFile>> formsByName =
        formFiles().stream().collect(Collectors.groupingBy(ClasspathFile::baseName));
    BpmnModelInstance model = ProcessModels.read(file);
    List<String> violations = new ArrayList<>(ModelRules.messages(ModelRules.userTasks(model)));

    for (Map.Entry<String, String> ref : ModelRules.formRefs(model).entrySet()) {
      String element = "user task '" + ref.getKey() + "'";
      String formRef = ref.getValue();
      List<ClasspathFile> forms = formsByName.getOrDefault(formRef, List.of());
      if (forms.size() != 1) {
        violations.add(
            element
                + " has camunda:formRef='"
                + formRef
                + "' but "
                + forms.size()
                + " files forms/**/"
                + formRef
                + ".form are on the classpath "
                + forms);
      } else if (!formRef.equals(formId(forms.get(0)))) {
        violations.add(
            element
                + " has camunda:formRef='"
                + formRef
                + "' but "
                + forms.get(0)
                + " has id '"
                + formId(forms.get(0))
                + "'");
      }
    }

    assertThat(violations).as("%s: user tasks", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void boundaryAndIntermediateTimersHaveAFailedJobRetryTimeCycle(ClasspathFile file) {
    assertThat(ModelRules.messages(ModelRules.timers(ProcessModels.read(file))))
        .as("%s: timers", file)
        .isEmpty();
  }

  // ----------------------------------------------------------------------------------------------
  // forms

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void formIsUsedByAUserTask(ClasspathFile form) {
    Set<String> formRefs =
        bpmnFiles().stream()
            .flatMap(
                file -> ProcessModels.read(file).getModelElementsByType(UserTask.class).stream())
            .map(UserTask::getCamundaFormRef)
            .collect(Collectors.toSet());

    assertThat(formId(form))
        .as("%s: the form id is the file name without .form", form)
        .isEqualTo(form.baseName());
    assertThat(formRefs)
        .as("%s: some user task has camunda:formRef='%s' (no orphan forms)", form, form.baseName())
        .contains(form.baseName());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void decisionRadiosAreRequired(ClasspathFile form) {
    List<JsonNode> radios = new ArrayList<>();
    collectKeyedRadios(readJson(form).path("components"), radios);

    List<String> optional =
        radios.stream()
            .filter(radio -> !radio.path("validate").path("required").asBoolean(false))
            .map(
                radio ->
                    "radio '"
                        + radio.path("key").asText()
                        + "' ("
                        + radio.path("id").asText()
                        + ")")
            .toList();

    assertThat(optional).as("%s: decision radios must have validate.required=true", form).isEmpty();
  }

  // ----------------------------------------------------------------------------------------------
  // helpers

  private static void collectKeyedRadios(JsonNode components, List<JsonNode> radios) {
    for (JsonNode component : components) {
      if ("radio".equals(component.path("type").asText()) && component.hasNonNull("key")) {
        radios.add(component);
      }
      collectKeyedRadios(component.path("components"), radios);
    }
  }

  private static String formId(ClasspathFile form) {
    return readJson(form).path("id").asText(null);
  }

  private static JsonNode readJson(ClasspathFile form) {
    try (InputStream in = form.open()) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(form + " is not valid JSON", e);
    }
  }

  private static List<String> paths(List<ClasspathFile> files) {
    return files.stream().map(ClasspathFile::path).toList();
  }
}
