package it.sportello.channel.mail;

import it.sportello.channel.mail.InboundAnalysis.Conversation;
import it.sportello.channel.mail.InboundAnalysis.Ignored;
import it.sportello.channel.mail.InboundMessageTable.Claim;
import it.sportello.channel.mail.InboundMessageTable.InboundMessage;
import it.sportello.channel.mail.InboundMessageTable.Outcome;
import it.sportello.channel.mail.pec.PecEnvelope;
import it.sportello.contact.Interaction;
import it.sportello.contact.InteractionLog;
import it.sportello.contact.RequesterData;
import it.sportello.document.Documents;
import it.sportello.document.OwnerKind;
import it.sportello.document.StoredDocument;
import it.sportello.shared.ConflictException;
import it.sportello.shared.DbText;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.application.OpenTicketCommand;
import it.sportello.ticket.application.TicketIntake;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.Ticket;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in one message from a mailbox, exactly once: a new conversation opens a ticket, a reply is
 * added to its ticket, machines' messages and PEC receipts are recorded and ignored, unreadable
 * messages are quarantined with their bytes. Reading the message and storing its attachments (text
 * extraction may take seconds) happen before the transaction; recording the message, the ticket or
 * the reply and the links to the attachments happen in one. Every message leaves a row: a message
 * is claimed ({@code RECEIVING}, its attempts counted) before it is read, and a delivery of a
 * message seen before is recorded as {@code DUPLICATE}, so that a message fetched again (the server
 * was not told in time that we had it) or delivered twice opens one ticket. Text goes to the
 * database cleaned ({@link DbText}); a failure to store the ticket falls back to quarantine with
 * the bytes, and a failure of that to a minimal row in a transaction of its own.
 */
@Service
public class InboundMail {

  private static final Logger log = LoggerFactory.getLogger(InboundMail.class);
  private static final Session SESSION = Session.getInstance(new Properties());
  private static final int MAX_SUBJECT = 300;
  private static final String NEW_TICKET = "new ticket";

  /** The lengths of the contact's columns (name, email). */
  private static final int CONTACT_NAME = 200;

  private static final int CONTACT_EMAIL = 320;

  /**
   * What became of a message.
   *
   * @param duplicate it had been taken in before: nothing was done now
   * @param recordId its {@code inbound_message} row
   */
  public record Result(
      InboundStatus status, boolean duplicate, String ticketNumber, String reason, long recordId) {}

  private final InboundMessageTable messages;
  private final Mailboxes mailboxes;
  private final TicketIntake intake;
  private final TicketQueries tickets;
  private final InteractionLog interactions;
  private final Documents documents;
  private final MailOutbox outbound;
  private final OutboundMailTable outbox;
  private final MailTemplates templates;
  private final InboundMailAnalyser analyser;
  private final TicketParticipants participants;
  private final TransactionTemplate transactions;
  private final TransactionTemplate isolated;
  private final MailProperties properties;
  private final Clock clock;
  private final IntakeShutdown shutdown;
  private final ApplicationEventPublisher events;

  InboundMail(
      InboundMessageTable messages,
      Mailboxes mailboxes,
      TicketIntake intake,
      TicketQueries tickets,
      InteractionLog interactions,
      Documents documents,
      MailOutbox outbound,
      OutboundMailTable outbox,
      MailTemplates templates,
      InboundMailAnalyser analyser,
      TicketParticipants participants,
      PlatformTransactionManager transactionManager,
      MailProperties properties,
      Clock clock,
      IntakeShutdown shutdown,
      ApplicationEventPublisher events) {
    this.messages = messages;
    this.mailboxes = mailboxes;
    this.intake = intake;
    this.tickets = tickets;
    this.interactions = interactions;
    this.documents = documents;
    this.outbound = outbound;
    this.outbox = outbox;
    this.templates = templates;
    this.analyser = analyser;
    this.participants = participants;
    this.transactions = new TransactionTemplate(transactionManager);
    this.isolated = new TransactionTemplate(transactionManager);
    this.isolated.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.properties = properties;
    this.clock = clock;
    this.shutdown = shutdown;
    this.events = events;
  }

