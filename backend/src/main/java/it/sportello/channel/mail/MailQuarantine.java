package it.sportello.channel.mail;

import it.sportello.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The messages that could not be read, for supervisors; on request also the duplicates recorded and
 * the messages whose taking in was interrupted.
 */
@Service
public class MailQuarantine {

  private final InboundMessageTable messages;

  MailQuarantine(InboundMessageTable messages) {
    this.messages = messages;
  }

  /**
   * A quarantined message.
   *
   * @param size the bytes kept, null when none were (too large, a minimal row, a duplicate)
   * @param status QUARANTINED, or DUPLICATE / RECEIVING when asked for
   * @param duplicateOf for a DUPLICATE: the first message with its Message-ID
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
      Long size,
      InboundStatus status,
      Long duplicateOf) {}

  public List<QuarantinedMessage> list(int limit) {
    return list(List.of(InboundStatus.QUARANTINED), limit);
  }

  /** The messages in these statuses, newest first. */
  public List<QuarantinedMessage> list(List<InboundStatus> statuses, int limit) {
    return messages.withStatus(statuses, limit).stream()
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
                    m.rawSize(),
                    m.status(),
                    m.duplicateOf()))
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
