package it.sportello.channel.web;

import it.sportello.shared.TextTemplates;

/**
 * Where a citizen's request stands, in plain language, in the request's language: the bundle
 * {@value #BUNDLE} of {@link TextTemplates} ({@code
 * templates/request-status/<language>.properties}, replaceable from the templates directory;
 * Italian when the language has no text, the code when no language has one).
 */
final class StatusLabels {

  /** The bundle of the status labels in {@link TextTemplates}. */
  static final String BUNDLE = "request-status";

  private StatusLabels() {}

  static String label(TextTemplates texts, String code, String language) {
    return texts.find(BUNDLE, code, language).orElse(code);
  }
}
