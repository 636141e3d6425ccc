package it.sportello.kb;

import java.time.Instant;

/** One saved version of an article: who, when, why, and the whole article as readable text. */
public record ArticleVersion(
    int version, String author, Instant createdAt, String changeNote, String content) {}
