package it.sportello.channel.mail;

import it.sportello.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** The messages that could not be read, for supervisors. */
@Service
public class MailQuarantine {

  private final InboundMessages messages;

  MailQuarantine(InboundMessages messages) {
    this.messages = messages;
  }

  /**
   * A quarantined message.
   *
   * @param size the bytes kept, null when the message was left on the server (too large)
   */
  public record QuarantinedMessage(
      long id,
      String mailboxId,
      String messageId,
      String sender,
      String subject,
      String reason,
      Instant receivedAt,
      Instant lastAttemptAt,
      int attempts,
      Long size) {}

  public List<QuarantinedMessage> list(int limit) {
    return messages.quarantined(limit).stream()
        .map(
            m ->
                new QuarantinedMessage(
                    m.id(),
                    m.mailboxId(),
                    m.messageId(),
                    m.sender(),
                    m.subject(),
                    m.reason(),
                    m.receivedAt(),
                    m.processedAt(),
                    m.attempts(),
                    m.rawSize()))
        .toList();
  }

  public byte[] raw(long id) {
    return messages
        .get(id)
        .filter(m -> m.status() == InboundStatus.QUARANTINED)
        .flatMap(m -> messages.raw(id))
        .orElseThrow(() -> new NotFoundException("No quarantined message " + id + " with content"));
  }
}
