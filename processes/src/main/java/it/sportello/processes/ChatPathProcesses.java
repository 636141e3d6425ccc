package it.sportello.processes;

import java.util.List;

/**
 * The shipped guided paths of the chatbot (issue 21 item 3): processes {@code chat-path-*} whose
 * user tasks (candidate group {@value #BOT_GROUP}, no operator in it) are the bot's questions, each
 * with a one-field Camunda Form. The chat completes the tasks with the citizen's answers; an end
 * event's {@code camunda:property} {@value #END} (ANSWER, TICKET, HANDOFF) says how the chat goes
 * on. The process properties {@value #TITLE}{@code .<lang>}, {@value #KEYWORDS} and {@value #QUEUE}
 * describe the path.
 */
public final class ChatPathProcesses {

  private ChatPathProcesses() {}

  public static final String PREFIX = "chat-path-";
  public static final String TARI = "chat-path-tari";
  public static final String RESIDENCE = "chat-path-residence";
  public static final String ADDRESS = "chat-path-address";
  public static final List<String> SHIPPED = List.of(TARI, RESIDENCE, ADDRESS);

  /** The candidate group of the bot's questions: only the chat answers them. */
  public static final String BOT_GROUP = "chatbot";

  public static final String TITLE = "chatTitle";
  public static final String KEYWORDS = "chatKeywords";
  public static final String QUEUE = "chatQueue";
  public static final String END = "chatEnd";
  public static final String SEARCH = "chatSearch";
  public static final String TEXT = "chatText";

  /** Variables the chat sets at the start. */
  public static final class Variables {
    private Variables() {}

    public static final String CHAT_ID = "chatId";
    public static final String LANGUAGE = "chatLanguage";
    public static final String DUE_AT = "chatAnswerDueAt";
    public static final String AT_RISK_FROM = "chatAnswerAtRiskFrom";
  }
}
