package it.sportello.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Texts an administration edits, in four languages: {@code
 * templates/<bundle>/<language>.properties} on the class path (the defaults), each key replaceable
 * by {@code <bundle>/<language>.properties} under the configured {@link
 * TemplateProperties#directory() directory}, without recompiling. {@code {name}} in a text is
 * replaced by the value of that name. Italian when a language lacks a key.
 */
@Component
public class TextTemplates {

  /** The languages every bundle has. */
  public static final List<String> LANGUAGES = List.of("it", "en", "de", "fr");

  private static final String FALLBACK = "it";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  private final TemplateProperties properties;
  private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

  public TextTemplates(TemplateProperties properties) {
    this.properties = properties;
  }

  private record Loaded(Properties texts, FileTime overrideModified) {}

  /** The language of the texts without a reader's language (documents, letters). */
  public String defaultLanguage() {
    return properties.language();
  }

  /** The text of {@code key} in {@code language} (Italian when missing there), if any. */
  public Optional<String> find(String bundle, String key, String language) {
    String value = texts(bundle, language == null ? FALLBACK : language).getProperty(key);
    return Optional.ofNullable(value != null ? value : texts(bundle, FALLBACK).getProperty(key));
  }

  /**
   * The text of {@code key} with its placeholders filled.
   *
   * @throws IllegalStateException when no language has the key
   */
  public String render(String bundle, String key, String language, Map<String, ?> values) {
    return fill(
        find(bundle, key, language)
            .orElseThrow(() -> new IllegalStateException("No text " + bundle + "/" + key)),
        values);
  }

  /** The keys of a bundle in a language (defaults and replacements). */
  public Set<String> keys(String bundle, String language) {
    return new TreeSet<>(texts(bundle, language).stringPropertyNames());
  }

  /** Replaces each {@code {name}} by its value (empty when there is none). */
  public static String fill(String text, Map<String, ?> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Object value = values.get(matcher.group(1));
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The names of the placeholders in a text. */
  public static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private Properties texts(String bundle, String language) {
    String name = bundle + "/" + language + ".properties";
    Path override = properties.directory() == null ? null : properties.directory().resolve(name);
    FileTime modified = modified(override);
    return cache
        .compute(
            name,
            (key, loaded) ->
                loaded != null && java.util.Objects.equals(loaded.overrideModified(), modified)
                    ? loaded
                    : new Loaded(load(name, override), modified))
        .texts();
  }

  private static FileTime modified(Path file) {
    try {
      return file != null && Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Properties load(String name, Path override) {
    Properties texts = new Properties();
    try (InputStream in = TextTemplates.class.getResourceAsStream("/templates/" + name)) {
      if (in != null) {
        read(texts, in);
      }
      if (override != null && Files.isRegularFile(override)) {
        try (InputStream local = Files.newInputStream(override)) {
          read(texts, local);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }

  private static void read(Properties texts, InputStream in) throws IOException {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    texts.load(reader);
  }
}
