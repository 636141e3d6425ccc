package it.sportello.platform.process;

import it.sportello.platform.process.ExpressionChecker.Use;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses, at deployment and for every caller (administrators included), a BPMN model that would
 * run code of its author's choosing: script tasks and scripts anywhere ({@code camunda:script},
 * scripted conditions), {@code camunda:class} and other class names, external script resources,
 * connectors, custom form validators by class, and expressions that name a bean outside the
 * allowlist or a forbidden member ({@link ExpressionChecker}). Reads the whole XML in {@link
 * #parseRootElement}; the engine turns the exception into a parse error that names the element
 * (HTTP 400 on {@code /engine-rest/deployment/create}).
 */
class ModelSafetyParseListener extends AbstractBpmnParseListener {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final Set<String> CAMUNDA =
      Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

  /** Elements whose text is prose, never evaluated. */
  private static final Set<String> PROSE = Set.of("documentation", "text", "properties", "string");

  private final ExpressionChecker expressions;

  ModelSafetyParseListener(ExpressionChecker expressions) {
    this.expressions = expressions;
  }

  @Override
  public void parseRootElement(Element root, List<ProcessDefinitionEntity> processDefinitions) {
    List<Violation> violations = new ArrayList<>();
    walk(root, root, violations);
    if (!violations.isEmpty()) {
      throw new BpmnParseException(
          "Model refused by the model rules: "
              + String.join("; ", violations.stream().map(Violation::toString).toList()),
          violations.get(0).element());
    }
  }

  /** One refused thing, on the nearest element that has an id. */
  record Violation(Element element, String reason) {
    @Override
    public String toString() {
      String id = element.attribute("id");
      return (id == null
              ? element.getTagName()
              : "element '" + id + "' (" + element.getTagName() + ")")
          + ": "
          + reason;
    }
  }

  private void walk(Element element, Element owner, List<Violation> violations) {
    Element at = element.attribute("id") != null ? element : owner;
    String tag = element.getTagName();
    boolean camundaElement = CAMUNDA.contains(element.getUri());

    if (BPMN.equals(element.getUri()) && tag.equals("scriptTask")) {
      violations.add(new Violation(at, "script tasks are not allowed: models may not run scripts"));
    }
    if (camundaElement && tag.equals("script")) {
      violations.add(
          new Violation(at, "camunda:script is not allowed: models may not run scripts"));
    }
    if (camundaElement && tag.equals("connector")) {
      violations.add(new Violation(at, "camunda:connector is not allowed"));
    }
    if (camundaElement
        && tag.equals("constraint")
        && "validator".equals(element.attribute("name"))
        && !ExpressionChecker.isExpression(element.attribute("config"))) {
      violations.add(
          new Violation(at, "a form field validator given by class name is not allowed"));
    }

    for (String key : element.attributes()) {
      checkAttribute(element, at, camundaElement, key, violations);
    }

    if (!PROSE.contains(tag)) {
      for (String reason : expressions.check(element.getText(), Use.VALUE)) {
        violations.add(new Violation(at, reason));
      }
    }
    for (Element child : element.elements()) {
      walk(child, at, violations);
    }
  }

  private void checkAttribute(
      Element element, Element at, boolean camundaElement, String key, List<Violation> violations) {
    int colon = key.lastIndexOf(':');
    String uri = colon < 0 ? "" : key.substring(0, colon);
    String name = colon < 0 ? key : key.substring(colon + 1);
    String value = element.attribute(key);
    boolean camunda = CAMUNDA.contains(uri) || (uri.isEmpty() && camundaElement);

    if (camunda && (name.equals("class") || name.endsWith("Class"))) {
      violations.add(
          new Violation(
              at,
              "camunda:"
                  + name
                  + " is not allowed: name an allowlisted delegate with"
                  + " camunda:delegateExpression=\"${beanName}\""));
    } else if (camunda && name.equals("resource")) {
      violations.add(
          new Violation(at, "external script resources (camunda:resource) are not allowed"));
    } else if (name.equals("scriptFormat")) {
      violations.add(new Violation(at, "scripts are not allowed (scriptFormat '" + value + "')"));
    } else if (name.equals("language")
        && !value.isBlank()
        && !value.trim().toLowerCase(Locale.ROOT).equals("juel")) {
      violations.add(
          new Violation(
              at, "scripted conditions are not allowed (language '" + value + "'): use JUEL"));
    } else if (camunda
        && (name.equals("delegateExpression") || name.endsWith("DelegateExpression"))) {
      for (String reason : expressions.check(value, Use.DELEGATE)) {
        violations.add(new Violation(at, reason));
      }
    } else {
      for (String reason : expressions.check(value, Use.VALUE)) {
        violations.add(new Violation(at, reason));
      }
    }
  }
}
