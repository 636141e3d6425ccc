package it.sportello.kb;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A knowledge article with all its language variants, as stored now (its latest version). */
public record Article(
    long id,
    Long categoryId,
    String categoryCode,
    ArticleStatus status,
    Audience audience,
    List<String> roles,
    List<String> tags,
    LocalDate reviewAt,
    int version,
    String createdBy,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt,
    Instant publishedAt,
    String sourceTicket,
    List<ArticleVariant> variants,
    List<ArticleLink> links) {

  /** The same article with these variants and links. */
  public Article with(List<ArticleVariant> variants, List<ArticleLink> links) {
    return new Article(
        id,
        categoryId,
        categoryCode,
        status,
        audience,
        roles,
        tags,
        reviewAt,
        version,
        createdBy,
        createdAt,
        updatedBy,
        updatedAt,
        publishedAt,
        sourceTicket,
        List.copyOf(variants),
        List.copyOf(links));
  }

  /** The business key of its publication process. */
  public String key() {
    return key(id);
  }

  public static String key(long id) {
    return "KB-" + id;
  }

  /** The article id of a business key {@code KB-<id>}. */
  public static long idOfKey(String key) {
    if (key == null || !key.startsWith("KB-")) {
      throw new IllegalArgumentException("Not a knowledge-base key: " + key);
    }
    return Long.parseLong(key.substring(3));
  }

  public Optional<ArticleVariant> variant(String language) {
    return variants.stream().filter(v -> v.language().equals(language)).findFirst();
  }

  /** The title in Italian, else in the first language it has. */
  public String title() {
    return variant("it")
        .or(() -> variants.stream().findFirst())
        .map(ArticleVariant::title)
        .orElse("");
  }
}
