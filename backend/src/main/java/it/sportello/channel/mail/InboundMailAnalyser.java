package it.sportello.channel.mail;

import it.sportello.channel.mail.InboundAnalysis.Conversation;
import it.sportello.channel.mail.InboundAnalysis.Ignored;
import it.sportello.channel.mail.pec.PecEnvelope;
import it.sportello.channel.mail.pec.PecEnvelopes;
import it.sportello.channel.mail.pec.PecKind;
import it.sportello.document.Documents;
import it.sportello.document.StoredDocument;
import it.sportello.shared.TooLargeException;
import it.sportello.ticket.domain.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * Reads an inbound message outside any transaction (for {@link InboundMail}): unwraps a PEC
 * envelope, finds the sender (From, else Sender, Reply-To, Return-Path, noted), recognises
 * receipts, loops and automatic replies, and stores the attachments.
 */
@Component
class InboundMailAnalyser {

  private static final Session SESSION = Session.getInstance(new Properties());

  private final Mailboxes mailboxes;
  private final Documents documents;

  InboundMailAnalyser(Mailboxes mailboxes, Documents documents) {
    this.mailboxes = mailboxes;
    this.documents = documents;
  }

  /**
   * Reads the message (a PEC envelope's certified original, the sender, the text and the
   * attachments, stored as documents) and decides whether it is one to ignore.
   *
   * @throws MessagingException when it has no usable sender or cannot be parsed
   */
  InboundAnalysis analyse(Mailbox mailbox, RawMessage raw) throws MessagingException, IOException {
    MimeMessage message = new MimeMessage(SESSION, raw.open());
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
    Optional<DeliveryReports.Report> report = DeliveryReports.read(message);
    if (report.isPresent() && report.get().failed()) {
      DeliveryReports.Report bounce = report.get();
      return new Ignored(
          MailClassifier.messageId(message),
          null,
          MailText.header(message.getHeader("Subject", null)),
          "bounce (delivery status "
              + bounce.status()
              + ") about message "
              + bounce.originalMessageId(),
          null,
          bounce);
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
}