  /**
   * Takes in the message (its bytes as fetched). A message whose Message-ID (or, without one,
   * content) was seen before is recorded as {@code DUPLICATE} of the first; if its content differs
   * from the first's (headers added on the way aside) it is also taken in as a message of its own.
   * Never throws for the message's sake: what cannot be stored is quarantined, with its bytes or,
   * failing that, as a minimal row; it throws only when not even that can be written (the database
   * is unreachable), and the message is then fetched again, up to {@code
   * sportello.mail.polling.max-attempts} times.
   */
  public Result receive(Mailbox mailbox, byte[] raw) {
    try (RawMessage message = RawMessage.of(raw)) {
      return receive(mailbox, message);
    }
  }

  /**
   * Takes in the message as fetched (in memory, or spooled to a file by the poller; the caller
   * closes it), as {@link #receive(Mailbox, byte[])} does. A spooled message is never read whole
   * into memory: its fingerprint is computed as it is read, it is parsed on its file (the parts are
   * references into it) and its quarantine copy is streamed to the database.
   */
  public Result receive(Mailbox mailbox, RawMessage raw) {
    Instant now = clock.instant();
    MessageFingerprint fingerprint = fingerprint(raw);
    String base = keyOf(raw, fingerprint);
    String key = base;
    Optional<InboundMessage> first = messages.find(mailbox.id(), base);
    if (first.isPresent() && first.get().status() != InboundStatus.RECEIVING) {
      if (sameContent(first.get(), fingerprint)) {
        return recordDuplicate(mailbox, base, first.get(), fingerprint, raw, null, now);
      }
      key = base + "#" + fingerprint.contentHash();
      Optional<InboundMessage> variant = messages.find(mailbox.id(), key);
      if (variant.isPresent() && variant.get().status() != InboundStatus.RECEIVING) {
        return recordDuplicate(mailbox, key, variant.get(), fingerprint, raw, null, now);
      }
    }
    return claimed(mailbox, base, key, first, fingerprint, raw, now);
  }

  /** Claims the message's row (counting an attempt) and takes the message in. */
  private Result claimed(
      Mailbox mailbox,
      String base,
      String key,
      Optional<InboundMessage> first,
      MessageFingerprint fingerprint,
      RawMessage raw,
      Instant now) {
    Optional<Claim> claim =
        messages.claim(
            mailbox.id(), key, fingerprint, raw.size(), properties.polling().maxAttempts(), now);
    if (claim.isEmpty()) {
      InboundMessage row =
          messages
              .find(mailbox.id(), key)
              .orElseThrow(() -> new IllegalStateException("No row for message " + key));
      if (row.status() == InboundStatus.RECEIVING) {
        return giveUp(mailbox, key, row, fingerprint, raw.size(), now);
      }
      return duplicate(row); // taken in meanwhile by another poller
    }
    long id = claim.get().id();
    if (!key.equals(base)) {
      recordDuplicate(mailbox, base, first.get(), fingerprint, raw, key, now);
    }
    return process(
        mailbox,
        key,
        raw,
        fingerprint,
        (outcome, at) -> {
          messages.complete(id, outcome, at);
          return id;
        });
  }

  /** Whether the message is the one recorded (the same content, transport headers aside). */
  private boolean sameContent(InboundMessage known, MessageFingerprint fingerprint) {
    if (known.contentHash() != null) {
      return known.contentHash().equals(fingerprint.contentHash());
    }
    // recorded before content hashes were kept: its bytes tell, if kept; else taken as the same
    return messages
        .raw(known.id())
        .map(raw -> MessageFingerprint.of(raw).contentHash().equals(fingerprint.contentHash()))
        .orElse(true);
  }

  /**
   * A row of its own for a delivery of a message seen before, pointing at the first.
   *
   * @param takenInAs the key under which it is taken in when its content differs; null when it is
   *     the same message again
   */
  private Result recordDuplicate(
      Mailbox mailbox,
      String key,
      InboundMessage first,
      MessageFingerprint fingerprint,
      RawMessage raw,
      String takenInAs,
      Instant now) {
    String reason =
        takenInAs == null
            ? "The same message as message "
                + first.id()
                + " ("
                + first.status()
                + "), delivered again: nothing done."
            : "The Message-ID of message "
                + first.id()
                + " with a different content: taken in as a message of its own ("
                + takenInAs
                + ").";
    String messageId = first.messageId();
    long id =
        messages.insertDuplicate(
            mailbox.id(),
            key + "#dup:" + fingerprint.rawHash(),
            first.id(),
            messageId,
            reason,
            fingerprint,
            raw.size(),
            now);
    log.info(
        "Message {} of mailbox {}: DUPLICATE of {}{}",
        key,
        mailbox.id(),
        first.id(),
        takenInAs == null ? "" : ", different content: taken in as " + takenInAs);
    return new Result(InboundStatus.DUPLICATE, true, first.ticketNumber(), reason, id);
  }

