package it.sportello.channel.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How each receiving mailbox's polls went, in memory since the start: when it was last read, last
 * read without error, the last error (addresses masked) and how many polls in a row failed. A poll
 * fails when the server cannot be read, or when a message could not be recorded at all (it stays
 * unseen and is tried again); a quarantined message is recorded, so it is no failure of the poll.
 */
@Component
public class MailboxHealth {

  /**
   * One mailbox's figures.
   *
   * @param lastPoll when the last poll began (null: not polled since the start)
   * @param lastSuccess when a poll last ended without error
   * @param lastErrorAt when the last error happened
   * @param lastError what it was: exception and message, addresses masked
   * @param consecutiveFailures polls in a row that ended with an error (0: the last one did not)
   */
  public record Status(
      String mailbox,
      Instant lastPoll,
      Instant lastSuccess,
      Instant lastErrorAt,
      String lastError,
      int consecutiveFailures) {}

  private final Clock clock;
  private final Map<String, Status> byMailbox = new ConcurrentHashMap<>();

  MailboxHealth(Clock clock) {
    this.clock = clock;
  }

  void pollStarted(String mailbox) {
    Instant now = clock.instant();
    byMailbox.compute(
        mailbox,
        (id, s) ->
            s == null
                ? new Status(id, now, null, null, null, 0)
                : new Status(
                    id,
                    now,
                    s.lastSuccess(),
                    s.lastErrorAt(),
                    s.lastError(),
                    s.consecutiveFailures()));
  }

  void pollSucceeded(String mailbox) {
    Instant now = clock.instant();
    byMailbox.compute(
        mailbox,
        (id, s) ->
            s == null
                ? new Status(id, now, now, null, null, 0)
                : new Status(id, s.lastPoll(), now, s.lastErrorAt(), s.lastError(), 0));
  }

  void pollFailed(String mailbox, Throwable error) {
    Instant now = clock.instant();
    String text = describe(error);
    byMailbox.compute(
        mailbox,
        (id, s) ->
            s == null
                ? new Status(id, now, null, now, text, 1)
                : new Status(
                    id, s.lastPoll(), s.lastSuccess(), now, text, s.consecutiveFailures() + 1));
  }

  /** The figures of every mailbox polled since the start, by id. */
  public List<Status> all() {
    return byMailbox.values().stream().sorted(Comparator.comparing(Status::mailbox)).toList();
  }

  public Status of(String mailbox) {
    return byMailbox.getOrDefault(mailbox, new Status(mailbox, null, null, null, null, 0));
  }

  /** The exception's class and message, and its causes'; addresses masked, at most 1,000 chars. */
  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null && text.length() < 1000; t = t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" — caused by: ");
      }
      text.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        text.append(": ").append(t.getMessage());
      }
    }
    String masked = MaskedAddresses.maskAll(text.toString());
    return masked.length() <= 1000 ? masked : masked.substring(0, 999) + "…";
  }
}
