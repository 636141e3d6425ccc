package it.sportello.processes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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

/**
 * The house rules for BPMN models, as code that both the model tests of this module ({@code
 * ProcessModelRulesTest}) and the analysts' studio (its checks before a draft is saved or deployed)
 * apply. Each rule returns its violations, each naming the element that breaks it; an empty list
 * means the model keeps the rule. Which forms exist is the caller's business ({@link
 * #formRefs(BpmnModelInstance)} lists what the user tasks ask for).
 */
public final class ModelRules {

  /** A broken rule: the element (its id, or {@code null} for the whole model) and why. */
  public record Violation(String elementId, String message) {}

  /** A delegate expression naming one bean: {@code ${beanName}}. */
  public static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)}");

  /**
   * Ids the modeler generates: {@code Activity_0abc123}, {@code Flow_1x2y3z4}, {@code
   * StartEvent_1}, ...
   */
  public static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z]+_(\\d+|\\d[0-9a-z]{6})");

  /** The meaningful part of an id: camelCase, starting with a lower-case letter. */
  public static final Pattern MEANINGFUL_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

  private ModelRules() {}

  /** Every rule below; {@code fileBaseName} may be null when the model has no file yet. */
  public static List<Violation> all(BpmnModelInstance model, String fileBaseName) {
    List<Violation> violations = new ArrayList<>();
    violations.addAll(processes(model, fileBaseName));
    violations.addAll(implementations(model));
    violations.addAll(ids(model));
    violations.addAll(names(model));
    violations.addAll(gateways(model));
    violations.addAll(userTasks(model));
    violations.addAll(timers(model));
    return violations;
  }

  /**
   * Processes are executable, have a {@code camunda:historyTimeToLive}, and (when {@code
   * fileBaseName} is given) the id of their file.
   */
  public static List<Violation> processes(BpmnModelInstance model, String fileBaseName) {
    List<Violation> violations = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      String id = process.getId();
      String element = "process '" + id + "'";
      if (!process.isExecutable()) {
        violations.add(new Violation(id, element + " is not executable"));
      }
      if (fileBaseName != null && !fileBaseName.equals(id)) {
        violations.add(
            new Violation(id, element + " should have the id of its file, '" + fileBaseName + "'"));
      }
      if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
        violations.add(new Violation(id, element + " has no camunda:historyTimeToLive"));
      }
    }
    return violations;
  }

  /**
   * Service and send tasks, throwing message events and listeners are implemented by {@code
   * camunda:delegateExpression="${beanName}"}; business rule tasks by {@code camunda:decisionRef}.
   */
  public static List<Violation> implementations(BpmnModelInstance model) {
    List<Violation> violations = new ArrayList<>();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      checkDelegateExpression(
          violations,
          task.getId(),
          "service task " + task.getId(),
          task.getCamundaDelegateExpression(),
          task.getCamundaClass(),
          task.getCamundaExpression(),
          task.getCamundaType());
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      checkDelegateExpression(
          violations,
          task.getId(),
          "send task " + task.getId(),
          task.getCamundaDelegateExpression(),
          task.getCamundaClass(),
          task.getCamundaExpression(),
          task.getCamundaType());
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String element = "business rule task " + task.getId();
      if (isBlank(task.getCamundaDecisionRef())) {
        violations.add(new Violation(task.getId(), element + " has no camunda:decisionRef"));
      }
      Map<String, String> others = new LinkedHashMap<>();
      others.put("camunda:class", valueOf(task.getCamundaClass()));
      others.put("camunda:expression", valueOf(task.getCamundaExpression()));
      others.put("camunda:delegateExpression", valueOf(task.getCamundaDelegateExpression()));
      others.put("camunda:type", valueOf(task.getCamundaType()));
      for (Map.Entry<String, String> other : others.entrySet()) {
        if (!other.getValue().isEmpty()) {
          violations.add(
              new Violation(
                  task.getId(),
                  element + " uses " + other.getKey() + " instead of camunda:decisionRef"));
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
        String id = ((ThrowEvent) event).getId();
        checkDelegateExpression(
            violations,
            id,
            "message throw event " + id,
            message.getCamundaDelegateExpression(),
            message.getCamundaClass(),
            message.getCamundaExpression(),
            message.getCamundaType());
      }
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      String owner = ownerId(listener);
      String element = "task listener '" + listener.getCamundaEvent() + "' on '" + owner + "'";
      checkDelegateExpression(
          violations,
          owner,
          element,
          listener.getCamundaDelegateExpression(),
          listener.getCamundaClass(),
          listener.getCamundaExpression(),
          null);
      if (listener.getCamundaScript() != null) {
        violations.add(new Violation(owner, element + " uses a camunda:script"));
      }
    }
    for (CamundaExecutionListener listener :
        model.getModelElementsByType(CamundaExecutionListener.class)) {
      String owner = ownerId(listener);
      String element = "execution listener '" + listener.getCamundaEvent() + "' on '" + owner + "'";
      checkDelegateExpression(
          violations,
          owner,
          element,
          listener.getCamundaDelegateExpression(),
          listener.getCamundaClass(),
          listener.getCamundaExpression(),
          null);
      if (listener.getCamundaScript() != null) {
        violations.add(new Violation(owner, element + " uses a camunda:script"));
      }
    }
    return violations;
  }

  /** Flow nodes and sequence flows have ids {@code <type>_<meaningfulName>}, never generated. */
  public static List<Violation> ids(BpmnModelInstance model) {
    List<BaseElement> elements = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
    elements.addAll(model.getModelElementsByType(SequenceFlow.class));
    List<Violation> violations = new ArrayList<>();
    for (BaseElement element : elements) {
      String id = element.getId();
      String type = element.getElementType().getTypeName();
      if (GENERATED_ID.matcher(id).matches()) {
        violations.add(new Violation(id, type + " '" + id + "' has a generated id"));
      } else if (!id.startsWith(type + "_")
          || !MEANINGFUL_NAME.matcher(id.substring(type.length() + 1)).matches()) {
        violations.add(
            new Violation(
                id,
                type + " '" + id + "' should be named " + type + "_<meaningfulName> (camelCase)"));
      }
    }
    return violations;
  }

  /** Every flow node has a name, except merging gateways. */
  public static List<Violation> names(BpmnModelInstance model) {
    return model.getModelElementsByType(FlowNode.class).stream()
        .filter(node -> isBlank(node.getName()))
        .filter(node -> !(node instanceof Gateway && outgoing(model, node).size() <= 1))
        .map(
            node ->
                new Violation(
                    node.getId(),
                    node.getElementType().getTypeName()
                        + " '"
                        + node.getId()
                        + "' has no name (only merging gateways may have none)"))
        .toList();
  }

  /** A splitting exclusive gateway has a condition on every outgoing flow but its default. */
  public static List<Violation> gateways(BpmnModelInstance model) {
    List<Violation> violations = new ArrayList<>();
    List<ExclusiveGateway> splits =
        model.getModelElementsByType(ExclusiveGateway.class).stream()
            .filter(gateway -> outgoing(model, gateway).size() > 1)
            .toList();
    for (ExclusiveGateway gateway : splits) {
      SequenceFlow defaultFlow = gateway.getDefault();
      if (defaultFlow != null && !outgoing(model, gateway).contains(defaultFlow)) {
        violations.add(
            new Violation(
                gateway.getId(),
                "gateway '"
                    + gateway.getId()
                    + "': default flow '"
                    + defaultFlow.getId()
                    + "' does not leave the gateway"));
      }
      for (SequenceFlow flow : outgoing(model, gateway)) {
        ConditionExpression condition = flow.getConditionExpression();
        boolean hasCondition = condition != null && !isBlank(condition.getTextContent());
        if (flow.equals(defaultFlow) && condition != null) {
          violations.add(
              new Violation(
                  flow.getId(),
                  "gateway '"
                      + gateway.getId()
                      + "': default flow '"
                      + flow.getId()
                      + "' has a condition"));
        } else if (!flow.equals(defaultFlow) && !hasCondition) {
          violations.add(
              new Violation(
                  flow.getId(),
                  "gateway '"
                      + gateway.getId()
                      + "': flow '"
                      + flow.getId()
                      + "' has no condition and is not the default flow"));
        }
      }
    }
    return violations;
  }

  /**
   * User tasks have candidate groups, due and follow-up dates, {@code formRefBinding="deployment"}
   * and a {@code camunda:formRef} (whether that form exists is checked by the caller).
   */
  public static List<Violation> userTasks(BpmnModelInstance model) {
    List<Violation> violations = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String id = task.getId();
      String element = "user task '" + id + "'";
      if (isBlank(task.getCamundaCandidateGroups())) {
        violations.add(new Violation(id, element + " has no camunda:candidateGroups"));
      }
      if (isBlank(task.getCamundaDueDate())) {
        violations.add(new Violation(id, element + " has no camunda:dueDate"));
      }
      if (isBlank(task.getCamundaFollowUpDate())) {
        violations.add(
            new Violation(
                id, element + " has no camunda:followUpDate (when its deadline gets at risk)"));
      }
      if (!"deployment".equals(task.getCamundaFormRefBinding())) {
        violations.add(
            new Violation(
                id,
                element
                    + " has camunda:formRefBinding='"
                    + task.getCamundaFormRefBinding()
                    + "' instead of 'deployment'"));
      }
      if (isBlank(task.getCamundaFormRef())) {
        violations.add(new Violation(id, element + " has no camunda:formRef"));
      }
    }
    return violations;
  }

  /** The forms the user tasks ask for: user task id to its {@code camunda:formRef}. */
  public static Map<String, String> formRefs(BpmnModelInstance model) {
    Map<String, String> refs = new LinkedHashMap<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (!isBlank(task.getCamundaFormRef())) {
        refs.put(task.getId(), task.getCamundaFormRef());
      }
    }
    return refs;
  }

  /** Boundary and intermediate timers have a {@code camunda:failedJobRetryTimeCycle}. */
  public static List<Violation> timers(BpmnModelInstance model) {
    List<CatchEvent> timers = new ArrayList<>();
    timers.addAll(model.getModelElementsByType(BoundaryEvent.class));
    timers.addAll(model.getModelElementsByType(IntermediateCatchEvent.class));
    timers.removeIf(
        event ->
            event.getEventDefinitions().stream().noneMatch(TimerEventDefinition.class::isInstance));
    List<Violation> violations = new ArrayList<>();
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
        violations.add(
            new Violation(
                timer.getId(),
                "timer '" + timer.getId() + "' has no camunda:failedJobRetryTimeCycle"));
      }
    }
    return violations;
  }

  /** The messages of the violations, for a test's assertion. */
  public static List<String> messages(Collection<Violation> violations) {
    return violations.stream().map(Violation::message).toList();
  }

  /**
   * The sequence flows leaving a node, found by their {@code sourceRef}: {@link
   * FlowNode#getOutgoing()} only sees {@code <outgoing>} child elements, which a model does not
   * need to have.
   */
  public static List<SequenceFlow> outgoing(BpmnModelInstance model, FlowNode node) {
    return model.getModelElementsByType(SequenceFlow.class).stream()
        .filter(flow -> node.equals(flow.getSource()))
        .toList();
  }

  private static void checkDelegateExpression(
      List<Violation> violations,
      String id,
      String element,
      String delegateExpression,
      String camundaClass,
      String expression,
      String type) {
    if (!isBlank(camundaClass)) {
      violations.add(new Violation(id, element + " uses camunda:class='" + camundaClass + "'"));
    }
    if (!isBlank(expression)) {
      violations.add(new Violation(id, element + " uses camunda:expression='" + expression + "'"));
    }
    if (!isBlank(type)) {
      violations.add(new Violation(id, element + " uses camunda:type='" + type + "'"));
    }
    if (isBlank(delegateExpression)) {
      violations.add(new Violation(id, element + " has no camunda:delegateExpression"));
    } else if (!BEAN_REFERENCE.matcher(delegateExpression).matches()) {
      violations.add(
          new Violation(
              id,
              element
                  + " has camunda:delegateExpression='"
                  + delegateExpression
                  + "', not ${beanName}"));
    }
  }

  /** The id of the BPMN element whose extension elements hold this listener. */
  private static String ownerId(ModelElementInstance listener) {
    for (ModelElementInstance parent = listener.getParentElement();
        parent != null;
        parent = parent.getParentElement()) {
      if (parent instanceof BaseElement owner) {
        return owner.getId();
      }
    }
    return null;
  }

  private static String valueOf(String value) {
    return value == null ? "" : value.trim();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
