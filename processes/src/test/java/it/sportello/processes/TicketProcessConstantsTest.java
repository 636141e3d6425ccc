package it.sportello.processes;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.processes.ClasspathFiles.ClasspathFile;
import it.sportello.processes.TicketProcess.Beans;
import it.sportello.processes.TicketProcess.Elements;
import it.sportello.processes.TicketProcess.Messages;
import it.sportello.processes.TicketProcess.Variables;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Every constant in {@link TicketProcess} names something that really exists in the models, and
 * nothing is missing.
 */
class TicketProcessConstantsTest {

  /** {@code ${...}} and {@code #{...}} expressions anywhere in an attribute or a text. */
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");

  private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");

  /**
   * Identifiers that are not a property access ({@code execution.processBusinessKey} yields only
   * {@code execution}).
   */
  private static final Pattern ROOT_IDENTIFIER =
      Pattern.compile("(?<![\\w.])[A-Za-z_][A-Za-z0-9_]*");

  /**
   * A {@code public static final String} of one of the nested classes, e.g. {@code
   * Elements.LEVEL1}.
   */
  record Constant(String name, String value) {
    @Override
    public String toString() {
      return name + " = \"" + value + "\"";
    }
  }

  static List<Constant> elements() {
    return constants(Elements.class);
  }

  static List<Constant> messages() {
    return constants(Messages.class);
  }

  static List<Constant> variablesReadByTheModels() {
    return constants(Variables.class).stream()
        .filter(c -> !c.value().equals(Variables.CLASSIFICATION))
        .toList();
  }

