package it.sportello.channel.mail;

import it.sportello.channel.mail.InboundMessages.InboundMessage;
import it.sportello.channel.mail.InboundMessages.Outcome;
import it.sportello.channel.mail.pec.PecEnvelope;
import it.sportello.channel.mail.pec.PecEnvelopes;
import it.sportello.channel.mail.pec.PecKind;
import it.sportello.contact.Interaction;
import it.sportello.contact.InteractionLog;
import it.sportello.contact.RequesterData;
import it.sportello.document.Documents;
import it.sportello.document.OwnerKind;
import it.sportello.document.StoredDocument;
import it.sportello.shared.ConflictException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.TooLargeException;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in one message from a mailbox, exactly once: a new conversation opens a ticket, a reply is
 * added to its ticket, machines' messages and PEC receipts are recorded and ignored, unreadable
 * messages are quarantined with their bytes. Reading the message and storing its attachments (text
 * extraction may take seconds) happen before the transaction; recording the message, the ticket or
 * the reply and the links to the attachments happen in one. A message already recorded is skipped,
 * so that a message fetched again (the server was not told in time that we had it) does nothing.
 */
@Service
public class InboundMail {

  private static final Logger log = LoggerFactory.getLogger(InboundMail.class);
  private static final Session SESSION = Session.getInstance(new Properties());
  private static final int MAX_SUBJECT = 300;
  private static final String NEW_TICKET = "new ticket";

  /**
   * What became of a message.
   *
   * @param duplicate it had been taken in before: nothing was done now
   * @param recordId its {@code inbound_message} row
   */
  public record Result(
      InboundStatus status, boolean duplicate, String ticketNumber, String reason, long recordId) {}

  private final InboundMessages messages;
  private final Mailboxes mailboxes;
  private final TicketIntake intake;
  private final TicketQueries tickets;
  private final InteractionLog interactions;
  private final Documents documents;
  private final OutboundMail outbound;
  private final OutboundMails outbox;
  private final MailTemplates templates;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final IntakeShutdown shutdown;

  InboundMail(
      InboundMessages messages,
      Mailboxes mailboxes,
      TicketIntake intake,
      TicketQueries tickets,
      InteractionLog interactions,
      Documents documents,
      OutboundMail outbound,
      OutboundMails outbox,
      MailTemplates templates,
      PlatformTransactionManager transactionManager,
      Clock clock,
      IntakeShutdown shutdown) {
    this.messages = messages;
    this.mailboxes = mailboxes;
    this.intake = intake;
    this.tickets = tickets;
    this.interactions = interactions;
    this.documents = documents;
    this.outbound = outbound;
    this.outbox = outbox;
    this.templates = templates;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.shutdown = shutdown;
  }

  /** Takes in the message (its bytes as fetched) unless it was taken in before. */
  public Result receive(Mailbox mailbox, byte[] raw) {
    return receive(mailbox, RawMessage.of(raw));
  }

