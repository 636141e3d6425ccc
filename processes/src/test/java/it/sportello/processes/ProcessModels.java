package it.sportello.processes;

import it.sportello.processes.ClasspathFiles.ClasspathFile;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** The BPMN, DMN and form files of the project as the tests see them on the classpath. */
final class ProcessModels {

  static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";

  /** {@code ${beanName}}: the only accepted form of a {@code camunda:delegateExpression}. */
  static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)}");

  static List<ClasspathFile> bpmnFiles() {
    return ClasspathFiles.find("bpmn", "bpmn");
  }

  static List<ClasspathFile> formFiles() {
    return ClasspathFiles.find("forms", "form");
  }

  static List<ClasspathFile> dmnFiles() {
    return ClasspathFiles.find("dmn", "dmn");
  }

  static BpmnModelInstance read(ClasspathFile file) {
    try (InputStream in = file.open()) {
      return Bpmn.readModelFromStream(in);
    } catch (Exception e) {
      throw new AssertionError(file + " does not parse as BPMN: " + causes(e), e);
    }
  }

  /** The messages of an exception and its causes, e.g. the schema error behind a parse failure. */
  static String causes(Throwable error) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = error;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause.getMessage() != null && messages.indexOf(cause.getMessage()) < 0) {
        messages.append(messages.length() == 0 ? "" : " <- ").append(cause.getMessage());
      }
    }
    return messages.toString();
  }

  /** The BPMN file on the classpath that defines the process with this id. */
  static ClasspathFile bpmnFileOfProcess(String processId) {
    return bpmnFiles().stream()
        .filter(
            file ->
                read(file).getModelElementById(processId)
                    instanceof org.camunda.bpm.model.bpmn.instance.Process)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "No BPMN file under bpmn/ defines the process '" + processId + "'"));
  }

  /**
   * Every {@code delegateExpression} in the file, wherever it is: on tasks and events ({@code
   * camunda:delegateExpression}) and on listeners ({@code <camunda:taskListener
   * delegateExpression=...>}). Read from the XML so nothing is missed.
   */
  static List<String> delegateExpressions(ClasspathFile file) {
    List<String> expressions = new ArrayList<>();
    collectDelegateExpressions(parseXml(file).getDocumentElement(), expressions);
    return expressions;
  }

  /** The bean name in {@code ${beanName}}, or the whole expression when it is not of that form. */
  static String beanName(String delegateExpression) {
    Matcher matcher = BEAN_REFERENCE.matcher(delegateExpression.trim());
    return matcher.matches() ? matcher.group(1) : delegateExpression;
  }

  static Document parseXml(ClasspathFile file) {
    try (InputStream in = file.open()) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new AssertionError(file + " is not well-formed XML: " + e.getMessage(), e);
    }
  }

  private static void collectDelegateExpressions(Element element, List<String> expressions) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      boolean camundaAttribute =
          CAMUNDA_BPMN_NS.equals(attribute.getNamespaceURI())
              || (attribute.getNamespaceURI() == null
                  && CAMUNDA_BPMN_NS.equals(element.getNamespaceURI()));
      if (camundaAttribute && "delegateExpression".equals(attribute.getLocalName())) {
        expressions.add(attribute.getValue());
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collectDelegateExpressions(childElement, expressions);
      }
    }
  }

  private ProcessModels() {}
}
