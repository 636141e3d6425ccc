package it.sportello.kb;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An article as readable text, one field per line block, so that two versions compare line by line
 * (java-diff-utils) into a unified diff a reviewer can read.
 */
final class ArticleText {

  static String of(String categoryCode, ArticleDraft draft) {
    StringBuilder text = new StringBuilder();
    text.append("Classificazione: ").append(nullToEmpty(categoryCode)).append('\n');
    text.append("Destinatari: ").append(draft.audience());
    if (!draft.roles().isEmpty()) {
      text.append(" (").append(String.join(", ", draft.roles())).append(')');
    }
    text.append('\n');
    text.append("Tag: ").append(String.join(", ", draft.tags())).append('\n');
    text.append("Revisione entro: ")
        .append(draft.reviewAt() == null ? "" : draft.reviewAt().toString())
        .append('\n');
    for (ArticleVariant variant : draft.variants()) {
      text.append("\n[").append(variant.language()).append("] Titolo: ").append(variant.title());
      text.append("\n[").append(variant.language()).append("] Sommario: ");
      text.append(nullToEmpty(variant.summary()).replace('\n', ' '));
      text.append("\n[").append(variant.language()).append("] Testo:\n");
      text.append(nullToEmpty(variant.body()).strip()).append('\n');
    }
    for (ArticleLink link : draft.links()) {
      text.append("\nCollegamento ")
          .append(link.kind())
          .append(": ")
          .append(link.target())
          .append(link.label() == null || link.label().isBlank() ? "" : " (" + link.label() + ")");
    }
    return text.toString();
  }

  /** The unified diff from one version's text to another's, with 2 lines of context. */
  static List<String> diff(String fromName, String from, String toName, String to) {
    List<String> original = lines(from);
    List<String> revised = lines(to);
    Patch<String> patch = DiffUtils.diff(original, revised);
    if (patch.getDeltas().isEmpty()) {
      return List.of();
    }
    return new ArrayList<>(
        UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, original, patch, 2));
  }

  private static List<String> lines(String text) {
    return Arrays.asList(text.split("\n", -1));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private ArticleText() {}
}