  /**
   * Takes in the message (in memory or spooled to a file; the caller closes it) unless it was taken
   * in before.
   *
   * @throws IntakeShutdown.Interrupted when it failed while the application was stopping: nothing
   *     recorded, to be taken in again at the next start
   */
  public Result receive(Mailbox mailbox, RawMessage raw) {
    String key = keyOf(raw);
    Optional<InboundMessage> known = messages.find(mailbox.id(), key);
    if (known.isPresent()) {
      return duplicate(known.get());
    }
    return process(mailbox, key, raw, null);
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
                          refused.messageId(),
                          refused.replyTo() == null
                              ? reason + " No reply: " + refused.noReplyBecause()
                              : reason + " The sender was told.",
                          refused.sender(),
                          refused.subject(),
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
    OutboundMail.Letter letter =
        new OutboundMail.Letter(
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
    RawMessage raw =
        RawMessage.of(
            messages
                .raw(id)
                .orElseThrow(
                    () ->
                        new ConflictException(
                            409, "Message " + id + " has no bytes to read again.")));
    Mailbox mailbox =
        mailboxes
            .find(message.mailboxId())
            .orElseThrow(
                () ->
                    new ConflictException(
                        409, "Mailbox " + message.mailboxId() + " is no longer configured."));
    return process(mailbox, message.messageKey(), raw, id);
  }

  private Result process(Mailbox mailbox, String key, RawMessage raw, Long existingId) {
    Instant now = clock.instant();
    Analysis analysis;
    try {
      analysis = analyse(mailbox, raw);
    } catch (MessagingException | IOException | RuntimeException e) {
      return quarantine(mailbox, key, raw, existingId, e, now);
    }
    try {
      return transactions.execute(status -> record(mailbox, key, analysis, existingId, now));
    } catch (DuplicateKeyException e) {
      // taken in meanwhile by another poller: theirs counts, ours was rolled back
      return messages.find(mailbox.id(), key).map(InboundMail::duplicate).orElseThrow(() -> e);
    } catch (RuntimeException e) {
      return quarantine(mailbox, key, raw, existingId, e, now);
    }
  }

  private Result quarantine(
      Mailbox mailbox, String key, RawMessage raw, Long existingId, Exception cause, Instant now) {
    // a failure while stopping is most likely the shutdown (engine, pool): no quarantine, the
    // message stays unseen and is taken in at the next start
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
    } catch (MessagingException | IOException | RuntimeException e) {
      // whatever could be read is shown; the bytes are kept
    }
    Outcome outcome =
        new Outcome(
            InboundStatus.QUARANTINED, messageId, reason, sender, subject, null, null, raw.bytes());
    long id =
        transactions.execute(
            status -> {
              if (existingId != null) {
                messages.update(existingId, outcome, now);
                return existingId;
              }
              return messages.insert(mailbox.id(), key, outcome, now);
            });
    return new Result(InboundStatus.QUARANTINED, false, null, reason, id);
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

  // --- reading the message, outside the transaction

  private sealed interface Analysis permits Ignored, Conversation {}

  private record Ignored(
      String messageId, String sender, String subject, String reason, PecEnvelope receipt)
      implements Analysis {
    Ignored(String messageId, String sender, String subject, String reason) {
      this(messageId, sender, subject, reason, null);
    }
  }

  private record Conversation(
      Channel channel,
      String messageId,
      String sender,
      String senderName,
      String subject,
      String text,
      List<String> references,
      List<StoredDocument> documents,
      Map<String, String> context)
      implements Analysis {}

  private Analysis analyse(Mailbox mailbox, RawMessage raw) throws MessagingException, IOException {
    // on a shared stream: the parts of a spooled message stay in its file, read when needed
    MimeMessage message = new MimeMessage(SESSION, raw.open());
    Optional<PecEnvelope> pec = PecEnvelopes.parse(message);
    MimeMessage content = message;
    Channel channel = Channel.EMAIL;
    String sender;
    Map<String, String> context = new LinkedHashMap<>();
    context.put("mailbox", mailbox.id());
    if (pec.isPresent() && pec.get().isReceipt()) {
      PecEnvelope receipt = pec.get();
      return new Ignored(
          MailClassifier.messageId(message),
          receipt.certifiedSender(),
          message.getSubject(),
          "PEC receipt "
              + receipt.kind().code()
              + " about message "
              + receipt.originalMessageId()
              + (receipt.error() == null ? "" : ": " + receipt.error()),
          receipt);
    }
    if (pec.isPresent() && pec.get().kind() == PecKind.CERTIFIED_MESSAGE) {
      PecEnvelope envelope = pec.get();
      content =
          envelope
              .original()
              .orElseThrow(() -> new MessagingException("PEC envelope without postacert.eml"));
      channel = Channel.PEC;
      sender = envelope.certifiedSender();
      if (envelope.pecId() != null) {
        context.put("pecId", envelope.pecId());
      }
    } else {
      if (pec.isPresent()) {
        // an anomaly envelope: the message reached the PEC system uncertified
        content = pec.get().original().orElse(message);
        context.put("pecAnomaly", "true");
      }
      sender = MailClassifier.from(content).map(InternetAddress::getAddress).orElse(null);
    }
    if (sender == null || sender.isBlank()) {
      throw new MessagingException("The message has no sender address (From)");
    }
    sender = sender.strip().toLowerCase(Locale.ROOT);
    String messageId = MailClassifier.messageId(content);
    if (messageId == null) {
      messageId = MailClassifier.messageId(message);
    }
    String subject = content.getSubject();
    if (mailboxes.ownAddresses().contains(sender)) {
      return new Ignored(messageId, sender, subject, "from our own mailbox " + sender + " (loop)");
    }
    Optional<String> automatic = MailClassifier.automatic(content);
    if (automatic.isEmpty() && content != message) {
      automatic = MailClassifier.automatic(message);
    }
    if (automatic.isPresent()) {
      return new Ignored(messageId, sender, subject, automatic.get());
    }
    String finalSender = sender;
    String senderName =
        MailClassifier.from(content)
            .filter(from -> finalSender.equalsIgnoreCase(from.getAddress()))
            .map(InternetAddress::getPersonal)
            .orElse(null);
    MailContent body = MailContent.of(content);
    List<StoredDocument> stored = new ArrayList<>();
    StringBuilder text = new StringBuilder(body.text());
    for (MailContent.Attachment attachment : body.attachments()) {
      try {
        stored.add(documents.store(attachment.fileName(), attachment.content()));
      } catch (TooLargeException e) {
        text.append("\n\n[")
            .append(e.getMessage())
            .append(" Not stored: ask the requester for it in another way.]");
      }
    }
    return new Conversation(
        channel,
        messageId,
        sender,
        senderName,
        subject,
        text.toString().strip(),
        MailClassifier.referencedIds(content),
        stored,
        context);
  }

  // --- recording it, in one transaction

  private Result record(
      Mailbox mailbox, String key, Analysis analysis, Long existingId, Instant now) {
    Outcome outcome =
        analysis instanceof Conversation conversation
            ? takeIn(mailbox, key, conversation)
            : ignored((Ignored) analysis);
    long id;
    if (existingId != null) {
      messages.update(existingId, outcome, now);
      id = existingId;
    } else {
      id = messages.insert(mailbox.id(), key, outcome, now);
    }
    if (analysis instanceof Ignored ignored && ignored.receipt() != null) {
      recordReceipt(id, ignored.receipt(), now);
    }
    if (analysis instanceof Conversation conversation && NEW_TICKET.equals(outcome.reason())) {
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
        new OutboundMail.Letter(
            number,
            conversation.channel() == Channel.PEC,
            conversation.sender(),
            text.subject(),
            text.body(),
            "TICKET_RECEIVED",
            null));
  }

  /** A PEC receipt, linked to the mail of ours it certifies; that mail shows the last one. */
  private void recordReceipt(long inboundId, PecEnvelope receipt, Instant now) {
    Optional<Long> ours = Optional.ofNullable(receipt.originalMessageId()).flatMap(outbox::idOf);
    outbox.recordReceipt(
        inboundId,
        ours.orElse(null),
        receipt.originalMessageId(),
        receipt.kind().code(),
        receipt.error() == null ? null : receipt.error().toString(),
        receipt.deliveredTo(),
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
          conversation.text().isEmpty() ? subjectOf(conversation, mailbox) : conversation.text();
      intake.receiveMessage(ticket.getNumber(), text, conversation.channel().name(), user);
    } else {
      OpenTicketCommand command =
          new OpenTicketCommand(
              conversation.channel(),
              null,
              subjectOf(conversation, mailbox),
              conversation.text().isEmpty()
                  ? subjectOf(conversation, mailbox)
                  : conversation.text(),
              mailbox.language(),
              new RequesterData(conversation.senderName(), null, null, conversation.sender(), null),
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

  /** The open ticket the message answers: by its threading headers, else by the subject. */
  private Optional<Ticket> ticketAnswered(Conversation conversation) {
    Optional<String> number =
        messages
            .ticketOf(conversation.references())
            .or(() -> outbox.ticketOf(conversation.references()))
            .or(() -> MailClassifier.ticketNumber(conversation.subject()));
    if (number.isEmpty()) {
      return Optional.empty();
    }
    Ticket ticket = tickets.byNumbers(List.of(number.get())).get(number.get());
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
      subject = "en".equals(mailbox.language()) ? "(no subject)" : "(senza oggetto)";
    }
    return subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT - 1) + "…";
  }

  /** The ticket's idempotency key: the Message-ID, or its hash when too long for the column. */
  private static String idempotencyKey(String key) {
    return key.length() <= 200
        ? key
        : "sha256:" + sha256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * What identifies the message: its Message-ID (a PEC envelope has its own), or a hash of its
   * bytes when it has none or it cannot be read.
   */
  static String keyOf(RawMessage raw) {
    if (raw.inMemory()) {
      return keyOf(raw.bytes());
    }
    // a spooled (large) message: its headers parsed from the file, its bytes hashed as a stream
    try (java.io.InputStream in = raw.open()) {
      String id = MailClassifier.messageId(new MimeMessage(SESSION, in));
      if (id != null && !id.isBlank()) {
        return id.length() <= 250
            ? id
            : "sha256:" + sha256(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      // no readable Message-ID: the bytes identify it
    }
    try (java.io.InputStream in = raw.open()) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String keyOf(byte[] raw) {
    try {
      String id = MailClassifier.messageId(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
      if (id != null && !id.isBlank()) {
        return id.length() <= 250
            ? id
            : "sha256:" + sha256(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (MessagingException | RuntimeException e) {
      // no readable Message-ID: the bytes identify it
    }
    return "sha256:" + sha256(raw);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
