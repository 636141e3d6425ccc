package it.sportello.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where an administration keeps its own versions of the texts ({@code sportello.templates.*}).
 *
 * @param directory a directory holding {@code <bundle>/<language>.properties} files whose keys
 *     replace the defaults packaged in the application (read again when a file changes); none: the
 *     defaults only
 * @param language the language of the texts that have no reader's language: the case files'
 *     documents and letters (it, en, de or fr)
 */
@ConfigurationProperties("sportello.templates")
public record TemplateProperties(Path directory, @DefaultValue("it") String language) {

  public TemplateProperties {
    // an empty setting (the environment variable unset) means none, not the working directory
    if (directory != null && directory.toString().isBlank()) {
      directory = null;
    }
    if (!TextTemplates.LANGUAGES.contains(language)) {
      throw new IllegalArgumentException(
          "sportello.templates.language must be one of " + TextTemplates.LANGUAGES);
    }
  }
}
