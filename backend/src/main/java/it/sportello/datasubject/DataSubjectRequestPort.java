package it.sportello.datasubject;

import java.time.Instant;

/** The {@code data-subject-request} procedure (implemented on the engine in {@code process}). */
public interface DataSubjectRequestPort {

  void start(long requestId, String kind, Instant dueAt, Instant reminderAt);

  /** Completes the officer's task "answer the data subject"; false when none is open. */
  boolean answer(long requestId, String actor);
}
