package it.sportello.search;

/** A found document, with a highlighted snippet ({@code <mark>} around the matched words). */
public record SearchHit(
    long sourceId,
    String language,
    String title,
    String summary,
    String snippet,
    String category,
    String audience,
    double score) {}
