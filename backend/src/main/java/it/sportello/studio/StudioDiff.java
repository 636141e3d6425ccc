package it.sportello.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A summary of what changed between two versions of a model, by element id: added, removed and
 * changed elements (an element changed when its attributes or the content of its children without
 * an id changed). The diagram's layout (BPMN DI, DMN DI) is left out: moving a shape is no change
 * of the procedure.
 */
final class StudioDiff {

  private static final Set<String> LAYOUT_NAMESPACES =
      Set.of(
          "http://www.omg.org/spec/BPMN/20100524/DI",
          "http://www.omg.org/spec/DD/20100524/DC",
          "http://www.omg.org/spec/DD/20100524/DI",
          "https://www.omg.org/spec/DMN/20191111/DMNDI/",
          "http://www.omg.org/spec/DMN/20180521/DMNDI/",
          "https://www.omg.org/spec/DMN/20191111/DI/",
          "http://www.omg.org/spec/DMN/20180521/DI/",
          "http://www.omg.org/spec/DMN/20180521/DC/");

  private static final ObjectMapper JSON = new ObjectMapper();

  private StudioDiff() {}

  /** One line per kind of change; {@code before} null means a new model. */
  static String summary(DraftKind kind, String before, String after) {
    if (before == null) {
      return "new model";
    }
    Map<String, String> old = kind == DraftKind.FORM ? formElements(before) : xmlElements(before);
    Map<String, String> now = kind == DraftKind.FORM ? formElements(after) : xmlElements(after);
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> element : now.entrySet()) {
      String previous = old.get(element.getKey());
      if (previous == null) {
        added.add(element.getKey());
      } else if (!previous.equals(element.getValue())) {
        changed.add(element.getKey());
      }
    }
    for (String id : old.keySet()) {
      if (!now.containsKey(id)) {
        removed.add(id);
      }
    }
    if (added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
      return "no change to the model (layout only, or none)";
    }
    List<String> lines = new ArrayList<>();
    if (!added.isEmpty()) {
      lines.add("added: " + String.join(", ", added));
    }
    if (!removed.isEmpty()) {
      lines.add("removed: " + String.join(", ", removed));
    }
    if (!changed.isEmpty()) {
      lines.add("changed: " + String.join(", ", changed));
    }
    return String.join("\n", lines);
  }

  private static Map<String, String> xmlElements(String xml) {
    Map<String, String> elements = new LinkedHashMap<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      Element root =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
              .getDocumentElement();
      collect(root, elements);
    } catch (Exception e) {
      elements.put("(unreadable model)", xml);
    }
    return elements;
  }

  private static void collect(Element element, Map<String, String> elements) {
    if (LAYOUT_NAMESPACES.contains(element.getNamespaceURI())) {
      return;
    }
    if (element.hasAttribute("id")) {
      StringBuilder signature = new StringBuilder();
      sign(element, signature, true);
      elements.put(element.getAttribute("id"), signature.toString());
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collect(childElement, elements);
      }
    }
  }

  /** The element's attributes and text, with its children that have no id of their own. */
  private static void sign(Element element, StringBuilder signature, boolean top) {
    if (!top && element.hasAttribute("id")
        || LAYOUT_NAMESPACES.contains(element.getNamespaceURI())) {
      return;
    }
    signature.append('<').append(element.getLocalName());
    NamedNodeMap attributes = element.getAttributes();
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      if (!attribute.getNodeName().startsWith("xmlns")) {
        sorted.put(attribute.getNodeName(), attribute.getNodeValue());
      }
    }
    signature.append(sorted);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        sign(childElement, signature, false);
      } else if (child.getNodeType() == Node.TEXT_NODE
          || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        String text = child.getNodeValue().strip();
        if (!text.isEmpty()) {
          signature.append('"').append(text).append('"');
        }
      }
    }
    signature.append('>');
  }

  private static Map<String, String> formElements(String json) {
    Map<String, String> elements = new LinkedHashMap<>();
    try {
      collect(JSON.readTree(json).path("components"), elements);
    } catch (Exception e) {
      elements.put("(unreadable form)", json);
    }
    return elements;
  }

  private static void collect(JsonNode components, Map<String, String> elements) {
    for (JsonNode component : components) {
      String id = component.path("id").asText(component.path("key").asText(""));
      elements.put(id, component.toString());
      collect(component.path("components"), elements);
    }
  }
}
