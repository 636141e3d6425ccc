package it.sportello.kb.web;

import it.sportello.kb.ArticleDraft;
import it.sportello.kb.ArticleLink;
import it.sportello.kb.ArticleVariant;
import it.sportello.kb.Audience;
import java.time.LocalDate;
import java.util.List;

/** An article as an author writes it. */
record ArticleRequest(
    String categoryCode,
    Audience audience,
    List<String> roles,
    List<String> tags,
    LocalDate reviewAt,
    List<ArticleVariant> variants,
    List<ArticleLink> links,
    String changeNote) {

  ArticleDraft toDraft() {
    return new ArticleDraft(
        categoryCode, audience, roles, tags, reviewAt, variants, links, changeNote);
  }
}
