package it.sportello.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms' wording in a language, from the application's locale files ({@code
 * locales/<lang>.json} on the classpath, section {@code forms.<form id>.<field key>}), as the
 * workspace translates forms; the form's own wording when a key is missing (a path an analyst has
 * just deployed).
 */
@Component
class FormTexts {

  private final ObjectMapper json;
  private final Map<String, JsonNode> locales = new ConcurrentHashMap<>();

  FormTexts(ObjectMapper json) {
    this.json = json;
  }

  String label(String language, String formId, String key, String fallback) {
    return text(forms(language).path(formId).path(key).path("label"), fallback);
  }

  String option(String language, String formId, String key, String value, String fallback) {
    return text(forms(language).path(formId).path(key).path("values").path(value), fallback);
  }

  private JsonNode forms(String language) {
    return locales.computeIfAbsent(language, this::load).path("forms");
  }

  private JsonNode load(String language) {
    try (InputStream in =
        FormTexts.class.getClassLoader().getResourceAsStream("locales/" + language + ".json")) {
      return in == null ? MissingNode.getInstance() : json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node, String fallback) {
    return node.isTextual() ? node.asText() : fallback;
  }
}
