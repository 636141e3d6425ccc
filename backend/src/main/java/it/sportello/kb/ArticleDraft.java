package it.sportello.kb;

import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an author writes: the article's content and settings. Validates itself.
 *
 * @param categoryCode the reason (or topic) it answers, by code; optional
 * @param changeNote what changed, for the version history; optional
 */
public record ArticleDraft(
    String categoryCode,
    Audience audience,
    List<String> roles,
    List<String> tags,
    LocalDate reviewAt,
    List<ArticleVariant> variants,
    List<ArticleLink> links,
    String changeNote) {

  public static final Set<String> LANGUAGES = Set.of("it", "en", "de", "fr");

  public ArticleDraft {
    roles = clean(roles);
    tags = clean(tags).stream().map(String::toLowerCase).distinct().toList();
    variants = variants == null ? List.of() : List.copyOf(variants);
    links = links == null ? List.of() : List.copyOf(links);
  }

  private static List<String> clean(List<String> values) {
    return values == null
        ? List.of()
        : values.stream()
            .filter(v -> v != null && !v.isBlank())
            .map(v -> v.trim().replace(",", " "))
            .distinct()
            .toList();
  }

  /**
   * @throws InvalidRequestException naming each invalid field
   */
  public void validate() {
    List<FieldViolation> violations = new ArrayList<>();
    if (audience == null) {
      violations.add(new FieldViolation("audience", "is required"));
    }
    if (audience == Audience.ROLES && roles.isEmpty()) {
      violations.add(new FieldViolation("roles", "at least one role for audience ROLES"));
    }
    if (variants.isEmpty()) {
      violations.add(new FieldViolation("variants", "at least one language variant"));
    }
    Set<String> languages = new HashSet<>();
    for (int i = 0; i < variants.size(); i++) {
      ArticleVariant variant = variants.get(i);
      String at = "variants[" + i + "]";
      if (variant.language() == null || !LANGUAGES.contains(variant.language())) {
        violations.add(new FieldViolation(at + ".language", "one of " + LANGUAGES));
      } else if (!languages.add(variant.language())) {
        violations.add(new FieldViolation(at + ".language", "appears twice"));
      }
      if (variant.title() == null || variant.title().isBlank()) {
        violations.add(new FieldViolation(at + ".title", "is required"));
      } else if (variant.title().length() > 300) {
        violations.add(new FieldViolation(at + ".title", "at most 300 characters"));
      }
      if (variant.summary() != null && variant.summary().length() > 1000) {
        violations.add(new FieldViolation(at + ".summary", "at most 1000 characters"));
      }
    }
    for (int i = 0; i < links.size(); i++) {
      ArticleLink link = links.get(i);
      if (link.kind() == null) {
        violations.add(new FieldViolation("links[" + i + "].kind", "is required"));
      }
      if (link.target() == null || link.target().isBlank()) {
        violations.add(new FieldViolation("links[" + i + "].target", "is required"));
      } else if (link.kind() == LinkKind.WEB && !link.target().matches("https?://\\S+")) {
        violations.add(new FieldViolation("links[" + i + "].target", "an http(s) address"));
      } else if (link.kind() == LinkKind.ARTICLE && !link.target().matches("\\d+")) {
        violations.add(new FieldViolation("links[" + i + "].target", "an article id"));
      }
    }
    if (String.join(",", tags).length() > 1000) {
      violations.add(new FieldViolation("tags", "too many tags"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }
}
