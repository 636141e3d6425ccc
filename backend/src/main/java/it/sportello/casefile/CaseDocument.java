package it.sportello.casefile;

import java.time.Instant;

/**
 * A document of a case file: its role (e.g. {@code REPLY}), the version of that role, and the
 * stored document (by SHA-256 of its exact bytes).
 */
public record CaseDocument(
    String role,
    int version,
    long documentId,
    String sha256,
    String fileName,
    String mediaType,
    long size,
    String addedBy,
    Instant addedAt,
    boolean current) {}
