package it.sportello.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** What staff write: the notice's content, without its state. */
public record NoticeDraft(
    String topic,
    Notice.Audience audience,
    Notice.Kind kind,
    Map<String, String> title,
    Map<String, String> body,
    Instant validFrom,
    Instant validTo,
    LocalDate deadline) {}
