package it.sportello.channel.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import it.sportello.channel.mail.MailPort.FetchedMessage;
import it.sportello.channel.mail.MailPort.MailboxSession;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads a mailbox's new messages and takes each in ({@link InboundMail}); a message is marked as
 * seen on the server only after its transaction has committed. If marking fails (or the application
 * stops in between), the message is fetched again next time and skipped as already taken in.
 *
 * <p>One message at a time, its bytes fetched only when its turn comes (a large one into a
 * temporary file, see {@link RawMessage}); a message that fails without anything recorded stays
 * unseen and the next one is taken in all the same. A message above {@code
 * sportello.mail.polling.max-message-size} is not fetched: only its headers, to refuse it with a
 * reply to its sender. Between two messages the poll ends if the application is stopping. How the
 * polls go is kept in {@link MailboxHealth}.
 */
@Component
public class MailboxPoller {

  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

  private final MailPort port;
  private final InboundMail inbound;
  private final MailProperties properties;
  private final MeterRegistry meters;
  private final MailboxHealth health;
  private final IntakeShutdown shutdown;

  @Autowired
  MailboxPoller(
      MailPort port,
      InboundMail inbound,
      MailProperties properties,
      MeterRegistry meters,
      MailboxHealth health,
      IntakeShutdown shutdown) {
    this.port = port;
    this.inbound = inbound;
    this.properties = properties;
    this.meters = meters;
    this.health = health;
    this.shutdown = shutdown;
  }

  /** A poller of its own (tests): its health figures and stop signal are its own too. */
  MailboxPoller(
      MailPort port, InboundMail inbound, MailProperties properties, MeterRegistry meters) {
    this(
        port,
        inbound,
        properties,
        meters,
        new MailboxHealth(Clock.systemUTC()),
        new IntakeShutdown());
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
    health.pollStarted(mailbox.id());
    int count = 0;
    RuntimeException failure = null;
    try (MailboxSession session = port.open(mailbox)) {
      for (FetchedMessage message : session.unseen(properties.polling().batchSize())) {
        if (shutdown.stopping()) {
          break; // the rest stays unseen for the next start
        }
        count++;
        RuntimeException failed = takeIn(mailbox, session, message);
        if (failed != null) {
          failure = failed;
        }
      }
    } catch (RuntimeException e) {
      health.pollFailed(mailbox.id(), e);
      throw e;
    }
    if (failure != null) {
      health.pollFailed(mailbox.id(), failure);
    } else {
      health.pollSucceeded(mailbox.id());
    }
    return count;
  }

  /** Takes one message in; returns the failure when nothing could be recorded (it stays unseen). */
  private RuntimeException takeIn(Mailbox mailbox, MailboxSession session, FetchedMessage message) {
    Timer.Sample sample = Timer.start(meters);
    InboundMail.Result result;
    long limit = properties.polling().maxMessageSize();
    try {
      if (message.size() > limit) {
        result =
            inbound.tooLarge(
                mailbox, message.uid(), message.size(), limit, headers(mailbox, message));
      } else {
        try (RawMessage raw = message.read()) {
          result =
              raw.size() > limit
                  ? inbound.tooLarge(
                      mailbox, message.uid(), raw.size(), limit, headers(mailbox, message))
                  : inbound.receive(mailbox, raw);
        }
      }
    } catch (IntakeShutdown.Interrupted e) {
      log.info(
          "Message {} of mailbox {} left unseen: the application is stopping",
          message.uid(),
          mailbox.id());
      return null;
    } catch (RuntimeException e) {
      if (shutdown.stopping()) {
        log.info(
            "Message {} of mailbox {} left unseen: the application is stopping ({})",
            message.uid(),
            mailbox.id(),
            e.getClass().getSimpleName());
        return null;
      }
      // nothing recorded: left unseen, fetched again at the next poll; the next one goes on
      log.warn(
          "Message {} of mailbox {} could not be taken in, left unseen: {}",
          message.uid(),
          mailbox.id(),
          MailboxHealth.describe(e));
      log.debug("Message {} of mailbox {} could not be taken in", message.uid(), mailbox.id(), e);
      return e;
    }
    sample.stop(
        Timer.builder("sportello.mail.intake")
            .description("Taking in one message: parsing, attachments, ticket, commit")
            .tag("mailbox", mailbox.id())
            .tag("status", result.status().name())
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(meters));
    try {
      session.markSeen(message);
    } catch (RuntimeException e) {
      // taken in all the same: the next poll fetches it again and skips it
      log.warn(
          "Message {} of mailbox {} taken in but not marked as seen: {}",
          message.uid(),
          mailbox.id(),
          MaskedAddresses.maskAll(e.getMessage()));
    }
    return null;
  }

  /** The headers of a message too large to fetch, to answer its sender; null if unreadable. */
  private static byte[] headers(Mailbox mailbox, FetchedMessage message) {
    try {
      return message.headers();
    } catch (RuntimeException e) {
      log.warn(
          "Headers of message {} of mailbox {} unreadable: {}",
          message.uid(),
          mailbox.id(),
          MailboxHealth.describe(e));
      return null;
    }
  }
}