  /** Tried too many times without finishing: quarantined without being read again. */
  private Result giveUp(
      Mailbox mailbox,
      String key,
      InboundMessage row,
      MessageFingerprint fingerprint,
      long size,
      Instant now) {
    String reason =
        "Given up after "
            + row.attempts()
            + " attempts that did not finish (the application stopped or failed while taking it"
            + " in): not read again. The message is still on the server, marked as seen.";
    return minimal(mailbox, key, reason, fingerprint, size, now);
  }

  /**
   * The last resort, in a transaction of its own: the message is quarantined with its ids, size and
   * the reason only (no bytes, no text read from it), so that it is accounted for and the poller
   * can mark it as seen.
   */
  private Result minimal(
      Mailbox mailbox,
      String key,
      String reason,
      MessageFingerprint fingerprint,
      long size,
      Instant now) {
    Long id =
        isolated.execute(
            status -> messages.minimal(mailbox.id(), key, reason, fingerprint, size, now));
    log.warn(
        "Message {} of mailbox {} quarantined without its bytes: {}",
        key,
        mailbox.id(),
        MaskedAddresses.maskAll(reason));
    return new Result(InboundStatus.QUARANTINED, false, null, reason, id);
  }

  /** Writes the outcome of a message to its row, in the caller's transaction; the row's id. */
  @FunctionalInterface
  private interface RowWriter {
    long write(Outcome outcome, Instant now);
  }

