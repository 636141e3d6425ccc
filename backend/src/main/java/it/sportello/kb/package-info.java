/**
 * The knowledge base: the classification tree (topic, reason and deeper levels), articles with
 * language variants, audience, tags and links, every version (who, when, a readable diff), the
 * article's path, and the publication workflow's business steps ({@link
 * it.sportello.kb.Publication}) that the {@code kb-publication} process drives. Business code only:
 * the engine sits behind {@link it.sportello.kb.KbProcessPort} ({@code kb.process}), the search
 * engine behind the {@code search} module, which indexes what {@link
 * it.sportello.kb.ArticleDocuments} hands it. {@link it.sportello.kb.KbUsage} keeps the usage log
 * (reads, searches, opinions) that the {@code reporting} module's KB usage report aggregates.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "platform :: process",
      "platform :: security",
      "processes",
      "search",
      "shared",
      "shared :: web",
      "sla",
      "worklist"
    })
package it.sportello.kb;
