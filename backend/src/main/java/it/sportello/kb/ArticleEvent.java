package it.sportello.kb;

import java.time.Instant;

/**
 * A step on an article's path: created, edited, submitted, approved, sent back (with the reviewer's
 * comment), published, withdrawn, ...
 */
public record ArticleEvent(Instant occurredAt, String actor, String kind, String comment) {}
