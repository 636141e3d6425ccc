package it.sportello.casefile;

import java.time.Instant;

/** One step of a case file's timeline: what happened, when, by whom, with which document. */
public record TimelineEntry(
    long id, Instant occurredAt, String kind, String actor, String detail, Long documentId) {}
