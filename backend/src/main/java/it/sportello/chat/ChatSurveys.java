package it.sportello.chat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.chat.Conversation.Outcome;
import it.sportello.chat.Conversation.Status;
import it.sportello.shared.NotFoundException;
import it.sportello.survey.InChatSurveys;
import it.sportello.survey.SatisfactionSurveys;
import it.sportello.survey.SatisfactionSurveys.PublicSurvey;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction survey at the end of a chat (issue 23 item 3): a chat that ended while the
 * citizen was in it, closed by an operator with a solution or answered by the bot alone, gets the
 * satisfaction questionnaire in its widget, in the chat's language, once the survey process has
 * made its invitation (the survey module's settings decide whether channels {@code CHAT} and {@code
 * CHATBOT} get one). A chat that went on as a ticket gets the e-mail link when that ticket closes,
 * as any ticket does.
 */
@Service
public class ChatSurveys implements InChatSurveys {

  /** The endings with the citizen still in the chat. */
  static final Set<Outcome> LIVE_ENDINGS = Set.of(Outcome.SOLVED, Outcome.BOT_SOLVED);

  private final JdbcClient jdbc;
  private final SatisfactionSurveys surveys;

  ChatSurveys(JdbcClient jdbc, SatisfactionSurveys surveys) {
    this.jdbc = jdbc;
    this.surveys = surveys;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean endedInChat(String ticketNumber) {
    return jdbc.sql(
                "select count(*) from sportello.chat_conversation where ticket_number = ?"
                    + " and status = 'CLOSED' and outcome in ('SOLVED', 'BOT_SOLVED')")
            .param(ticketNumber)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The chat's survey: {@code NONE}, {@code PENDING}, or the questionnaire with its status. */
  @Transactional(readOnly = true)
  public PublicSurvey survey(Conversation conversation, String language) {
    if (!endedLive(conversation)) {
      return new PublicSurvey("NONE", conversation.language(), null, null);
    }
    return surveys.inChat(
        conversation.ticketNumber(),
        language != null && Chats.LANGUAGES.contains(language)
            ? language
            : conversation.language());
  }

  /** The citizen's answer in the widget, taken once (409 for a second one). */
  @Transactional
  public void answer(Conversation conversation, JsonNode answers) {
    if (!endedLive(conversation)) {
      throw new NotFoundException("No questionnaire for this chat.");
    }
    surveys.answerInChat(conversation.ticketNumber(), answers);
  }

  private static boolean endedLive(Conversation conversation) {
    return conversation.status() == Status.CLOSED
        && conversation.ticketNumber() != null
        && LIVE_ENDINGS.contains(conversation.outcome());
  }
}