  /** The message's fingerprint, computed as its bytes are read. */
  private static MessageFingerprint fingerprint(RawMessage raw) {
    try (InputStream in = raw.stream()) {
      return MessageFingerprint.of(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A message too large to fetch: quarantined, left on the server. */
  public Result tooLarge(Mailbox mailbox, long uid, long size) {
    return tooLarge(mailbox, uid, size, size, null);
  }

  /**
   * A message too large to fetch: quarantined (the record), left on the server, and refused with an
   * automatic reply to its sender in the mailbox's language, unless the sender is a machine, a list
   * or one of our mailboxes.
   *
   * @param limit the largest message taken in, told to the sender
   * @param headers its header section (the body is never fetched), or null when unreadable
   */
  public Result tooLarge(Mailbox mailbox, long uid, long size, long limit, byte[] headers) {
    String key = "imap-uid:" + uid + ":" + size;
    Optional<InboundMessage> known = messages.find(mailbox.id(), key);
    if (known.isPresent()) {
      return duplicate(known.get());
    }
    String reason =
        "The message is larger than the limit ("
            + size
            + " bytes); it was left in the mailbox, unread.";
    TooLarge refused = TooLarge.read(headers, mailboxes.ownAddresses());
    long id =
        transactions.execute(
            status -> {
              long inserted =
                  messages.insert(
                      mailbox.id(),
                      key,
                      new Outcome(
                          InboundStatus.QUARANTINED,
                          DbText.bounded(refused.messageId(), 1000),
                          refused.replyTo() == null
                              ? reason + " No reply: " + refused.noReplyBecause()
                              : reason + " The sender was told.",
                          DbText.bounded(refused.sender(), 320),
                          DbText.clean(refused.subject()),
                          null,
                          null,
                          null),
                      clock.instant());
              if (refused.replyTo() != null) {
                refuse(mailbox, refused, size, limit);
              }
              return inserted;
            });
    log.info(
        "Message {} of mailbox {} ({} bytes) refused as too large{}",
        uid,
        mailbox.id(),
        size,
        refused.replyTo() == null ? ", no reply: " + refused.noReplyBecause() : ", sender told");
    return new Result(InboundStatus.QUARANTINED, false, null, reason, id);
  }

  /** What the headers of a message too large to read say about answering it. */
  private record TooLarge(
      String messageId, String sender, String subject, String replyTo, String noReplyBecause) {

    static TooLarge read(byte[] headers, java.util.Set<String> ownAddresses) {
      if (headers == null) {
        return new TooLarge(null, null, null, null, "headers unreadable");
      }
      try {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(headers));
        String messageId = MailClassifier.messageId(message);
        String sender =
            MailClassifier.from(message)
                .map(InternetAddress::getAddress)
                .map(a -> a.strip().toLowerCase(Locale.ROOT))
                .orElse(null);
        String subject = message.getSubject();
        Optional<String> automatic = MailClassifier.automatic(message);
        if (automatic.isPresent()) {
          return new TooLarge(messageId, sender, subject, null, automatic.get());
        }
        if (message.getHeader("List-Id") != null || message.getHeader("List-Unsubscribe") != null) {
          return new TooLarge(messageId, sender, subject, null, "mailing list");
        }
        jakarta.mail.Address[] replyTo = message.getReplyTo(); // Reply-To, else From
        String to =
            replyTo != null && replyTo.length > 0 && replyTo[0] instanceof InternetAddress a
                ? a.getAddress().strip().toLowerCase(Locale.ROOT)
                : null;
        if (to == null || !to.contains("@")) {
          return new TooLarge(messageId, sender, subject, null, "no sender address");
        }
        if (ownAddresses.contains(to) || (sender != null && ownAddresses.contains(sender))) {
          return new TooLarge(messageId, sender, subject, null, "from our own mailbox (loop)");
        }
        return new TooLarge(messageId, sender, subject, to, null);
      } catch (MessagingException | RuntimeException e) {
        return new TooLarge(null, null, null, null, "headers unreadable");
      }
    }
  }

  /**
   * The automatic reply to a message too large: queued in the outbox, in the caller's transaction.
   */
  private void refuse(Mailbox mailbox, TooLarge refused, long size, long limit) {
    String subject = refused.subject() == null ? "" : refused.subject().strip();
    if (subject.length() > MAX_SUBJECT) {
      subject = subject.substring(0, MAX_SUBJECT - 1) + "…";
    }
    MailTemplates.Text text =
        templates.render(
            "MESSAGE_TOO_LARGE",
            mailbox.language(),
            Map.of(
                "subject", subject,
                "size", megabytes(size, mailbox.language()),
                "limit", megabytes(limit, mailbox.language())));
    MailOutbox.Letter letter =
        new MailOutbox.Letter(
            null,
            mailbox.kind() == MailboxKind.PEC,
            refused.replyTo(),
            text.subject(),
            text.body(),
            "MESSAGE_TOO_LARGE",
            null);
    if (outbound.queue(letter, mailbox.id(), List.of()).isEmpty()) {
      outbound.queue(letter); // the mailbox only receives: from the default one
    }
  }

  private static String megabytes(long bytes, String language) {
    return String.format(Locale.forLanguageTag(language), "%.1f", bytes / 1_048_576.0);
  }

  /** Takes in a quarantined message again (after a fix, or a change of configuration). */
  public Result retry(long id) {
    InboundMessage message =
        messages.get(id).orElseThrow(() -> new NotFoundException("No inbound message " + id));
    if (message.status() != InboundStatus.QUARANTINED) {
      throw new ConflictException(
          409, "Message " + id + " is " + message.status() + ", not in quarantine.");
    }
    byte[] bytes =
        messages
            .raw(id)
            .orElseThrow(
                () -> new ConflictException(409, "Message " + id + " has no bytes to read again."));
    Mailbox mailbox =
        mailboxes
            .find(message.mailboxId())
            .orElseThrow(
                () ->
                    new ConflictException(
                        409, "Mailbox " + message.mailboxId() + " is no longer configured."));
    return process(
        mailbox,
        message.messageKey(),
        RawMessage.of(bytes), // a supervisor's retry: the stored bytes, in memory
        MessageFingerprint.of(bytes),
        (outcome, at) -> {
          messages.update(id, outcome, at);
          return id;
        });
  }

  private Result process(
      Mailbox mailbox, String key, RawMessage raw, MessageFingerprint fingerprint, RowWriter row) {
    Instant now = clock.instant();
    InboundAnalysis analysis;
    try {
      analysis = analyser.analyse(mailbox, raw);
    } catch (MessagingException | IOException | RuntimeException | StackOverflowError e) {
      return quarantine(mailbox, key, raw, fingerprint, row, e, now);
    }
    try {
      return transactions.execute(status -> record(mailbox, key, analysis, row, now));
    } catch (DuplicateKeyException e) {
      // taken in meanwhile by another poller: theirs counts, ours was rolled back
      Optional<Result> theirs = messages.find(mailbox.id(), key).map(InboundMail::duplicate);
      if (theirs.isPresent() && theirs.get().status() != InboundStatus.RECEIVING) {
        return theirs.get();
      }
      return quarantine(mailbox, key, raw, fingerprint, row, e, now);
    } catch (RuntimeException | StackOverflowError e) {
      return quarantine(mailbox, key, raw, fingerprint, row, e, now);
    }
  }

  /**
   * The message could not be taken in: it is kept with its bytes, what could be read of it and the
   * reason; when even that cannot be stored, a minimal row is written instead.
   */
  private Result quarantine(
      Mailbox mailbox,
      String key,
      RawMessage raw,
      MessageFingerprint fingerprint,
      RowWriter row,
      Throwable cause,
      Instant now) {
    // a failure while stopping is most likely the shutdown (engine, pool): no quarantine, the
    // message stays unseen and is taken in at the next start (its claim counts the attempt)
    shutdown.checkNotStopping("Message " + key + " of mailbox " + mailbox.id(), cause);
    String reason = reason(cause);
    // exception messages may quote the sender, a recipient or a row's data: masked, and the
    // stack trace at DEBUG only
    log.warn(
        "Message {} of mailbox {} quarantined: {}",
        key,
        mailbox.id(),
        MaskedAddresses.maskAll(reason));
    log.debug("Message {} of mailbox {} quarantined", key, mailbox.id(), cause);
    String messageId = null;
    String sender = null;
    String subject = null;
    try {
      MimeMessage message = new MimeMessage(SESSION, raw.open());
      messageId = MailClassifier.messageId(message);
      sender = MailClassifier.from(message).map(InternetAddress::getAddress).orElse(null);
      subject = message.getSubject();
    } catch (MessagingException | IOException | RuntimeException | StackOverflowError e) {
      // whatever could be read is shown; the bytes are kept
    }
    Outcome outcome =
        new Outcome(InboundStatus.QUARANTINED, messageId, reason, sender, subject, null, null, raw);
    try {
      long id = transactions.execute(status -> row.write(outcome, now));
      return new Result(InboundStatus.QUARANTINED, false, null, reason, id);
    } catch (RuntimeException e) {
      log.debug("Message {} of mailbox {} not stored in quarantine", key, mailbox.id(), e);
      return minimal(
          mailbox,
          key,
          DbText.bounded(reason, 4000)
              + " — storing it in quarantine failed too: "
              + DbText.bounded(reason(e), 4000),
          fingerprint,
          raw.size(),
          now);
    }
  }

  private static String reason(Throwable cause) {
    StringBuilder reason = new StringBuilder();
    for (Throwable t = cause; t != null && reason.length() < 2000; t = t.getCause()) {
      if (!reason.isEmpty()) {
        reason.append(" — caused by: ");
      }
      reason.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        reason.append(": ").append(t.getMessage());
      }
    }
    return reason.toString();
  }

  private static Result duplicate(InboundMessage known) {
    return new Result(known.status(), true, known.ticketNumber(), known.reason(), known.id());
  }

  // --- recording it, in one transaction

  private Result record(
      Mailbox mailbox, String key, InboundAnalysis analysed, RowWriter row, Instant now) {
    InboundAnalysis analysis = analysed.forDatabase();
    Outcome outcome =
        analysis instanceof Conversation conversation
            ? takeIn(mailbox, key, conversation)
            : ignored((Ignored) analysis);
    long id = row.write(outcome, now);
    if (analysis instanceof Ignored ignored && ignored.receipt() != null) {
      recordReceipt(id, ignored.receipt(), now);
    }
    if (analysis instanceof Ignored ignored && ignored.bounce() != null) {
      recordBounce(ignored.bounce(), now);
    }
    if (analysis instanceof Conversation conversation
        && NEW_TICKET.equals(outcome.reason())
        && DbText.fits(conversation.sender(), CONTACT_EMAIL)) {
      acknowledge(mailbox, conversation, outcome.ticketNumber());
    }
    log.info(
        "Message {} of mailbox {}: {} {}",
        key,
        mailbox.id(),
        outcome.status(),
        outcome.ticketNumber() != null
            ? outcome.ticketNumber()
            : MaskedAddresses.maskAll(outcome.reason()));
    return new Result(outcome.status(), false, outcome.ticketNumber(), outcome.reason(), id);
  }

  /** The requester learns the ticket number; answering this mail adds to the ticket. */
  private void acknowledge(Mailbox mailbox, Conversation conversation, String number) {
    MailTemplates.Text text =
        templates.render(
            "TICKET_RECEIVED",
            mailbox.language(),
            Map.of("number", number, "subject", subjectOf(conversation, mailbox)));
    outbound.queue(
        new MailOutbox.Letter(
            number,
            conversation.channel() == Channel.PEC,
            conversation.sender(),
            text.subject(),
            text.body(),
            "TICKET_RECEIVED",
            null));
  }

  /**
   * A bounce about a message of ours: the outbox row notes it, and whoever sent it hears of it (in
   * this transaction).
   */
  private void recordBounce(DeliveryReports.Report bounce, Instant now) {
    String original = bounce.originalMessageId();
    if (original == null || outbox.idOf(original).isEmpty()) {
      return;
    }
    String reason =
        DbText.bounded(
            (bounce.status() == null ? "" : bounce.status() + " ")
                + (bounce.diagnostic() == null ? "" : bounce.diagnostic()),
            1000);
    outbox.markBounced(original, now, reason);
    events.publishEvent(
        new MailBounced(original, bounce.recipient(), bounce.status(), bounce.diagnostic(), now));
  }

  /** A PEC receipt, linked to the mail of ours it certifies; that mail shows the last one. */
  private void recordReceipt(long inboundId, PecEnvelope receipt, Instant now) {
    Optional<Long> ours = Optional.ofNullable(receipt.originalMessageId()).flatMap(outbox::idOf);
    outbox.recordReceipt(
        inboundId,
        ours.orElse(null),
        DbText.bounded(receipt.originalMessageId(), InboundMessageTable.MESSAGE_ID_LENGTH),
        receipt.kind().code(),
        receipt.error() == null
            ? null
            : DbText.bounded(receipt.error().toString(), InboundMessageTable.TEXT_LENGTH),
        DbText.bounded(receipt.deliveredTo(), InboundMessageTable.SENDER_LENGTH),
        receipt.issuedAt() == null ? null : receipt.issuedAt().toInstant(),
        now);
    ours.ifPresent(id -> outbox.setPecState(id, receipt.kind().code()));
  }

  private static Outcome ignored(Ignored ignored) {
    return new Outcome(
        InboundStatus.IGNORED,
        ignored.messageId(),
        ignored.reason(),
        ignored.sender(),
        ignored.subject(),
        null,
        null,
        null);
  }

  private Outcome takeIn(Mailbox mailbox, String key, Conversation conversation) {
    String user = "mail:" + mailbox.id();
    Optional<Ticket> open = ticketAnswered(conversation);
    Ticket ticket;
    if (open.isPresent()) {
      ticket = open.get();
      String text =
          conversation.text(templates).isEmpty()
              ? subjectOf(conversation, mailbox)
              : conversation.text(templates);
      intake.receiveMessage(ticket.getNumber(), text, conversation.channel().name(), user);
    } else {
      OpenTicketCommand command =
          new OpenTicketCommand(
              conversation.channel(),
              null,
              subjectOf(conversation, mailbox),
              conversation.text(templates).isEmpty()
                  ? subjectOf(conversation, mailbox)
                  : conversation.text(templates),
              mailbox.language(),
              requester(conversation),
              mailbox.topic(),
              null,
              conversation.context(),
              null,
              null);
      ticket = intake.open(command, idempotencyKey(key), user).ticket();
    }
    Long interactionId =
        interactions.latestOfTicket(ticket.getId()).map(Interaction::getId).orElse(null);
    for (StoredDocument document : conversation.documents()) {
      documents.link(document, OwnerKind.TICKET, ticket.getId());
      if (interactionId != null) {
        documents.link(document, OwnerKind.INTERACTION, interactionId);
      }
    }
    return new Outcome(
        InboundStatus.PROCESSED,
        conversation.messageId(),
        open.isPresent() ? "reply" : NEW_TICKET,
        conversation.sender(),
        conversation.subject(),
        ticket.getNumber(),
        interactionId,
        null);
  }

  /**
   * The requester as the contact registry can hold them: a display name longer than the column is
   * cut; an address longer than any real one (RFC 5321 allows 254 characters) cannot be written
   * down nor answered, so it is put aside in the ticket's context and the contact has no address.
   */
  private static RequesterData requester(Conversation conversation) {
    String name = DbText.bounded(conversation.senderName(), CONTACT_NAME);
    String email = conversation.sender();
    if (!DbText.fits(email, CONTACT_EMAIL)) {
      conversation.context().put("senderAddressTooLong", DbText.bounded(email, 1000));
      email = null;
    }
    return new RequesterData(name, null, null, email, null);
  }

  /**
   * The open ticket the message answers: by its threading headers (our own Message-IDs), else by
   * the ticket number in the subject when the sender is the ticket's requester or a known
   * participant. A stranger naming a ticket opens a new one, linked to it ({@code relatedTicket}
   * and a note) for an operator to merge.
   */
  private Optional<Ticket> ticketAnswered(Conversation conversation) {
    Optional<String> threaded =
        messages
            .ticketOf(conversation.references())
            .or(() -> outbox.ticketOf(conversation.references()));
    Optional<String> number =
        threaded.or(() -> MailClassifier.ticketNumber(conversation.subject()));
    if (number.isEmpty()) {
      return Optional.empty();
    }
    Ticket ticket = tickets.byNumbers(List.of(number.get())).get(number.get());
    if (ticket != null
        && threaded.isEmpty()
        && !participants.includes(ticket, conversation.sender())) {
      conversation.context().put("relatedTicket", ticket.getNumber());
      conversation.notes().add(MailNote.of("RELATED_TICKET", "number", ticket.getNumber()));
      return Optional.empty();
    }
    // a duplicate merged into another ticket: the conversation goes on in the primary
    for (int hop = 0; ticket != null && ticket.getMergedInto() != null && hop < 10; hop++) {
      ticket = tickets.byNumbers(List.of(ticket.getMergedInto())).get(ticket.getMergedInto());
    }
    if (ticket == null || ticket.isClosed()) {
      if (ticket != null) {
        conversation.context().put("previousTicket", ticket.getNumber());
      }
      return Optional.empty();
    }
    return Optional.of(ticket);
  }

  private static String subjectOf(Conversation conversation, Mailbox mailbox) {
    String subject = conversation.subject() == null ? "" : conversation.subject().strip();
    if (subject.isEmpty()) {
      subject =
          switch (mailbox.language() == null ? "it" : mailbox.language()) {
            case "en" -> "(no subject)";
            case "de" -> "(kein Betreff)";
            case "fr" -> "(sans objet)";
            default -> "(senza oggetto)";
          };
    }
    return DbText.bounded(subject, MAX_SUBJECT);
  }

  /** The ticket's idempotency key: the Message-ID, or its hash when too long for the column. */
  private static String idempotencyKey(String key) {
    return key.length() <= 200
        ? key
        : "sha256:" + sha256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * What identifies the message: its Message-ID (a PEC envelope has its own), or a hash of its
   * content without the headers added on the way ({@link MessageFingerprint}) when it has none or
   * it cannot be read: the same message delivered again has the same key.
   */
  static String keyOf(byte[] raw) {
    return keyOf(raw, MessageFingerprint.of(raw));
  }

  static String keyOf(byte[] raw, MessageFingerprint fingerprint) {
    return keyOf(RawMessage.of(raw), fingerprint);
  }

  private static String keyOf(RawMessage raw, MessageFingerprint fingerprint) {
    try {
      String id = MailClassifier.messageId(new MimeMessage(SESSION, raw.open()));
      if (id != null && !id.isBlank()) {
        return id.length() <= 250 && id.equals(DbText.clean(id))
            ? id
            : "sha256:" + sha256(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      // no readable Message-ID: the content identifies it
    }
    return "sha256:" + fingerprint.contentHash();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
