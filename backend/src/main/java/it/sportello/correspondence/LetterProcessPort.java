package it.sportello.correspondence;

import java.time.Instant;

/** What letters need from the process engine. Implemented in {@code correspondence.process}. */
public interface LetterProcessPort {

  void start(String protocolNumber, String office, Instant answerDueAt, Instant reminderAt);
}
