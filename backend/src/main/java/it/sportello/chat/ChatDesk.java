package it.sportello.chat;

import it.sportello.chat.ChatMessage.Attachment;
import it.sportello.chat.ChatMessage.AuthorKind;
import it.sportello.chat.ChatMessage.CitedArticle;
import it.sportello.chat.Conversation.Status;
import it.sportello.document.Documents;
import it.sportello.document.DocumentsProperties;
import it.sportello.document.OwnerKind;
import it.sportello.document.StoredDocument;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.TextTemplates;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators' tools around a chat (issue 21 item 4): the citizen's place in their queue with an
 * estimated wait, transferring a chat to another operator or queue with a note, the articles to
 * suggest in an answer, and files sent in a chat by either side.
 *
 * <p>The wait estimate: {@code position × average handling ÷ (operators answering × chats each)},
 * rounded up to whole minutes. The average handling time is the mean time from an operator's taking
 * to the closing over the queue's latest {@link ChatDeskProperties#handlingSample()} chats closed
 * by an operator in the last {@link ChatDeskProperties#handlingWindowDays()} days (a configured
 * default while there are fewer than three); the operators answering are those handling one of the
 * queue's chats now or who took one in the last {@link ChatDeskProperties#answeringWindowMinutes()}
 * minutes; each handles up to {@link ChatProperties#maxChatsPerOperator()} at once. With nobody
 * answering there is no estimate (the citizen keeps their place). Every change of a queue tells the
 * queued chats' clients, which read their new place and estimate.
 */
@Service
public class ChatDesk {

  private static final int MAX_NOTE = 1000;

  private final ChatStore store;
  private final ChatDeskTables tables;
  private final ChatBot bot;
  private final Documents documents;
  private final DocumentsProperties documentLimits;
  private final TextTemplates texts;
  private final ChatProperties chat;
  private final ChatDeskProperties properties;
  private final Clock clock;

  ChatDesk(
      ChatStore store,
      ChatDeskTables tables,
      ChatBot bot,
      Documents documents,
      DocumentsProperties documentLimits,
      TextTemplates texts,
      ChatProperties chat,
      ChatDeskProperties properties,
      Clock clock) {
    this.store = store;
    this.tables = tables;
    this.bot = bot;
    this.documents = documents;
    this.documentLimits = documentLimits;
    this.texts = texts;
    this.chat = chat;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * A queued chat's place and wait.
   *
   * @param position the place in its queue, 1 is next (0: not queued)
   * @param minutes the estimated wait in whole minutes, null when nobody answers the queue now
   * @param operators the operators answering the queue now
   * @param averageHandlingMinutes the average handling time used
   * @param handledChats how many handled chats gave that average (0: the configured default)
   */
  public record WaitEstimate(
      String queue,
      int position,
      Integer minutes,
      int operators,
      double averageHandlingMinutes,
      int handledChats) {}

  /** A transfer of a chat, with the note for the next operator. */
  public record Transfer(
      String fromOperator, String toOperator, String toQueue, String note, Instant at) {}

  @Transactional(readOnly = true)
  public Optional<String> queueOf(long id) {
    return tables.queueOf(id);
  }

  @Transactional(readOnly = true)
  public WaitEstimate estimate(Conversation conversation) {
    if (conversation.status() != Status.QUEUED) {
      return new WaitEstimate(tables.queueOf(conversation.id()).orElse(null), 0, null, 0, 0, 0);
    }
    String queue = tables.queueOf(conversation.id()).orElse(properties.defaultQueue());
    int position = tables.position(conversation.id());
    Instant now = clock.instant();
    double[] handled =
        tables.handling(
            queue,
            now.minus(Duration.ofDays(properties.handlingWindowDays())),
            properties.handlingSample());
    int count = (int) handled[0];
    double average = count >= 3 ? handled[1] : properties.defaultHandlingMinutes();
    int operators =
        tables.answering(queue, now.minus(Duration.ofMinutes(properties.answeringWindowMinutes())));
    Integer minutes = minutes(position, average, operators, chat.maxChatsPerOperator());
    return new WaitEstimate(
        queue,
        position,
        minutes,
        operators,
        Math.round(average * 10) / 10.0,
        count >= 3 ? count : 0);
  }

  /** The estimate's arithmetic: {@code ⌈position × average ÷ (operators × chats each)⌉}. */
  static Integer minutes(int position, double average, int operators, int chatsEach) {
    if (operators <= 0) {
      return null;
    }
    return (int) Math.ceil(position * average / ((double) operators * chatsEach));
  }

  /**
   * Passes one of the operator's chats to another operator (who takes it at once, within their
   * limit) or back to a queue (keeping the citizen's place), recording who, where and the note.
   */
  @Transactional
  public Conversation transfer(
      long id, String operator, String toOperator, String toQueue, String note) {
    Conversation conversation = store.lockHandledBy(id, operator);
    String target = blankToNull(toOperator);
    String queue = blankToNull(toQueue);
    if ((target == null) == (queue == null)) {
      throw new InvalidRequestException(
          target == null ? "toOperator" : "toQueue", "give either an operator or a queue");
    }
    String text = blankToNull(note);
    if (text != null && text.length() > MAX_NOTE) {
      throw new InvalidRequestException("note", "at most " + MAX_NOTE + " characters");
    }
    Instant now = clock.instant();
    String lang = conversation.language();
    if (target != null) {
      if (target.equals(operator)) {
        throw new InvalidRequestException("toOperator", "must be another operator");
      }
      if (target.length() > 100 || !target.matches("[A-Za-z0-9._@-]+")) {
        throw new InvalidRequestException("toOperator", "must be a user name");
      }
      if (store.activeOf(target).size() >= chat.maxChatsPerOperator()) {
        throw new ConflictException(
            409, target + " already handles " + chat.maxChatsPerOperator() + " chats.");
      }
      tables.toOperator(id, target, now);
      store.participant(id, AuthorKind.OPERATOR, target, now);
    } else {
      if (!tables.queueExists(queue)) {
        throw new InvalidRequestException("toQueue", "no such queue");
      }
      tables.toQueue(id, queue);
    }
    tables.recordTransfer(id, operator, target, queue, text, now);
    store.append(
        id,
        AuthorKind.SYSTEM,
        null,
        texts.render(
            Chats.TEXTS, target != null ? "system.transferred" : "system.requeued", lang, Map.of()),
        List.of(),
        now);
    store.queueChanged();
    return store.find(id).orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<Transfer> transfers(long id) {
    return tables.transfers(id);
  }

  /**
   * The public knowledge-base articles for what the citizen wrote (their latest messages, up to 500
   * characters): the bot's search, so that a link inserted in an answer opens for the citizen.
   */
  @Transactional(readOnly = true)
  public List<CitedArticle> suggestions(long id) {
    Conversation conversation =
        store.find(id).orElseThrow(() -> new NotFoundException("No chat " + id));
    List<String> said =
        store.after(id, 0).stream()
            .filter(message -> message.authorKind() == AuthorKind.CITIZEN)
            .filter(message -> message.attachment() == null)
            .map(ChatMessage::body)
            .toList();
    if (said.isEmpty()) {
      return List.of();
    }
    // the latest words first: they are what the search keeps within its 500 characters
    List<String> latestFirst = new java.util.ArrayList<>(said);
    java.util.Collections.reverse(latestFirst);
    String text = String.join(" ", latestFirst);
    return bot.articles(
        text.length() > 500 ? text.substring(0, 500) : text, conversation.language());
  }

  /** The citizen sends a file: only in an open chat, after the privacy notice. */
  @Transactional
  public ChatMessage citizenSends(long id, String fileName, InputStream content) {
    Conversation conversation = store.lockOpen(id);
    if (!conversation.privacyAccepted()) {
      throw new InvalidRequestException("privacy", "the privacy notice must be accepted first");
    }
    return send(conversation, AuthorKind.CITIZEN, null, fileName, content);
  }

  /** The operator sends a file in one of their chats. */
  @Transactional
  public ChatMessage operatorSends(long id, String operator, String fileName, InputStream content) {
    return send(
        store.lockHandledBy(id, operator), AuthorKind.OPERATOR, operator, fileName, content);
  }

  /** A file of the chat, by the number of the message that carried it. */
  @Transactional(readOnly = true)
  public Attachment attachment(long id, long seq) {
    return store.after(id, seq - 1).stream()
        .filter(message -> message.seq() == seq && message.attachment() != null)
        .findFirst()
        .map(ChatMessage::attachment)
        .orElseThrow(() -> new NotFoundException("No file in message " + seq));
  }

  public InputStream content(Attachment attachment) {
    return documents.content(attachment.documentId());
  }

  /** Links the chat's files to the ticket the chat became. */
  void linkTo(long id, long ticketId) {
    store.after(id, 0).stream()
        .map(ChatMessage::attachment)
        .filter(java.util.Objects::nonNull)
        .forEach(
            file -> documents.link(file.documentId(), OwnerKind.TICKET, ticketId, file.fileName()));
  }

  private ChatMessage send(
      Conversation conversation,
      AuthorKind kind,
      String author,
      String fileName,
      InputStream content) {
    if (fileName == null || fileName.isBlank()) {
      throw new InvalidRequestException("file", "must have a name");
    }
    long limit = Math.min(properties.attachmentMaxSize().toBytes(), documentsLimit());
    StoredDocument stored = documents.store(fileName, content, limit);
    if (stored.size() == 0) {
      throw new InvalidRequestException("file", "must not be empty");
    }
    String type = stored.mediaType() == null ? "" : stored.mediaType().split(";")[0].strip();
    if (!properties.attachmentTypes().contains(type)) {
      throw new InvalidRequestException(
          "file",
          "files of type "
              + (type.isEmpty() ? "unknown" : type)
              + " are not accepted; accepted: PDF, images (PNG, JPEG, GIF), text, Word, Excel,"
              + " OpenDocument, signed files (p7m)");
    }
    Attachment attachment = new Attachment(stored.id(), stored.fileName(), type, stored.size());
    long seq =
        store.append(
            conversation.id(),
            kind,
            author,
            stored.fileName(),
            List.of(),
            attachment,
            clock.instant());
    return store.after(conversation.id(), seq - 1).get(0);
  }

  private long documentsLimit() {
    return documentLimits.maxSize().toBytes();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
