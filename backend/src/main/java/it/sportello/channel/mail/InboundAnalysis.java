package it.sportello.channel.mail;

import it.sportello.channel.mail.pec.PecEnvelope;
import it.sportello.document.StoredDocument;
import it.sportello.shared.DbText;
import it.sportello.ticket.domain.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link InboundMailAnalyser} read in a message, before anything is recorded: a message to
 * ignore (a receipt, a loop, an automatic reply) or a conversation for a ticket.
 */
sealed interface InboundAnalysis permits InboundAnalysis.Ignored, InboundAnalysis.Conversation {

  record Ignored(
      String messageId,
      String sender,
      String subject,
      String reason,
      PecEnvelope receipt,
      DeliveryReports.Report bounce)
      implements InboundAnalysis {
    Ignored(String messageId, String sender, String subject, String reason) {
      this(messageId, sender, subject, reason, null, null);
    }

    Ignored(String messageId, String sender, String subject, String reason, PecEnvelope receipt) {
      this(messageId, sender, subject, reason, receipt, null);
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
  record Conversation(
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
      implements InboundAnalysis {

    /** The text with the notes, each on a line of its own (a note may quote a file's name). */
    String text(MailTemplates templates) {
      StringBuilder text = new StringBuilder(body);
      for (MailNote note : notes) {
        text.append(text.isEmpty() ? "" : "\n\n").append(templates.note(note, language));
      }
      return DbText.clean(text.toString());
    }
  }

  /**
   * The text read from the message, safe for the database: without NUL characters and lone
   * surrogates (PostgreSQL refuses them); lengths are bounded where the text is written.
   */
  default InboundAnalysis forDatabase() {
    InboundAnalysis analysis = this;
    if (analysis instanceof Conversation c) {
      Map<String, String> context = new LinkedHashMap<>();
      c.context().forEach((k, v) -> context.put(DbText.clean(k), DbText.clean(v)));
      return new Conversation(
          c.channel(),
          DbText.clean(c.messageId()),
          DbText.clean(c.sender()),
          DbText.clean(c.senderName()),
          DbText.clean(c.subject()),
          DbText.clean(c.body()),
          c.references().stream().map(DbText::clean).toList(),
          c.documents(),
          context,
          c.language(),
          new ArrayList<>(c.notes()));
    }
    Ignored i = (Ignored) analysis;
    return new Ignored(
        DbText.clean(i.messageId()),
        DbText.clean(i.sender()),
        DbText.clean(i.subject()),
        DbText.clean(i.reason()),
        i.receipt(),
        i.bounce());
  }
}
