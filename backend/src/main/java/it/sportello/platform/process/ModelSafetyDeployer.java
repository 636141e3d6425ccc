package it.sportello.platform.process;

import it.sportello.platform.process.ExpressionChecker.Use;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Runs before the engine's own deployers and refuses, for every caller: a resource that is not a
 * BPMN or DMN model, a form, a decision table's tests ({@code <decision>.tests.json}, data the
 * studio reads, never run) or a diagram image (no scripts or HTML forms to be served or loaded);
 * CMMN case models (not used here, and they would bring their own listeners and scripts); DMN
 * decisions written in a script language (only FEEL and JUEL), or whose JUEL expressions break the
 * {@link ExpressionChecker}'s rules. BPMN is checked by {@link ModelSafetyParseListener}.
 */
class ModelSafetyDeployer implements Deployer {

  private static final List<String> BPMN = List.of(".bpmn", ".bpmn20.xml");
  private static final List<String> DMN = List.of(".dmn", ".dmn11.xml");
  private static final List<String> CMMN = List.of(".cmmn", ".cmmn10.xml", ".cmmn11.xml");
  private static final List<String> OTHERS =
      List.of(".form", ".tests.json", ".png", ".jpg", ".jpeg", ".gif");

  /** FEEL, by name or by the OMG's namespace URIs of any DMN version. */
  private static final Pattern FEEL =
      Pattern.compile("feel|https?://www\\.omg\\.org/spec/.*feel.*", Pattern.CASE_INSENSITIVE);

  private final ExpressionChecker expressions;

  ModelSafetyDeployer(ExpressionChecker expressions) {
    this.expressions = expressions;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      String lower = name.toLowerCase(Locale.ROOT);
      List<Problem> problems = new ArrayList<>();
      if (endsWithAny(lower, CMMN)) {
        problems.add(
            new RuleProblem(
                "CMMN case models are not accepted: Sportello runs BPMN and DMN", null));
      } else if (endsWithAny(lower, DMN)) {
        checkDecisions(resource.getBytes(), problems);
      } else if (endsWithAny(lower, BPMN)) {
        checkFormHandlers(resource.getBytes(), problems);
      } else if (!endsWithAny(lower, BPMN) && !endsWithAny(lower, OTHERS)) {
        problems.add(
            new RuleProblem(
                "only BPMN and DMN models, forms and diagram images are deployed; '"
                    + name
                    + "' is none of them",
                null));
      }
      if (!problems.isEmpty()) {
        throw new ParseException(
            "Resource '"
                + name
                + "' refused by the model rules: "
                + String.join("; ", problems.stream().map(Problem::getMessage).toList()),
            name,
            problems,
            List.of());
      }
    }
  }

  private void checkDecisions(byte[] xml, List<Problem> problems) {
    Document document;
    try {
      document = parser().parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      // not well-formed: the engine's DMN deployer reports it
      return;
    }
    walk(document.getDocumentElement(), null, problems);
  }

  /**
   * {@code camunda:formHandlerClass} names a Java class that the engine's parser instantiates while
   * it reads the model, before any parse listener can refuse it: refused here, before the parse.
   */
  private void checkFormHandlers(byte[] xml, List<Problem> problems) {
    Document document;
    try {
      document = parser().parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      // not well-formed: the engine's BPMN parser reports it
      return;
    }
    findFormHandlers(document.getDocumentElement(), null, problems);
  }

  private void findFormHandlers(Element element, String owner, List<Problem> problems) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : owner;
    var attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      if ("formHandlerClass".equals(attribute.getLocalName())) {
        problems.add(
            new RuleProblem(
                describe(id, element)
                    + ": camunda:formHandlerClass names a Java class to instantiate; forms are"
                    + " Camunda Forms (camunda:formRef) or form keys",
                id));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        findFormHandlers(childElement, id, problems);
      }
    }
  }

  private void walk(Element element, String owner, List<Problem> problems) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : owner;
    String language = element.getAttribute("expressionLanguage");
    if (!language.isBlank()
        && !FEEL.matcher(language.trim()).matches()
        && !language.trim().equalsIgnoreCase("juel")) {
      problems.add(
          new RuleProblem(
              describe(id, element)
                  + ": the expression language '"
                  + language
                  + "' is a script language; decisions are written in FEEL (or JUEL)",
              id));
    }
    if (element.getLocalName().equals("text")) {
      for (String reason : expressions.check(element.getTextContent(), Use.VALUE)) {
        problems.add(new RuleProblem(describe(id, element) + ": " + reason, id));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walk(childElement, id, problems);
      }
    }
  }

  private static String describe(String id, Element element) {
    return id == null
        ? element.getLocalName()
        : "element '" + id + "' (" + element.getLocalName() + ")";
  }

  private static DocumentBuilder parser() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    factory.setXIncludeAware(false);
    return factory.newDocumentBuilder();
  }

  private static boolean endsWithAny(String name, List<String> suffixes) {
    return suffixes.stream().anyMatch(name::endsWith);
  }

  /** A refused element of a DMN (or a refused resource), as the engine reports parse problems. */
  record RuleProblem(String message, String elementId) implements Problem {
    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return elementId;
    }

    @Override
    public List<String> getElementIds() {
      return elementId == null ? List.of() : List.of(elementId);
    }
  }
}
