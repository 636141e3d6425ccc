package it.sportello.kb.web;

import it.sportello.kb.Article;
import it.sportello.kb.ArticleLink;
import it.sportello.kb.ArticleStatus;
import it.sportello.kb.ArticleVariant;
import it.sportello.kb.Audience;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An article as the API shows it. */
record ArticleView(
    long id,
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

  static ArticleView of(Article a) {
    return new ArticleView(
        a.id(),
        a.categoryCode(),
        a.status(),
        a.audience(),
        a.roles(),
        a.tags(),
        a.reviewAt(),
        a.version(),
        a.createdBy(),
        a.createdAt(),
        a.updatedBy(),
        a.updatedAt(),
        a.publishedAt(),
        a.sourceTicket(),
        a.variants(),
        a.links());
  }
}
