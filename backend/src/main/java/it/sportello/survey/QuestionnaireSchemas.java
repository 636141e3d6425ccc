package it.sportello.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules for a questionnaire's form-js schemas and for the answers to them. A questionnaire has
 * one schema per language (Italian required): every language has the same question keys, types and
 * option values, so that answers in any language are counted together; only the texts differ.
 */
public final class QuestionnaireSchemas {

  /** The languages of a questionnaire; Italian is required. */
  public static final Set<String> LANGUAGES = Set.of("it", "en", "de", "fr");

  static final Set<String> CHOICES = Set.of("radio", "select", "checklist");
  static final Set<String> FIELDS =
      Set.of("radio", "select", "checklist", "textfield", "textarea", "number", "checkbox");
  static final Set<String> LAYOUT = Set.of("text", "spacer", "separator", "group");

  static final int TEXT_MAX = 4000;

  private QuestionnaireSchemas() {}

  /**
   * The questions of valid schemas (taken from the Italian one), each schema's id set to {@code
   * code}.
   *
   * @throws InvalidRequestException naming {@code schemas.<language>...} for each broken rule
   */
  public static List<Question> check(String code, Map<String, JsonNode> schemas) {
    List<FieldViolation> violations = new ArrayList<>();
    if (schemas == null || !schemas.containsKey("it") || schemas.get("it") == null) {
      throw new InvalidRequestException("schemas.it", "the Italian schema is required");
    }
    Map<String, List<Question>> byLanguage = new LinkedHashMap<>();
    for (var entry : schemas.entrySet()) {
      String field = "schemas." + entry.getKey();
      if (!LANGUAGES.contains(entry.getKey())) {
        violations.add(new FieldViolation(field, "must be one of " + LANGUAGES));
        continue;
      }
      JsonNode schema = entry.getValue();
      if (schema == null || !schema.isObject() || !schema.path("components").isArray()) {
        violations.add(new FieldViolation(field, "must be a form-js schema with components"));
        continue;
      }
      ((ObjectNode) schema).put("id", code);
      List<Question> questions = new ArrayList<>();
      collect(schema.path("components"), field, questions, violations);
      byLanguage.put(entry.getKey(), questions);
    }
    List<Question> italian = byLanguage.getOrDefault("it", List.of());
    if (violations.isEmpty() && italian.isEmpty()) {
      violations.add(new FieldViolation("schemas.it", "must have at least one question"));
    }
    Set<String> keys = new java.util.HashSet<>();
    for (Question question : italian) {
      if (!keys.add(question.key())) {
        violations.add(
            new FieldViolation("schemas.it", "the key '" + question.key() + "' is used twice"));
      }
    }
    for (var entry : byLanguage.entrySet()) {
      if (!entry.getKey().equals("it")
          && violations.isEmpty()
          && !sameQuestions(italian, entry.getValue())) {
        violations.add(
            new FieldViolation(
                "schemas." + entry.getKey(),
                "must have the same question keys, types and option values as the Italian schema"
                    + " (only the texts are translated)"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return italian;
  }

  private static boolean sameQuestions(List<Question> a, List<Question> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Question x = a.get(i);
      Question y = b.get(i);
      if (!x.key().equals(y.key())
          || !x.type().equals(y.type())
          || !x.values().equals(y.values())) {
        return false;
      }
    }
    return true;
  }

  private static void collect(
      JsonNode components, String field, List<Question> questions, List<FieldViolation> out) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      if (type.equals("group")) {
        collect(component.path("components"), field, questions, out);
        continue;
      }
      if (LAYOUT.contains(type)) {
        continue;
      }
      String key = component.path("key").asText("");
      if (!FIELDS.contains(type)) {
        out.add(
            new FieldViolation(
                field,
                "the field type '"
                    + type
                    + "' is not supported in a questionnaire (supported: "
                    + FIELDS
                    + ")"));
        continue;
      }
      if (!key.matches("[A-Za-z][A-Za-z0-9_]{0,99}")) {
        out.add(new FieldViolation(field, "a field of type " + type + " has no valid key"));
        continue;
      }
      List<String> values = new ArrayList<>();
      if (CHOICES.contains(type)) {
        if (component.hasNonNull("valuesKey") || component.hasNonNull("valuesExpression")) {
          out.add(new FieldViolation(field, "'" + key + "': options must be static values"));
          continue;
        }
        for (JsonNode option : component.path("values")) {
          values.add(option.path("value").asText());
        }
        if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
          out.add(new FieldViolation(field, "'" + key + "': a choice needs options with values"));
          continue;
        }
      }
      boolean required =
          component.path("validate").path("required").asBoolean(false)
              && !component.hasNonNull("conditional");
      questions.add(new Question(key, type, List.copyOf(values), required));
    }
  }

  /**
   * The answers as rows per question (several for a multiple choice), in the questions' order.
   *
   * @throws InvalidRequestException naming {@code answers.<key>} for each invalid answer
   */
  public static Map<String, List<String>> answers(List<Question> questions, JsonNode data) {
    List<FieldViolation> violations = new ArrayList<>();
    Map<String, List<String>> rows = new LinkedHashMap<>();
    JsonNode answers = data == null ? com.fasterxml.jackson.databind.node.NullNode.instance : data;
    for (Question question : questions) {
      String field = "answers." + question.key();
      JsonNode value = answers.get(question.key());
      if (value == null
          || value.isNull()
          || (value.isTextual() && value.asText().isBlank())
          || (value.isArray() && value.isEmpty())) {
        if (question.required()) {
          violations.add(new FieldViolation(field, "is required"));
        }
        continue;
      }
      List<String> values = new ArrayList<>();
      switch (question.type()) {
        case "radio", "select" -> {
          String text = value.isValueNode() ? value.asText() : null;
          if (text == null || !question.values().contains(text)) {
            violations.add(new FieldViolation(field, "must be one of " + question.values()));
          } else {
            values.add(text);
          }
        }
        case "checklist" -> {
          if (!value.isArray()) {
            violations.add(new FieldViolation(field, "must be a list of " + question.values()));
          } else {
            for (JsonNode item : value) {
              if (!question.values().contains(item.asText())) {
                violations.add(new FieldViolation(field, "must be a list of " + question.values()));
                break;
              }
              if (!values.contains(item.asText())) {
                values.add(item.asText());
              }
            }
          }
        }
        case "number" -> {
          if (!value.isNumber()) {
            violations.add(new FieldViolation(field, "must be a number"));
          } else {
            values.add(value.numberValue().toString());
          }
        }
        case "checkbox" -> {
          if (!value.isBoolean()) {
            violations.add(new FieldViolation(field, "must be true or false"));
          } else {
            values.add(String.valueOf(value.asBoolean()));
          }
        }
        default -> {
          String text = value.isValueNode() ? value.asText().strip() : null;
          if (text == null || text.length() > TEXT_MAX) {
            violations.add(
                new FieldViolation(field, "must be a text of at most " + TEXT_MAX + " characters"));
          } else {
            values.add(text);
          }
        }
      }
      if (!values.isEmpty()) {
        rows.put(question.key(), values);
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return rows;
  }

  /** The score in the answers: the first value of {@code scoreKey} as a whole number, if any. */
  public static Integer score(Map<String, List<String>> rows, String scoreKey) {
    List<String> values = rows.get(scoreKey);
    if (values == null || values.isEmpty()) {
      return null;
    }
    try {
      return (int) Math.round(Double.parseDouble(Objects.requireNonNull(values.get(0))));
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
