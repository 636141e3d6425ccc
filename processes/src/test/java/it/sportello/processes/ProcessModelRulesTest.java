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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * House rules for every BPMN model under {@code bpmn/} and every form under {@code forms/}: one row
 * per file, each failure names the file and the element that breaks the rule.
 */
class ProcessModelRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Ids the modeler generates: {@code Activity_0abc123}, {@code Flow_1x2y3z4}, {@code
   * StartEvent_1}, ...
   */
  private static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z]+_(\\d+|\\d[0-9a-z]{6})");

  /** The meaningful part of an id: camelCase, starting with a lower-case letter. */
  private static final Pattern MEANINGFUL_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

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
                            .filter(gateway -> outgoing(m, gateway).size() > 1)))
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
    Collection<Process> processes = ProcessModels.read(file).getModelElementsByType(Process.class);
    List<String> violations = new ArrayList<>();

    for (Process process : processes) {
      String element = "process '" + process.getId() + "'";
      if (!process.isExecutable()) {
        violations.add(element + " is not executable");
      }
      if (!file.baseName().equals(process.getId())) {
        violations.add(element + " should have the id of its file, '" + file.baseName() + "'");
      }
      if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
        violations.add(element + " has no camunda:historyTimeToLive");
      }
    }

    assertThat(processes).as("%s defines a process", file).isNotEmpty();
    assertThat(violations).as("%s: processes", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void tasksAndListenersAreImplementedByDelegateExpressionsOrDecisions(ClasspathFile file) {
    BpmnModelInstance model = ProcessModels.read(file);
    List<String> violations = new ArrayList<>();

    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      checkDelegateExpression(
          violations,
          "service task " + task.getId(),
          task.getCamundaDelegateExpression(),
          task.getCamundaClass(),
          task.getCamundaExpression(),
          task.getCamundaType());
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      checkDelegateExpression(
          violations,
          "send task " + task.getId(),
          task.getCamundaDelegateExpression(),
          task.getCamundaClass(),
          task.getCamundaExpression(),
          task.getCamundaType());
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String element = "business rule task " + task.getId();
      if (isBlank(task.getCamundaDecisionRef())) {
        violations.add(element + " has no camunda:decisionRef");
      }
      for (Map.Entry<String, String> other :
          Map.of(
                  "camunda:class", valueOf(task.getCamundaClass()),
                  "camunda:expression", valueOf(task.getCamundaExpression()),
                  "camunda:delegateExpression", valueOf(task.getCamundaDelegateExpression()),
                  "camunda:type", valueOf(task.getCamundaType()))
              .entrySet()) {
        if (!other.getValue().isEmpty()) {
          violations.add(element + " uses " + other.getKey() + " instead of camunda:decisionRef");
        }
      }
    }
    for (MessageEventDefinition message :
        model.getModelElementsByType(MessageEventDefinition.class)) {
      ModelElementInstance event = message.getParentElement();
      boolean throwing = event instanceof IntermediateThrowEvent || event instanceof EndEvent;
      boolean implemented =
          !isBlank(message.getCamundaDelegateExpression())
              || !isBlank(message.getCamundaClass())
              || !isBlank(message.getCamundaExpression())
              || !isBlank(message.getCamundaType());
      if (throwing && implemented) {
        checkDelegateExpression(
            violations,
            "message throw event " + ((ThrowEvent) event).getId(),
            message.getCamundaDelegateExpression(),
            message.getCamundaClass(),
            message.getCamundaExpression(),
            message.getCamundaType());
      }
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      String element = "task listener '" + listener.getCamundaEvent() + "' on " + ownerId(listener);
      checkDelegateExpression(
          violations,
          element,
          listener.getCamundaDelegateExpression(),
          listener.getCamundaClass(),
          listener.getCamundaExpression(),
          null);
      if (listener.getCamundaScript() != null) {
        violations.add(element + " uses a camunda:script");
      }
    }
    for (CamundaExecutionListener listener :
        model.getModelElementsByType(CamundaExecutionListener.class)) {
      String element =
          "execution listener '" + listener.getCamundaEvent() + "' on " + ownerId(listener);
      checkDelegateExpression(
          violations,
          element,
          listener.getCamundaDelegateExpression(),
          listener.getCamundaClass(),
          listener.getCamundaExpression(),
          null);
      if (listener.getCamundaScript() != null) {
        violations.add(element + " uses a camunda:script");
      }
    }

    assertThat(violations)
        .as("%s: implementations must be camunda:delegateExpression=\"${beanName}\"", file)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void flowNodeAndSequenceFlowIdsAreTypeUnderscoreMeaningfulName(ClasspathFile file) {
    BpmnModelInstance model = ProcessModels.read(file);
    List<BaseElement> elements = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
    elements.addAll(model.getModelElementsByType(SequenceFlow.class));
    List<String> violations = new ArrayList<>();

    for (BaseElement element : elements) {
      String id = element.getId();
      String type = element.getElementType().getTypeName();
      if (GENERATED_ID.matcher(id).matches()) {
        violations.add(type + " '" + id + "' has a generated id");
      } else if (!id.startsWith(type + "_")
          || !MEANINGFUL_NAME.matcher(id.substring(type.length() + 1)).matches()) {
        violations.add(
            type + " '" + id + "' should be named " + type + "_<meaningfulName> (camelCase)");
      }
    }

    assertThat(elements).as("%s has flow nodes", file).isNotEmpty();
    assertThat(violations).as("%s: ids of flow nodes and sequence flows", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyFlowNodeHasANameExceptMergingGateways(ClasspathFile file) {
    BpmnModelInstance model = ProcessModels.read(file);
    List<String> unnamed =
        model.getModelElementsByType(FlowNode.class).stream()
            .filter(node -> isBlank(node.getName()))
            .filter(node -> !(node instanceof Gateway && outgoing(model, node).size() <= 1))
            .map(node -> node.getElementType().getTypeName() + " '" + node.getId() + "'")
            .toList();

    assertThat(unnamed)
        .as("%s: flow nodes without a name (only merging gateways may have none)", file)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void splittingExclusiveGatewaysHaveAConditionOnEveryFlowButTheDefault(ClasspathFile file) {
    List<String> violations = new ArrayList<>();

    BpmnModelInstance model = ProcessModels.read(file);
    List<ExclusiveGateway> splits =
        model.getModelElementsByType(ExclusiveGateway.class).stream()
            .filter(gateway -> outgoing(model, gateway).size() > 1)
            .toList();

    for (ExclusiveGateway gateway : splits) {
      SequenceFlow defaultFlow = gateway.getDefault();
      if (defaultFlow != null && !outgoing(model, gateway).contains(defaultFlow)) {
        violations.add(
            "gateway '"
                + gateway.getId()
                + "': default flow '"
                + defaultFlow.getId()
                + "' does not leave the gateway");
      }
      for (SequenceFlow flow : outgoing(model, gateway)) {
        ConditionExpression condition = flow.getConditionExpression();
        boolean hasCondition = condition != null && !isBlank(condition.getTextContent());
        if (flow.equals(defaultFlow) && condition != null) {
          violations.add(
              "gateway '"
                  + gateway.getId()
                  + "': default flow '"
                  + flow.getId()
                  + "' has a condition");
        } else if (!flow.equals(defaultFlow) && !hasCondition) {
          violations.add(
              "gateway '"
                  + gateway.getId()
                  + "': flow '"
                  + flow.getId()
                  + "' has no condition and is not the default flow");
        }
      }
    }

    assertThat(violations).as("%s: outgoing flows of exclusive gateways", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void userTasksHaveCandidateGroupsDueAndFollowUpDatesAndAFormDeployedWithThem(ClasspathFile file) {
    Map<String, List<ClasspathFile>> formsByName =
        formFiles().stream().collect(Collectors.groupingBy(ClasspathFile::baseName));
    List<String> violations = new ArrayList<>();

    for (UserTask task : ProcessModels.read(file).getModelElementsByType(UserTask.class)) {
      String element = "user task '" + task.getId() + "'";
      if (isBlank(task.getCamundaCandidateGroups())) {
        violations.add(element + " has no camunda:candidateGroups");
      }
      if (isBlank(task.getCamundaDueDate())) {
        violations.add(element + " has no camunda:dueDate");
      }
      if (isBlank(task.getCamundaFollowUpDate())) {
        violations.add(element + " has no camunda:followUpDate (when its deadline gets at risk)");
      }
      if (!"deployment".equals(task.getCamundaFormRefBinding())) {
        violations.add(
            element
                + " has camunda:formRefBinding='"
                + task.getCamundaFormRefBinding()
                + "' instead of 'deployment'");
      }
      String formRef = task.getCamundaFormRef();
      if (isBlank(formRef)) {
        violations.add(element + " has no camunda:formRef");
        continue;
      }
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
    BpmnModelInstance model = ProcessModels.read(file);
    List<CatchEvent> timers = new ArrayList<>();
    timers.addAll(model.getModelElementsByType(BoundaryEvent.class));
    timers.addAll(model.getModelElementsByType(IntermediateCatchEvent.class));
    timers.removeIf(
        event ->
            event.getEventDefinitions().stream().noneMatch(TimerEventDefinition.class::isInstance));
    List<String> violations = new ArrayList<>();

    for (CatchEvent timer : timers) {
      ExtensionElements extensions = timer.getExtensionElements();
      List<CamundaFailedJobRetryTimeCycle> cycles =
          extensions == null
              ? List.of()
              : extensions
                  .getElementsQuery()
                  .filterByType(CamundaFailedJobRetryTimeCycle.class)
                  .list();
      if (cycles.isEmpty() || isBlank(cycles.get(0).getTextContent())) {
        violations.add("timer '" + timer.getId() + "' has no camunda:failedJobRetryTimeCycle");
      }
    }

    assertThat(violations).as("%s: timers", file).isEmpty();
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

  /**
   * The sequence flows leaving a node, found by their {@code sourceRef}: {@link
   * FlowNode#getOutgoing()} only sees {@code <outgoing>} child elements, which a model does not
   * need to have.
   */
  private static List<SequenceFlow> outgoing(BpmnModelInstance model, FlowNode node) {
    return model.getModelElementsByType(SequenceFlow.class).stream()
        .filter(flow -> node.equals(flow.getSource()))
        .toList();
  }

  private static void checkDelegateExpression(
      List<String> violations,
      String element,
      String delegateExpression,
      String camundaClass,
      String expression,
      String type) {
    if (!isBlank(camundaClass)) {
      violations.add(element + " uses camunda:class='" + camundaClass + "'");
    }
    if (!isBlank(expression)) {
      violations.add(element + " uses camunda:expression='" + expression + "'");
    }
    if (!isBlank(type)) {
      violations.add(element + " uses camunda:type='" + type + "'");
    }
    if (isBlank(delegateExpression)) {
      violations.add(element + " has no camunda:delegateExpression");
    } else if (!ProcessModels.BEAN_REFERENCE.matcher(delegateExpression).matches()) {
      violations.add(
          element
              + " has camunda:delegateExpression='"
              + delegateExpression
              + "', not ${beanName}");
    }
  }

  /** The id of the BPMN element whose extension elements hold this listener. */
  private static String ownerId(ModelElementInstance listener) {
    for (ModelElementInstance parent = listener.getParentElement();
        parent != null;
        parent = parent.getParentElement()) {
      if (parent instanceof BaseElement owner) {
        return "'" + owner.getId() + "'";
      }
    }
    return "?";
  }

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

  private static String valueOf(String value) {
    return value == null ? "" : value.trim();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
