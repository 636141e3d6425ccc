package it.sportello.channel.mail;

import it.sportello.document.Documents;
import it.sportello.document.OwnerKind;
import it.sportello.document.StoredDocument;
import it.sportello.notification.Notification;
import it.sportello.notification.Notifications;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the notifications to requesters whose channel is e-mail or PEC: each becomes a message
 * in the mail outbox, written in the requester's language, once (the outbox row names the
 * notification); the notification is marked sent or failed when the mail is.
 *
 * <p>An operator's answer (the {@code answer} value, Markdown-lite) goes out as {@code
 * multipart/alternative}: plain text without the markers and HTML rendered by {@link MarkdownLite}.
 * The files of an operator's reply (the {@code documents} value: ids of the ticket's documents) are
 * copied into the outbox with the message, in the same transaction, so a retried send carries the
 * same files once; files beyond {@code sportello.mail.outbound.max-attachments-size} are named in
 * the text instead.
 */
@Component
public class NotificationMailer {

  static final Set<String> CHANNELS = Set.of("EMAIL", "PEC");
  private static final int BATCH = 100;

  /** The payload value with the Markdown-lite answer of an operator. */
  static final String ANSWER = "answer";

  /** The payload value with the ids of the files of an operator's reply, comma-separated. */
  public static final String DOCUMENTS = "documents";

  private final Notifications notifications;
  private final MailOutbox outbound;
  private final OutboundMailTable outbox;
  private final MailTemplates templates;
  private final Documents documents;
  private final long maxAttachmentsSize;
  private final TransactionTemplate transactions;

  NotificationMailer(
      Notifications notifications,
      MailOutbox outbound,
      OutboundMailTable outbox,
      MailTemplates templates,
      Documents documents,
      MailProperties properties,
      PlatformTransactionManager transactionManager) {
    this.notifications = notifications;
    this.outbound = outbound;
    this.outbox = outbox;
    this.templates = templates;
    this.documents = documents;
    this.maxAttachmentsSize = properties.outbound().maxAttachmentsSize();
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Queues the pending notifications as mail. @return how many were queued */
  public int queuePending() {
    if (!outbound.available()) {
      return 0;
    }
    int queued = 0;
    long after = 0;
    List<Notification> batch;
    do {
      batch = notifications.pending(CHANNELS, after, BATCH);
      for (Notification notification : batch) {
        after = notification.getId();
        Boolean done = transactions.execute(status -> queue(notification));
        if (Boolean.TRUE.equals(done)) {
          queued++;
        }
      }
    } while (batch.size() == BATCH);
    return queued;
  }

  private boolean queue(Notification notification) {
    if (outbox.hasNotification(notification.getId())) {
      return false;
    }
    Map<String, String> payload = notification.getPayload();
    Files files = files(notification);
    Map<String, String> values = new LinkedHashMap<>(payload);
    values.remove(DOCUMENTS);
    Map<String, String> html = new HashMap<>();
    String answer = payload.get(ANSWER);
    if (answer != null) {
      String text = MarkdownLite.plainText(answer);
      String answerHtml = MarkdownLite.html(answer);
      if (!files.leftOut().isEmpty()) {
        String line =
            lineOrDefault(notification.getLanguage())
                .replace("{files}", String.join(", ", files.leftOut()));
        text = text + "\n\n" + line;
        answerHtml = answerHtml + "<p>" + org.jsoup.nodes.Entities.escape(line) + "</p>";
      }
      values.put(ANSWER, text);
      html.put(ANSWER, answerHtml);
    }
    MailTemplates.Text text =
        templates.render(notification.getTemplate(), notification.getLanguage(), values);
    String htmlBody =
        answer == null
            ? null
            : templates.renderHtml(
                notification.getTemplate(), notification.getLanguage(), values, html);
    boolean queued =
        outbound
            .queue(
                new MailOutbox.Letter(
                    payload.get("number"),
                    "PEC".equals(notification.getChannel()),
                    notification.getRecipient(),
                    text.subject(),
                    text.body(),
                    notification.getTemplate(),
                    notification.getId(),
                    htmlBody),
                null,
                files.attached())
            .isPresent();
    if (!queued && "PEC".equals(notification.getChannel())) {
      // said where staff see the message's state (the ticket's mails), not left pending unseen
      notifications.markFailed(
          notification.getId(),
          "No PEC mailbox sends mail: configure one (sportello.mail.mailboxes, kind PEC) or answer"
              + " by e-mail.");
    }
    return queued;
  }

  private String lineOrDefault(String language) {
    String line = templates.line("ATTACHMENTS_LEFT_OUT", language);
    return line == null ? "{files}" : line;
  }

  private record Files(List<MailOutbox.Attachment> attached, List<String> leftOut) {}

  /** The reply's files, in the order the operator gave them, within the size limit. */
  private Files files(Notification notification) {
    String ids = notification.getPayload().get(DOCUMENTS);
    if (ids == null || ids.isBlank() || notification.getTicketId() == null) {
      return new Files(List.of(), List.of());
    }
    // the names the files have in the ticket (a name belongs to the link, not to the bytes)
    Map<Long, StoredDocument> ofTicket = new HashMap<>();
    documents
        .linkedTo(OwnerKind.TICKET, notification.getTicketId())
        .forEach(doc -> ofTicket.putIfAbsent(doc.id(), doc));
    List<MailOutbox.Attachment> attached = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    long total = 0;
    for (String id : ids.split(",")) {
      StoredDocument document = ofTicket.get(Long.parseLong(id.strip()));
      if (document == null) {
        continue; // no longer the ticket's: nothing to send
      }
      String name = document.fileName() == null ? "file-" + document.id() : document.fileName();
      if (total + document.size() > maxAttachmentsSize) {
        leftOut.add(name);
        continue;
      }
      total += document.size();
      attached.add(
          new MailOutbox.Attachment(
              name,
              document.mediaType() == null ? "application/octet-stream" : document.mediaType(),
              bytes(document.id())));
    }
    return new Files(attached, leftOut);
  }

  private byte[] bytes(long documentId) {
    try (InputStream in = documents.content(documentId)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
