package it.sportello.survey;

/**
 * Where a contact ended in a live chat (answered by the chat module): the satisfaction survey of
 * such a ticket is shown in the chat's widget, in the chat's language, instead of mailed; the
 * answer comes back through {@link SatisfactionSurveys#answerInChat}.
 */
public interface InChatSurveys {

  /** Whether the ticket is the one a chat ended with while the citizen was in it. */
  boolean endedInChat(String ticketNumber);
}
