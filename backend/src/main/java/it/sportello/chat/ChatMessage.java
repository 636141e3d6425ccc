package it.sportello.chat;

import java.time.Instant;
import java.util.List;

/**
 * A message of a chat, numbered from 1 within its conversation.
 *
 * @param articles the knowledge-base articles a bot answer cites (else empty)
 * @param attachment the file sent with the message (else null)
 */
public record ChatMessage(
    long seq,
    AuthorKind authorKind,
    String author,
    String body,
    List<CitedArticle> articles,
    Instant sentAt,
    Attachment attachment) {

  public ChatMessage(
      long seq,
      AuthorKind authorKind,
      String author,
      String body,
      List<CitedArticle> articles,
      Instant sentAt) {
    this(seq, authorKind, author, body, articles, sentAt, null);
  }

  /** A file sent in the chat, stored by the documents module. */
  public record Attachment(long documentId, String fileName, String mediaType, long size) {}

  /** Who wrote a message. */
  public enum AuthorKind {
    CITIZEN,
    BOT,
    OPERATOR,
    /** The service itself: queue position, hand-off, closure. */
    SYSTEM
  }

  /** An article a bot answer cites, with its public page. */
  public record CitedArticle(long id, String title, String url) {}
}
