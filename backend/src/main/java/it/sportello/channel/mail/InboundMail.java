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
  private final TicketParticipants participants;
  private final TransactionTemplate transactions;
  private final Clock clock;

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
      TicketParticipants participants,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.messages = messages;
    this.mailboxes = mailboxes;
    this.intake = intake;
    this.tickets = tickets;
    this.interactions = interactions;
    this.documents = documents;
    this.outbound = outbound;
    this.outbox = outbox;
    this.templates = templates;
    this.participants = participants;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Takes in the message (its bytes as fetched) unless it was taken in before. */
  public Result receive(Mailbox mailbox, byte[] raw) {
    String key = keyOf(raw);
    Optional<InboundMessage> known = messages.find(mailbox.id(), key);
    if (known.isPresent()) {
      return duplicate(known.get());
    }
    return process(mailbox, key, raw, null);
  }

  /** A message too large to fetch: quarantined, left on the server. */
  public Result tooLarge(Mailbox mailbox, long uid, long size) {
    String key = "imap-uid:" + uid + ":" + size;
    Optional<InboundMessage> known = messages.find(mailbox.id(), key);
    if (known.isPresent()) {
      return duplicate(known.get());
    }
    String reason =
        "The message is larger than the limit ("
            + size
            + " bytes); it was left in the mailbox, unread.";
    long id =
        transactions.execute(
            status ->
                messages.insert(
                    mailbox.id(),
                    key,
                    new Outcome(
                        InboundStatus.QUARANTINED, null, reason, null, null, null, null, null),
                    clock.instant()));
    return new Result(InboundStatus.QUARANTINED, false, null, reason, id);
  }

  /** Takes in a quarantined message again (after a fix, or a change of configuration). */
  public Result retry(long id) {
    InboundMessage message =
        messages.get(id).orElseThrow(() -> new NotFoundException("No inbound message " + id));
    if (message.status() != InboundStatus.QUARANTINED) {
      throw new ConflictException(
          409, "Message " + id + " is " + message.status() + ", not in quarantine.");
    }
    byte[] raw =
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
    return process(mailbox, message.messageKey(), raw, id);
  }

  private Result process(Mailbox mailbox, String key, byte[] raw, Long existingId) {
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
      Mailbox mailbox, String key, byte[] raw, Long existingId, Exception cause, Instant now) {
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
      MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
      messageId = MailClassifier.messageId(message);
      sender = MailClassifier.from(message).map(InternetAddress::getAddress).orElse(null);
      subject = message.getSubject();
    } catch (MessagingException | RuntimeException e) {
      // whatever could be read is shown; the bytes are kept
    }
    Outcome outcome =
        new Outcome(InboundStatus.QUARANTINED, messageId, reason, sender, subject, null, null, raw);
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

  /**
   * A message for a ticket.
   *
   * @param body its text
   * @param language the mailbox's, for the notes
   * @param notes what the channel says about the message (repairs, a sender from Reply-To, a
   *     related ticket), appended to the text in the ticket's language
   */
  private record Conversation(
      Channel channel,
      String messageId,
      String sender,
      String senderName,
      String subject,
      String body,
      List<String> references,
      List<StoredDocument> documents,
      Map<String, String> context,
      String language,
      List<MailNote> notes)
      implements Analysis {

    /** The text with the notes, each on a line of its own. */
    String text() {
      StringBuilder text = new StringBuilder(body);
      for (MailNote note : notes) {
        text.append(text.isEmpty() ? "" : "\n\n").append(note.render(language));
      }
      return text.toString();
    }
  }

  private Analysis analyse(Mailbox mailbox, byte[] raw) throws MessagingException, IOException {
    MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    Optional<PecEnvelope> pec = PecEnvelopes.parse(message);
    MimeMessage content = message;
    Channel channel = Channel.EMAIL;
    String sender;
    String senderName = null;
    List<MailNote> notes = new ArrayList<>();
    Map<String, String> context = new LinkedHashMap<>();
    context.put("mailbox", mailbox.id());
    if (pec.isPresent() && pec.get().isReceipt()) {
      PecEnvelope receipt = pec.get();
      return new Ignored(
          MailClassifier.messageId(message),
          receipt.certifiedSender(),
          MailText.header(message.getHeader("Subject", null)),
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
      String certified = sender;
      senderName =
          MailClassifier.sender(content)
              .filter(from -> from.address().equalsIgnoreCase(certified))
              .map(MailClassifier.Sender::name)
              .orElse(null);
      if (envelope.pecId() != null) {
        context.put("pecId", envelope.pecId());
      }
    } else {
      if (pec.isPresent()) {
        // an anomaly envelope: the message reached the PEC system uncertified
        content = pec.get().original().orElse(message);
        context.put("pecAnomaly", "true");
      }
      Optional<MailClassifier.Sender> found = MailClassifier.sender(content);
      if (found.isEmpty() && content != message) {
        found = MailClassifier.sender(message);
      }
      sender = found.map(MailClassifier.Sender::address).orElse(null);
      senderName = found.map(MailClassifier.Sender::name).orElse(null);
      if (found.isPresent() && !found.get().fromFrom()) {
        context.put("senderHeader", found.get().header());
        String from = found.get().from();
        notes.add(
            MailNote.of(
                "SENDER_FALLBACK",
                "header",
                found.get().header(),
                "from",
                from.isBlank() ? "—" : from.length() > 200 ? from.substring(0, 199) + "…" : from));
      }
    }
    if (sender == null || sender.isBlank()) {
      // a machine's message (a bounce without any sender) is ignored, not quarantined
      Optional<String> machine = MailClassifier.automatic(content);
      if (machine.isEmpty() && content != message) {
        machine = MailClassifier.automatic(message);
      }
      if (machine.isPresent()) {
        String id = MailClassifier.messageId(content);
        return new Ignored(
            id != null ? id : MailClassifier.messageId(message),
            null,
            MailText.header(content.getHeader("Subject", null)),
            machine.get());
      }
      throw new MessagingException(
          "The message has no usable sender address (From, Sender, Reply-To, Return-Path)");
    }
    sender = sender.strip().toLowerCase(Locale.ROOT);
    String messageId = MailClassifier.messageId(content);
    if (messageId == null) {
      messageId = MailClassifier.messageId(message);
    }
    String subject = MailText.header(content.getHeader("Subject", null));
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
    MailContent body = MailContent.of(content);
    notes.addAll(body.notes());
    List<StoredDocument> stored = new ArrayList<>();
    for (MailContent.Attachment attachment : body.attachments()) {
      try {
        stored.add(documents.store(attachment.fileName(), attachment.content()));
      } catch (TooLargeException e) {
        notes.add(
            MailNote.of(
                "TOO_LARGE",
                "file",
                attachment.fileName() == null ? "—" : attachment.fileName(),
                "limit",
                e.maxBytes() / (1024 * 1024) + " MB"));
      }
    }
    return new Conversation(
        channel,
        messageId,
        sender,
        senderName,
        subject,
        body.text().strip(),
        MailClassifier.referencedIds(content),
        stored,
        context,
        mailbox.language(),
        notes);
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
