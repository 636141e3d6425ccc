package it.sportello.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.studio.ModelChange.PropertyChange;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What changed between two versions of a model, by element id: added, removed and changed elements,
 * each with the properties that differ (attributes, {@code camunda:*} extensions, conditions, timer
 * definitions, listeners, a rule's input and output entries...). The diagram's layout (BPMN DI, DMN
 * DI) is left out: moving a shape is no change of the procedure. Parts that only exist inside an
 * element (event definitions, conditions, a rule's entries) count as properties of that element,
 * whatever ids the modeler gave them.
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

  private static final Set<String> CAMUNDA_NAMESPACES =
      Set.of("http://camunda.org/schema/1.0/bpmn", "http://camunda.org/schema/1.0/dmn");

  /** The tool that wrote the file, not the procedure. */
  private static final Set<String> IGNORED_ATTRIBUTES = Set.of("exporter", "exporterVersion");

  private static final String MODELER_NAMESPACE = "http://camunda.org/schema/modeler/1.0";

  /** Parts of an element, compared as its properties even when they carry an id. */
  private static final Set<String> FOLDED =
      Set.of(
          "inputEntry",
          "outputEntry",
          "inputExpression",
          "conditionExpression",
          "documentation",
          "extensionElements",
          "multiInstanceLoopCharacteristics",
          "standardLoopCharacteristics");

  private static final ObjectMapper JSON = new ObjectMapper();

  private StudioDiff() {}

  /** An element as compared: where it is and its properties. */
  private record Item(String type, String name, String scope, Map<String, String> properties) {}

  /** The changed elements, in the order of the newer model, the removed ones last. */
  static List<ModelChange> changes(DraftKind kind, String before, String after) {
    Map<String, Item> old = before == null ? Map.of() : items(kind, before);
    Map<String, Item> now = items(kind, after);
    List<ModelChange> changes = new ArrayList<>();
    for (Map.Entry<String, Item> element : now.entrySet()) {
      Item item = element.getValue();
      Item previous = old.get(element.getKey());
      if (previous == null) {
        changes.add(change(element.getKey(), item, ModelChange.ADDED, Map.of(), item.properties()));
      } else if (!previous.properties().equals(item.properties())) {
        changes.add(
            change(
                element.getKey(),
                item,
                ModelChange.CHANGED,
                previous.properties(),
                item.properties()));
      }
    }
    for (Map.Entry<String, Item> element : old.entrySet()) {
      if (!now.containsKey(element.getKey())) {
        Item item = element.getValue();
        changes.add(
            change(element.getKey(), item, ModelChange.REMOVED, item.properties(), Map.of()));
      }
    }
    return changes;
  }

  /** One line per kind of change; {@code before} null means a new model. */
  static String summary(DraftKind kind, String before, String after) {
    if (before == null) {
      return "new model";
    }
    List<ModelChange> changes = changes(kind, before, after);
    if (changes.isEmpty()) {
      return "no change to the model (layout only, or none)";
    }
    List<String> lines = new ArrayList<>();
    for (String change : List.of(ModelChange.ADDED, ModelChange.REMOVED, ModelChange.CHANGED)) {
      List<String> ids =
          changes.stream()
              .filter(c -> c.change().equals(change))
              .map(
                  c ->
                      change.equals(ModelChange.CHANGED)
                          ? c.elementId()
                              + " ("
                              + String.join(
                                  ", ",
                                  c.properties().stream().map(PropertyChange::property).toList())
                              + ")"
                          : c.elementId())
              .toList();
      if (!ids.isEmpty()) {
        lines.add(change.toLowerCase(java.util.Locale.ROOT) + ": " + String.join(", ", ids));
      }
    }
    return String.join("\n", lines);
  }

  private static ModelChange change(
      String id, Item item, String change, Map<String, String> before, Map<String, String> after) {
    Set<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    List<PropertyChange> properties = new ArrayList<>();
    for (String name : names) {
      String was = before.get(name);
      String is = after.get(name);
      if (was == null ? is != null : !was.equals(is)) {
        properties.add(new PropertyChange(name, was, is));
      }
    }
    return new ModelChange(id, item.type(), item.name(), item.scope(), change, properties);
  }

  private static Map<String, Item> items(DraftKind kind, String content) {
    Map<String, Item> items = new LinkedHashMap<>();
    try {
      if (kind == DraftKind.FORM) {
        collect(JSON.readTree(content).path("components"), items);
      } else {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        collect(
            factory
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement(),
            null,
            items);
      }
    } catch (Exception e) {
      items.put(
          "(unreadable model)",
          new Item("model", null, null, Map.of("content", String.valueOf(content.hashCode()))));
    }
    return items;
  }

  private static void collect(Element element, String scope, Map<String, Item> items) {
    if (layout(element)) {
      return;
    }
    String local = element.getLocalName();
    String inner = "process".equals(local) || "decision".equals(local) ? id(element) : scope;
    if (element.hasAttribute("id") && !folded(element)) {
      Map<String, String> properties = new LinkedHashMap<>();
      flatten(element, "", properties);
      items.put(id(element), new Item(local, name(element), inner, properties));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collect(childElement, inner, items);
      }
    }
  }

  /** The element's attributes and text, and those of its parts without an id of their own. */
  private static void flatten(Element element, String prefix, Map<String, String> properties) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      String name = attribute.getNodeName();
      if (name.startsWith("xmlns")
          || "id".equals(name)
          || IGNORED_ATTRIBUTES.contains(name)
          || MODELER_NAMESPACE.equals(attribute.getNamespaceURI())) {
        continue;
      }
      String property = qualified(attribute);
      properties.put(
          prefix.isEmpty() ? property : prefix + "@" + property, attribute.getNodeValue());
    }
    StringBuilder text = new StringBuilder();
    Map<String, Integer> counts = new HashMap<>();
    List<Element> parts = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element part) {
        if (!layout(part) && (!part.hasAttribute("id") || folded(part))) {
          parts.add(part);
          counts.merge(qualified(part), 1, Integer::sum);
        }
      } else if (child.getNodeType() == Node.TEXT_NODE
          || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    if (!text.toString().isBlank()) {
      properties.put(prefix.isEmpty() ? "text" : prefix, text.toString().strip());
    }
    Map<String, Integer> seen = new HashMap<>();
    for (Element part : parts) {
      String name = qualified(part);
      int index = seen.merge(name, 1, Integer::sum);
      String label = entryLabel(part);
      if ("text".equals(name) && counts.get(name) == 1) {
        // a DMN expression's text is the value of what holds it
        flatten(part, prefix.isEmpty() ? "text" : prefix, properties);
        continue;
      }
      if (label == null) {
        label = counts.get(name) > 1 ? name + "[" + index + "]" : name;
      }
      flatten(part, prefix.isEmpty() ? label : prefix + "/" + label, properties);
    }
  }

  /** A rule's entry named by its column: {@code input 'Topic'}, {@code output 'Queue'}. */
  private static String entryLabel(Element entry) {
    String local = entry.getLocalName();
    if (!"inputEntry".equals(local) && !"outputEntry".equals(local)) {
      return null;
    }
    int position = 0;
    for (Node n = entry.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
      if (n instanceof Element e && local.equals(e.getLocalName())) {
        position++;
      }
    }
    String column = "inputEntry".equals(local) ? "input" : "output";
    if (entry.getParentNode() instanceof Element rule
        && rule.getParentNode() instanceof Element table) {
      int i = 0;
      for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && column.equals(e.getLocalName()) && i++ == position) {
          String label = e.getAttribute("label");
          if (label.isEmpty()) {
            label = e.getAttribute("name");
          }
          if (label.isEmpty()) {
            label = e.getAttribute("id");
          }
          return column + " '" + label + "'";
        }
      }
    }
    return column + "[" + (position + 1) + "]";
  }

  private static boolean folded(Element element) {
    String local = element.getLocalName();
    return FOLDED.contains(local) || local.endsWith("EventDefinition");
  }

  private static String qualified(Node node) {
    String local = node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
    return node.getNamespaceURI() != null && CAMUNDA_NAMESPACES.contains(node.getNamespaceURI())
        ? "camunda:" + local
        : local;
  }

  private static boolean layout(Node node) {
    return node.getNamespaceURI() != null && LAYOUT_NAMESPACES.contains(node.getNamespaceURI());
  }

  private static String id(Element element) {
    return element.getAttribute("id");
  }

  /** Its name or label, or a rule's description. */
  private static String name(Element element) {
    for (String attribute : List.of("name", "label")) {
      if (element.hasAttribute(attribute) && !element.getAttribute(attribute).isBlank()) {
        return element.getAttribute(attribute);
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element part && "description".equals(part.getLocalName())) {
        return part.getTextContent().strip();
      }
    }
    return null;
  }

  private static void collect(JsonNode components, Map<String, Item> items) {
    for (JsonNode component : components) {
      String id = component.path("id").asText(component.path("key").asText(""));
      Map<String, String> properties = new LinkedHashMap<>();
      component
          .properties()
          .forEach(
              field -> {
                if (!"components".equals(field.getKey()) && !"id".equals(field.getKey())) {
                  properties.put(
                      field.getKey(),
                      field.getValue().isTextual()
                          ? field.getValue().asText()
                          : field.getValue().toString());
                }
              });
      String label = component.path("label").asText(null);
      items.put(id, new Item(component.path("type").asText("component"), label, null, properties));
      collect(component.path("components"), items);
    }
  }
}
