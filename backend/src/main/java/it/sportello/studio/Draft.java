package it.sportello.studio;

import java.time.Instant;

/**
 * A studio draft: a model being changed, with who wrote it and why.
 *
 * @param tests a decision table's tests (JSON, see {@code docs/studio.md}), null when it has none
 */
public record Draft(
    long id,
    DraftKind kind,
    String key,
    String content,
    String sha256,
    Integer baseVersion,
    String changeNote,
    String author,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt,
    String tests) {}