  @Test
  void theNestedConstantClassesAreTheOnesCheckedHere() {
    Set<String> nested =
        Arrays.stream(TicketProcess.class.getDeclaredClasses())
            .map(Class::getSimpleName)
            .collect(Collectors.toSet());

    assertThat(nested)
        .as("nested classes of TicketProcess (add a check here for a new one)")
        .containsExactlyInAnyOrder("Elements", "Messages", "Beans", "Variables");
    for (Class<?> holder : TicketProcess.class.getDeclaredClasses()) {
      List<Constant> constants = constants(holder);
      assertThat(constants)
          .as("TicketProcess.%s has constants", holder.getSimpleName())
          .isNotEmpty();
      assertThat(constants.stream().map(Constant::value))
          .as("TicketProcess.%s has no two constants with the same value", holder.getSimpleName())
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void processKeysAreTheIdsOfProcessesAndDecisionKeyIsTheIdOfTheDecision() {
    Set<String> processIds =
        ProcessModels.bpmnFiles().stream()
            .flatMap(
                file -> ProcessModels.read(file).getModelElementsByType(Process.class).stream())
            .map(Process::getId)
            .collect(Collectors.toSet());
    Set<String> decisionIds =
        ProcessModels.dmnFiles().stream()
            .flatMap(file -> readDmn(file).getModelElementsByType(Decision.class).stream())
            .map(Decision::getId)
            .collect(Collectors.toSet());

    assertThat(processIds)
        .as("process ids in bpmn/**/*.bpmn")
        .contains(TicketProcess.PROCESS_KEY, TicketProcess.OFFICE_INVOLVEMENT_PROCESS_KEY);
    assertThat(decisionIds)
        .as("decision ids in dmn/**/*.dmn")
        .contains(TicketProcess.CLASSIFICATION_DECISION_KEY);
    assertThat(ProcessModels.bpmnFileOfProcess(TicketProcess.PROCESS_KEY).path())
        .as("file of PROCESS_KEY")
        .isEqualTo("bpmn/ticket/ticket.bpmn");
    assertThat(ProcessModels.bpmnFileOfProcess(TicketProcess.OFFICE_INVOLVEMENT_PROCESS_KEY).path())
        .as("file of OFFICE_INVOLVEMENT_PROCESS_KEY")
        .isEqualTo("bpmn/ticket/office-involvement.bpmn");
  }

  @Test
  void theTicketCallsTheOfficeProcessAndTheClassificationDecisionByTheirKeys() {
    BpmnModelInstance ticket = ticketModel();
    CallActivity involveOffice = ticket.getModelElementById(Elements.INVOLVE_OFFICE);
    BusinessRuleTask classify = ticket.getModelElementById(Elements.CLASSIFY);

    assertThat(involveOffice.getCalledElement())
        .as("calledElement of %s", Elements.INVOLVE_OFFICE)
        .isEqualTo(TicketProcess.OFFICE_INVOLVEMENT_PROCESS_KEY);
    assertThat(classify.getCamundaDecisionRef())
        .as("camunda:decisionRef of %s", Elements.CLASSIFY)
        .isEqualTo(TicketProcess.CLASSIFICATION_DECISION_KEY);
  }

  @ParameterizedTest(name = "Elements.{0}")
  @MethodSource("elements")
  void elementIsAFlowElementOfTheTicketModels(Constant constant) {
    List<String> found = new ArrayList<>();
    for (BpmnModelInstance model : List.of(ticketModel(), officeInvolvementModel())) {
      if (model.getModelElementById(constant.value()) instanceof FlowElement element) {
        found.add(element.getElementType().getTypeName());
      }
    }

    assertThat(found)
        .as(
            "Elements.%s: a flow element with id '%s' in ticket.bpmn or office-involvement.bpmn",
            constant.name(), constant.value())
        .hasSize(1);
  }

  @ParameterizedTest(name = "Messages.{0}")
  @MethodSource("messages")
  void messageIsTheNameOfAMessageInAModel(Constant constant) {
    Set<String> messageNames =
        ProcessModels.bpmnFiles().stream()
            .flatMap(
                file -> ProcessModels.read(file).getModelElementsByType(Message.class).stream())
            .map(Message::getName)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(messageNames)
        .as("Messages.%s: message names in bpmn/**/*.bpmn", constant.name())
        .contains(constant.value());
  }

  @Test
  void beansAreExactlyTheBeansTheModelsUseInDelegateExpressions() {
    Set<String> usedBeans =
        ProcessModels.bpmnFiles().stream()
            .filter(file -> file.path().startsWith("bpmn/ticket/"))
            .flatMap(file -> ProcessModels.delegateExpressions(file).stream())
            .map(ProcessModels::beanName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> declaredBeans =
        constants(Beans.class).stream()
            .map(Constant::value)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(usedBeans)
        .as("delegateExpression beans in bpmn/ticket/*.bpmn vs TicketProcess.Beans")
        .containsExactlyInAnyOrderElementsOf(declaredBeans);
  }

  @ParameterizedTest(name = "Variables.{0}")
  @MethodSource("variablesReadByTheModels")
  void variableIsUsedByAModel(Constant constant) {
    Set<String> used = new TreeSet<>();
    ProcessModels.bpmnFiles()
        .forEach(
            file -> collectBpmnVariables(ProcessModels.parseXml(file).getDocumentElement(), used));
    ProcessModels.dmnFiles().forEach(file -> collectDmnInputs(readDmn(file), used));

    assertThat(used)
        .as(
            "Variables.%s: variables read in expressions, conditions, camunda:in/out and DMN inputs",
            constant.name())
        .contains(constant.value());
  }

  @Test
  void classificationIsTheResultVariableOfTheClassifyTask() {
    BusinessRuleTask classify = ticketModel().getModelElementById(Elements.CLASSIFY);

    assertThat(classify.getCamundaResultVariable())
        .as("camunda:resultVariable of %s", Elements.CLASSIFY)
        .isEqualTo(Variables.CLASSIFICATION);
  }

  // ----------------------------------------------------------------------------------------------
  // helpers

  private static List<Constant> constants(Class<?> holder) {
    List<Constant> constants = new ArrayList<>();
    for (Field field : holder.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)
          && field.getType() == String.class) {
        try {
          constants.add(new Constant(field.getName(), (String) field.get(null)));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return constants;
  }

  private static BpmnModelInstance ticketModel() {
    return ProcessModels.read(ProcessModels.bpmnFileOfProcess(TicketProcess.PROCESS_KEY));
  }

  private static BpmnModelInstance officeInvolvementModel() {
    return ProcessModels.read(
        ProcessModels.bpmnFileOfProcess(TicketProcess.OFFICE_INVOLVEMENT_PROCESS_KEY));
  }

  private static DmnModelInstance readDmn(ClasspathFile file) {
    try (InputStream in = file.open()) {
      return Dmn.readModelFromStream(in);
    } catch (Exception e) {
      throw new AssertionError(file + " does not parse as DMN: " + e.getMessage(), e);
    }
  }

  /**
   * Variables the BPMN model reads or passes on: identifiers in every {@code ${...}} (attributes
   * and texts, e.g. conditions and timer dates), the source/target of {@code camunda:in}/{@code
   * camunda:out} and the names of input/output parameters.
   */
  private static void collectBpmnVariables(Element element, Set<String> used) {
    boolean camunda = ProcessModels.CAMUNDA_BPMN_NS.equals(element.getNamespaceURI());
    String name = element.getLocalName();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      collectExpressionIdentifiers(attribute.getValue(), used);
      boolean mapping =
          camunda
              && ("in".equals(name) || "out".equals(name))
              && Set.of("source", "target", "variables").contains(attribute.getLocalName());
      boolean parameter =
          camunda
              && ("inputParameter".equals(name) || "outputParameter".equals(name))
              && "name".equals(attribute.getLocalName());
      if (mapping || parameter) {
        used.add(attribute.getValue());
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collectBpmnVariables(childElement, used);
      } else if (child.getNodeType() == Node.TEXT_NODE
          || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        collectExpressionIdentifiers(child.getNodeValue(), used);
      }
    }
  }

  private static void collectDmnInputs(DmnModelInstance dmn, Set<String> used) {
    Collection<InputExpression> inputs = dmn.getModelElementsByType(InputExpression.class);
    for (InputExpression input : inputs) {
      if (input.getText() != null) {
        collectIdentifiers(input.getText().getTextContent(), used);
      }
    }
  }

  private static void collectExpressionIdentifiers(String text, Set<String> used) {
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      collectIdentifiers(expression.group(1), used);
    }
  }

  private static void collectIdentifiers(String expression, Set<String> used) {
    Matcher identifier =
        ROOT_IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll(" "));
    while (identifier.find()) {
      used.add(identifier.group());
    }
  }
}
