package it.sportello.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.chat.ChatMessage.AuthorKind;
import it.sportello.chat.ChatMessage.CitedArticle;
import it.sportello.chat.Conversation.HandOff;
import it.sportello.chat.Conversation.Outcome;
import it.sportello.chat.Conversation.Status;
import it.sportello.shared.ConflictException;
import it.sportello.shared.ForbiddenException;
import it.sportello.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The chat tables. A message takes the conversation's next sequence number under the conversation
 * row's lock and announces itself with {@code NOTIFY} in the same transaction: every node hears of
 * it once it is committed, never before.
 */
@Repository
class ChatStore {

  /** The PostgreSQL notification channel; the payload is the conversation's id. */
  static final String CHANNEL = "sportello_chat";

  /** The payload that says the waiting list changed (every other payload is a chat's id). */
  static final String QUEUE_CHANGED = "queue";

  private static final TypeReference<List<CitedArticle>> ARTICLES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final ChatDeskProperties desk;

  ChatStore(JdbcClient jdbc, ObjectMapper json, ChatDeskProperties desk) {
    this.jdbc = jdbc;
    this.json = json;
    this.desk = desk;
  }

  long create(byte[] tokenHash, String language, String page, Instant now) {
    return jdbc.sql(
            "insert into sportello.chat_conversation (token_hash, language, status, page, created_at)"
                + " values (?, ?, 'BOT', ?, ?) returning id")
        .params(tokenHash, language, page, Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  Optional<Conversation> byTokenHash(byte[] tokenHash) {
    return jdbc.sql("select * from sportello.chat_conversation where token_hash = ?")
        .param(tokenHash)
        .query(ChatStore::conversation)
        .optional();
  }

  Optional<Conversation> find(long id) {
    return jdbc.sql("select * from sportello.chat_conversation where id = ?")
        .param(id)
        .query(ChatStore::conversation)
        .optional();
  }

  /** The conversation, locked until the transaction ends (one change at a time, on any node). */
  Optional<Conversation> lock(long id) {
    return jdbc.sql("select * from sportello.chat_conversation where id = ? for update")
        .param(id)
        .query(ChatStore::conversation)
        .optional();
  }

  /**
   * The conversation, locked, while it is not closed.
   *
   * @throws NotFoundException when there is none
   * @throws ConflictException (409) once it is closed
   */
  Conversation lockOpen(long id) {
    Conversation conversation = lock(id).orElseThrow(() -> new NotFoundException("No chat " + id));
    if (conversation.status() == Status.CLOSED) {
      throw new ConflictException(409, "Chat " + id + " is closed.");
    }
    return conversation;
  }

  /**
   * As {@link #lockOpen}, for the operator who handles it.
   *
   * @throws ForbiddenException when it is not active with {@code operator}
   */
  Conversation lockHandledBy(long id, String operator) {
    Conversation conversation = lockOpen(id);
    if (conversation.status() != Status.ACTIVE || !operator.equals(conversation.operator())) {
      throw new ForbiddenException("Chat " + id + " is not handled by " + operator);
    }
    return conversation;
  }

  List<Conversation> queued() {
    return jdbc.sql(
            "select * from sportello.chat_conversation where status = 'QUEUED' order by queued_at, id")
        .query(ChatStore::conversation)
        .list();
  }

  List<Conversation> activeOf(String operator) {
    return jdbc.sql(
            "select * from sportello.chat_conversation where status = 'ACTIVE' and operator = ?"
                + " order by assigned_at, id")
        .param(operator)
        .query(ChatStore::conversation)
        .list();
  }

  /**
   * How many chats wait ahead of this one in its own queue, plus one: its place in the queue (each
   * queue has its own operators, so only its own chats are ahead).
   */
  int position(Conversation conversation) {
    return jdbc.sql(
            """
            select count(*) + 1 from sportello.chat_conversation other, sportello.chat_conversation me
            where me.id = :id and other.status = 'QUEUED'
              and coalesce(other.queue, :fallback) = coalesce(me.queue, :fallback)
              and (other.queued_at < me.queued_at or (other.queued_at = me.queued_at and other.id < me.id))""")
        .param("id", conversation.id())
        .param("fallback", desk.defaultQueue())
        .query(Integer.class)
        .single();
  }

  void acceptPrivacy(long id, String name, String email, String fiscalCode, Instant now) {
    jdbc.sql(
            "update sportello.chat_conversation set privacy_accepted_at = ?, requester_name = ?,"
                + " requester_email = ?, requester_fiscal_code = ? where id = ?")
        .params(Timestamp.from(now), name, email, fiscalCode, id)
        .update();
    participant(id, AuthorKind.CITIZEN, name == null ? "citizen" : name, now);
  }

  void feedbackState(long id, boolean awaiting, int unhelpful) {
    jdbc.sql(
            "update sportello.chat_conversation set awaiting_feedback = ?, unhelpful_answers = ?"
                + " where id = ?")
        .params(awaiting, unhelpful, id)
        .update();
  }

  /**
   * Queues the chat: in {@code queue} when given (a guided path's), else in the queue it already
   * has, else in the default queue.
   */
  void queue(long id, HandOff reason, String queue, Instant now) {
    jdbc.sql(
            "update sportello.chat_conversation set status = 'QUEUED', handoff_reason = ?, queued_at = ?,"
                + " awaiting_feedback = false, queue = coalesce(?, queue, ?) where id = ?")
        .params(reason.name(), Timestamp.from(now), queue, desk.defaultQueue(), id)
        .update();
  }

  /** A queued chat and the queue it waits in. */
  record QueuedChat(Conversation conversation, String queue) {}

  /** The queued chats of these queues, in queue order. */
  List<QueuedChat> queuedIn(java.util.Collection<String> queues) {
    if (queues.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select *, coalesce(queue, :fallback) as waits_in from sportello.chat_conversation"
                + " where status = 'QUEUED' and coalesce(queue, :fallback) in (:queues)"
                + " order by queued_at, id")
        .param("fallback", desk.defaultQueue())
        .param("queues", queues)
        .query((rs, row) -> new QueuedChat(conversation(rs, row), rs.getString("waits_in")))
        .list();
  }

  /** Whether a queue of this code exists. */
  boolean queueExists(String code) {
    return jdbc.sql("select count(*) from sportello.queue where code = ?")
            .param(code)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The queue the chat waits in (or last waited in), the default one when it has none. */
  String queueOf(Conversation conversation) {
    return jdbc.sql("select coalesce(queue, ?) from sportello.chat_conversation where id = ?")
        .params(desk.defaultQueue(), conversation.id())
        .query(String.class)
        .single();
  }

  /** Assigns a queued chat; false when it is no longer queued (another operator was faster). */
  boolean assign(long id, String operator, Instant now) {
    boolean assigned =
        jdbc.sql(
                    "update sportello.chat_conversation set status = 'ACTIVE', operator = ?,"
                        + " assigned_at = ?, first_assigned_at = coalesce(first_assigned_at, ?)"
                        + " where id = ? and status = 'QUEUED'")
                .params(operator, Timestamp.from(now), Timestamp.from(now), id)
                .update()
            == 1;
    if (assigned) {
      participant(id, AuthorKind.OPERATOR, operator, now);
    }
    return assigned;
  }

  void close(long id, Outcome outcome, String ticketNumber, Long contactId, Instant now) {
    jdbc.sql(
            "update sportello.chat_conversation set status = 'CLOSED', outcome = ?, ticket_number = ?,"
                + " contact_id = ?, closed_at = ?, awaiting_feedback = false where id = ?")
        .params(outcome.name(), ticketNumber, contactId, Timestamp.from(now), id)
        .update();
  }

  void participant(long id, AuthorKind kind, String name, Instant now) {
    jdbc.sql(
            "insert into sportello.chat_participant (conversation_id, kind, name, joined_at)"
                + " values (?, ?, ?, ?) on conflict do nothing")
        .params(id, kind.name(), name, Timestamp.from(now))
        .update();
  }

  /** Appends a message with the conversation's next number and tells every node. */
  long append(
      long id,
      AuthorKind kind,
      String author,
      String body,
      List<CitedArticle> articles,
      Instant now) {
    return append(id, kind, author, body, articles, null, now);
  }

  /** Appends a message, with the file sent with it if any. */
  long append(
      long id,
      AuthorKind kind,
      String author,
      String body,
      List<CitedArticle> articles,
      ChatMessage.Attachment attachment,
      Instant now) {
    long seq =
        jdbc.sql(
                "update sportello.chat_conversation set last_seq = last_seq + 1 where id = ?"
                    + " returning last_seq")
            .param(id)
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into sportello.chat_message"
                + " (conversation_id, seq, author_kind, author, body, articles, sent_at,"
                + " document_id, attachment_name, attachment_type, attachment_size)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            seq,
            kind.name(),
            author,
            body,
            write(articles),
            Timestamp.from(now),
            attachment == null ? null : attachment.documentId(),
            attachment == null ? null : attachment.fileName(),
            attachment == null ? null : attachment.mediaType(),
            attachment == null ? null : attachment.size())
        .update();
    changed(id);
    return seq;
  }

  /** Tells every node that the conversation changed (delivered when the transaction commits). */
  void changed(long id) {
    jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, Long.toString(id)).query().singleRow();
  }

  /**
   * The waiting list changed (a chat queued, taken, transferred or left): one notification for
   * every follower, not one per waiting chat (a take would otherwise announce N changes).
   */
  void queueChanged() {
    jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, QUEUE_CHANGED).query().singleRow();
  }

