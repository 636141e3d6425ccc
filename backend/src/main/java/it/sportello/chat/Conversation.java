package it.sportello.chat;

import java.time.Instant;

/** A chat with a citizen, as stored. */
public record Conversation(
    long id,
    String language,
    Status status,
    String page,
    String requesterName,
    String requesterEmail,
    String requesterFiscalCode,
    Instant privacyAcceptedAt,
    boolean awaitingFeedback,
    int unhelpfulAnswers,
    long lastSeq,
    HandOff handoffReason,
    Instant queuedAt,
    String operator,
    Instant assignedAt,
    Outcome outcome,
    String ticketNumber,
    Long contactId,
    Instant createdAt,
    Instant closedAt) {

  /** Where a chat stands. */
  public enum Status {
    /** The bot answers. */
    BOT,
    /** Waiting for an operator. */
    QUEUED,
    /** An operator answers. */
    ACTIVE,
    CLOSED
  }

  /** Why the bot handed the chat to an operator. */
  public enum HandOff {
    /** The citizen asked for an operator. */
    REQUESTED,
    /** Two of the bot's answers did not help. */
    NOT_HELPED,
    /** A guided path ended with a hand-off (its answers go with the chat). */
    PATH
  }

  /** How a chat ended. */
  public enum Outcome {
    /** The bot's answer helped: a closed ticket of type B, channel CHATBOT. */
    BOT_SOLVED,
    /** An operator solved it: a ticket on channel CHAT solved at level 1. */
    SOLVED,
    /** An operator opened a ticket to continue offline. */
    TICKET,
    /** The citizen left before an answer (nothing recorded but the chat). */
    ABANDONED,
    /** A guided path opened a ticket (channel CHATBOT) with the answers collected. */
    PATH_TICKET
  }

  public boolean privacyAccepted() {
    return privacyAcceptedAt != null;
  }
}
