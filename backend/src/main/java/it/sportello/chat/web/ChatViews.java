package it.sportello.chat.web;

import it.sportello.chat.ChatDesk;
import it.sportello.chat.ChatMessage;
import it.sportello.chat.ChatMessage.AuthorKind;
import it.sportello.chat.ChatMessage.CitedArticle;
import it.sportello.chat.Chats;
import it.sportello.chat.Conversation;
import it.sportello.chat.Conversation.Status;
import it.sportello.chat.GuidedPaths;
import java.time.Instant;
import java.util.List;

/** What the widget and the console are shown, over HTTP and over the socket alike. */
final class ChatViews {

  private ChatViews() {}

  /**
   * A message.
   *
   * @param author the operator's user name (staff only), "chatbot" for the bot, else null
   * @param attachment the file sent with the message (its name, detected type, size), else null
   */
  record MessageView(
      long seq,
      AuthorKind authorKind,
      String author,
      String body,
      List<CitedArticle> articles,
      Instant sentAt,
      ChatMessage.Attachment attachment) {

    static MessageView forCitizen(ChatMessage message) {
      return new MessageView(
          message.seq(),
          message.authorKind(),
          message.authorKind() == AuthorKind.BOT ? Chats.BOT : null,
          message.body(),
          message.articles(),
          message.sentAt(),
          message.attachment());
    }

    static MessageView forStaff(ChatMessage message) {
      return new MessageView(
          message.seq(),
          message.authorKind(),
          message.author(),
          message.body(),
          message.articles(),
          message.sentAt(),
          message.attachment());
    }
  }

  /**
   * Where the citizen's chat stands.
   *
   * @param position the place in the operators' queue (1 is next), 0 when not queued
   * @param operatorsAvailable whether operators answer now (the service calendar's hours)
   * @param requestFormPath the web request form, offered when no operator answers
   * @param awaitingFeedback whether the bot asked "did this answer your question?"
   * @param lastSeq the number of the conversation's last message
   * @param estimatedWaitMinutes while queued: the estimated wait (null when no operator answers the
   *     queue now); see {@link ChatDesk} for the method
   * @param operatorsAnswering while queued: the operators answering the chat's queue now
   * @param prompt the question of the guided path the chat follows, else null
   * @param paths the guided paths the bot offers now (else empty)
   */
  record ChatState(
      Status status,
      int position,
      boolean operatorsAvailable,
      String requestFormPath,
      boolean privacyAccepted,
      boolean awaitingFeedback,
      long lastSeq,
      String ticketNumber,
      Integer estimatedWaitMinutes,
      int operatorsAnswering,
      GuidedPaths.Prompt prompt,
      List<GuidedPaths.Offer> paths) {

    static ChatState of(Conversation conversation, Chats chats, ChatDesk desk, GuidedPaths guided) {
      Chats.Availability availability = chats.availability();
      ChatDesk.WaitEstimate wait = desk.estimate(conversation);
      return new ChatState(
          conversation.status(),
          wait.position(),
          availability.operatorsAvailable(),
          availability.requestFormPath(),
          conversation.privacyAccepted(),
          conversation.awaitingFeedback(),
          conversation.lastSeq(),
          conversation.ticketNumber(),
          wait.minutes(),
          wait.operators(),
          guided.prompt(conversation).orElse(null),
          guided.offers(conversation));
    }
  }

  /** A chat as the operators' console lists it. */
  record ChatSummary(
      long id,
      Status status,
      int position,
      String language,
      String requesterName,
      Conversation.HandOff handoffReason,
      Instant queuedAt,
      String operator,
      Instant createdAt,
      long lastSeq) {

    static ChatSummary of(Conversation conversation, int position) {
      return new ChatSummary(
          conversation.id(),
          conversation.status(),
          position,
          conversation.language(),
          conversation.requesterName(),
          conversation.handoffReason(),
          conversation.queuedAt(),
          conversation.operator(),
          conversation.createdAt(),
          conversation.lastSeq());
    }
  }
}