  List<ChatMessage> after(long id, long seq) {
    return jdbc.sql(
            "select * from sportello.chat_message where conversation_id = ? and seq > ? order by seq")
        .params(id, seq)
        .query((rs, n) -> message(rs))
        .list();
  }

  private ChatMessage message(ResultSet rs) throws SQLException {
    return new ChatMessage(
        rs.getLong("seq"),
        AuthorKind.valueOf(rs.getString("author_kind")),
        rs.getString("author"),
        rs.getString("body"),
        read(rs.getString("articles")),
        rs.getTimestamp("sent_at").toInstant(),
        rs.getObject("document_id") == null
            ? null
            : new ChatMessage.Attachment(
                rs.getLong("document_id"),
                rs.getString("attachment_name"),
                rs.getString("attachment_type"),
                rs.getLong("attachment_size")));
  }

  private String write(List<CitedArticle> articles) {
    if (articles == null || articles.isEmpty()) {
      return null;
    }
    try {
      return json.writeValueAsString(articles);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<CitedArticle> read(String articles) {
    if (articles == null) {
      return List.of();
    }
    try {
      return json.readValue(articles, ARTICLES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Conversation conversation(ResultSet rs, int row) throws SQLException {
    return new Conversation(
        rs.getLong("id"),
        rs.getString("language"),
        Status.valueOf(rs.getString("status")),
        rs.getString("page"),
        rs.getString("requester_name"),
        rs.getString("requester_email"),
        rs.getString("requester_fiscal_code"),
        instant(rs, "privacy_accepted_at"),
        rs.getBoolean("awaiting_feedback"),
        rs.getInt("unhelpful_answers"),
        rs.getLong("last_seq"),
        rs.getString("handoff_reason") == null
            ? null
            : HandOff.valueOf(rs.getString("handoff_reason")),
        instant(rs, "queued_at"),
        rs.getString("operator"),
        instant(rs, "assigned_at"),
        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
        rs.getString("ticket_number"),
        rs.getObject("contact_id") == null ? null : rs.getLong("contact_id"),
        instant(rs, "created_at"),
        instant(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
