package it.sportello.channel.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import it.sportello.channel.mail.MailPort.FetchedMessage;
import it.sportello.channel.mail.MailPort.MailboxSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a mailbox's new messages and takes each in ({@link InboundMail}); a message is marked as
 * seen on the server only after its transaction has committed. If marking fails (or the application
 * stops in between), the message is fetched again next time and skipped as already taken in.
 */
@Component
public class MailboxPoller {

  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

  private final MailPort port;
  private final InboundMail inbound;
  private final MailProperties properties;
  private final MeterRegistry meters;

  MailboxPoller(
      MailPort port, InboundMail inbound, MailProperties properties, MeterRegistry meters) {
    this.port = port;
    this.inbound = inbound;
    this.properties = properties;
    this.meters = meters;
  }

  /**
   * Takes in the mailbox's unseen messages (at most one batch).
   *
   * @return how many messages were looked at
   */
  public int poll(Mailbox mailbox) {
    if (!mailbox.receives()) {
      return 0;
    }
    int count = 0;
    try (MailboxSession session = port.open(mailbox)) {
      for (FetchedMessage message : session.unseen(properties.polling().batchSize())) {
        Timer.Sample sample = Timer.start(meters);
        InboundMail.Result result =
            message.raw() == null
                ? inbound.tooLarge(mailbox, message.uid(), message.size())
                : inbound.receive(mailbox, message.raw());
        sample.stop(
            Timer.builder("sportello.mail.intake")
                .description("Taking in one message: parsing, attachments, ticket, commit")
                .tag("mailbox", mailbox.id())
                .tag("status", result.status().name())
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters));
        count++;
        try {
          session.markSeen(message);
        } catch (RuntimeException e) {
          // taken in all the same: the next poll fetches it again and skips it
          log.warn(
              "Message {} of mailbox {} taken in but not marked as seen: {}",
              message.uid(),
              mailbox.id(),
              e.getMessage());
        }
      }
    }
    return count;
  }
}
