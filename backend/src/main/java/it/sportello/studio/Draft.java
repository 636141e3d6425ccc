package it.sportello.studio;

import java.time.Instant;

/** A studio draft: a model being changed, with who wrote it and why. */
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
    Instant updatedAt) {}
