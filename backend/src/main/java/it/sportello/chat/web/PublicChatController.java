package it.sportello.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.chat.ChatDesk;
import it.sportello.chat.ChatSurveys;
import it.sportello.chat.Chats;
import it.sportello.chat.Conversation;
import it.sportello.chat.GuidedPaths;
import it.sportello.chat.web.ChatViews.ChatState;
import it.sportello.chat.web.ChatViews.MessageView;
import it.sportello.survey.SatisfactionSurveys;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen's chat without login, from the widget on any page: the HTTP side of the chat (and its
 * fallback when no WebSocket gets through: the widget polls "messages after N"). The conversation
 * token travels in the {@value #TOKEN} header; an unknown token is answered 404, like a token of a
 * conversation that does not exist.
 */
@Tag(name = "Public chat", description = "The citizen's web chat and chatbot, without login")
@RestController
@RequestMapping("/api/public/chat")
@CrossOrigin(
    originPatterns = "*",
    allowedHeaders = {"Content-Type", PublicChatController.TOKEN},
    allowCredentials = "false")
class PublicChatController {

  static final String TOKEN = "X-Chat-Token";

  private final Chats chats;
  private final ChatDesk desk;
  private final GuidedPaths guided;
  private final ChatSurveys surveys;
  private final ObjectMapper json;

  PublicChatController(
      Chats chats, ChatDesk desk, GuidedPaths guided, ChatSurveys surveys, ObjectMapper json) {
    this.chats = chats;
    this.desk = desk;
    this.guided = guided;
    this.surveys = surveys;
    this.json = json;
  }

  record ChoosePath(String path) {}

  record PathAnswer(String value) {}

  @Operation(
      summary = "Starts a guided path",
      description =
          "One of the paths the state offers (`paths`); its first question comes as the state's"
              + " `prompt`.")
  @PostMapping("/path")
  ChatState chooseChatPath(@RequestHeader(TOKEN) String token, @RequestBody ChoosePath body) {
    Conversation conversation = chats.byToken(token);
    guided.choose(conversation.id(), body == null ? null : body.path());
    return ChatState.of(chats.get(conversation.id()), chats, desk, guided);
  }

  @Operation(
      summary = "Answers the guided path's question",
      description =
          "A choice's value, `true`/`false` for a yes/no question, a number, a date (yyyy-MM-dd)"
              + " or text; 400 naming `value` when it does not fit the question.")
  @PostMapping("/path/answer")
  ChatState answerChatPath(@RequestHeader(TOKEN) String token, @RequestBody PathAnswer body) {
    Conversation conversation = chats.byToken(token);
    guided.answer(conversation.id(), body == null ? null : body.value());
    return ChatState.of(chats.get(conversation.id()), chats, desk, guided);
  }

  record StartRequest(String language, String page) {}

  /**
   * A new chat.
   *
   * @param token the conversation's secret: kept by the widget, sent as {@code X-Chat-Token}
   */
  record Started(String token, ChatState state) {}

  record PrivacyAcceptance(boolean accepted, String name, String email, String fiscalCode) {}

  record Say(String text) {}

  record Feedback(boolean answered) {}

  @Operation(
      summary = "Whether operators answer now",
      description =
          "Within the service calendar's hours operators answer; outside them the widget says so"
              + " and offers the web request form.")
  @GetMapping("/availability")
  Chats.Availability chatAvailability() {
    return chats.availability();
  }

  @Operation(summary = "Starts a chat", description = "The bot greets; nothing else is stored.")
  @PostMapping("/conversations")
  @ResponseStatus(HttpStatus.CREATED)
  Started startChat(@RequestBody(required = false) StartRequest request) {
    Chats.Started started =
        chats.start(
            request == null ? null : request.language(), request == null ? null : request.page());
    return new Started(started.token(), ChatState.of(started.conversation(), chats, desk, guided));
  }

  @Operation(summary = "Where the chat stands (status, queue position)")
  @GetMapping("/state")
  ChatState chatState(@RequestHeader(TOKEN) String token) {
    return ChatState.of(chats.byToken(token), chats, desk, guided);
  }

  @Operation(
      summary = "The messages after a number",
      description = "In order; `after=0` for all. The HTTP fallback polls this.")
  @GetMapping("/messages")
  List<MessageView> citizenChatMessages(
      @RequestHeader(TOKEN) String token, @RequestParam(defaultValue = "0") long after) {
    Conversation conversation = chats.byToken(token);
    return chats.messagesAfter(conversation.id(), after).stream()
        .map(MessageView::forCitizen)
        .toList();
  }

  @Operation(
      summary = "Accepts the privacy notice",
      description = "Required before the first message; name, e-mail and fiscal code optional.")
  @PostMapping("/privacy")
  ChatState acceptChatPrivacy(
      @RequestHeader(TOKEN) String token, @RequestBody PrivacyAcceptance body) {
    Conversation conversation = chats.byToken(token);
    if (body == null || !body.accepted()) {
      throw new it.sportello.shared.InvalidRequestException("accepted", "must be true");
    }
    return ChatState.of(
        chats.acceptPrivacy(conversation.id(), body.name(), body.email(), body.fiscalCode()),
        chats,
        desk,
        guided);
  }

  @Operation(
      summary = "The citizen writes",
      description =
          "Stored and delivered; the bot answers while it has the chat. \"operatore\"/\"operator\""
              + " asks for an operator.")
  @PostMapping("/messages")
  ChatState sayInChat(@RequestHeader(TOKEN) String token, @RequestBody Say body) {
    Conversation conversation = chats.byToken(token);
    guided.citizenSays(conversation.id(), body == null ? null : body.text());
    return ChatState.of(chats.get(conversation.id()), chats, desk, guided);
  }

  @Operation(summary = "Did the bot's answer help?")
  @PostMapping("/feedback")
  ChatState chatFeedback(@RequestHeader(TOKEN) String token, @RequestBody Feedback body) {
    Conversation conversation = chats.byToken(token);
    chats.feedback(conversation.id(), body != null && body.answered());
    return ChatState.of(chats.get(conversation.id()), chats, desk, guided);
  }

  @Operation(summary = "Asks for an operator")
  @PostMapping("/operator")
  ChatState askForOperator(@RequestHeader(TOKEN) String token) {
    Conversation conversation = chats.byToken(token);
    guided.askOperator(conversation.id());
    return ChatState.of(chats.get(conversation.id()), chats, desk, guided);
  }

  @Operation(summary = "The citizen leaves the chat")
  @PostMapping("/leave")
  ChatState leaveChat(@RequestHeader(TOKEN) String token) {
    Conversation conversation = chats.byToken(token);
    guided.leave(conversation.id());
    return ChatState.of(chats.get(conversation.id()), chats, desk, guided);
  }

  /**
   * What the citizen answers in the chat's satisfaction questionnaire: the questions as form-js
   * data (key to value, lists for checklists).
   */
  record ChatSurveyAnswers(Map<String, JsonNode> answers) {}

  @Operation(
      summary = "The satisfaction questionnaire at the end of the chat",
      description =
          "After a chat closed with a solution or answered by the bot alone: status NONE (no"
              + " survey for this chat), PENDING (being prepared: ask again in a few seconds), SENT"
              + " (open, with the form-js schema in the chat's language or `lang`), ANSWERED or"
              + " EXPIRED.")
  @GetMapping("/survey")
  SatisfactionSurveys.PublicSurvey chatSurvey(
      @RequestHeader(TOKEN) String token, @RequestParam(required = false) String lang) {
    return surveys.survey(chats.byToken(token), lang);
  }

  @Operation(
      summary = "Answers the chat's satisfaction questionnaire, once",
      description =
          "400 naming answers.<key> for an invalid answer, 404 when the chat has no questionnaire,"
              + " 409 if already answered, 410 once closed. A low score opens the supervisors'"
              + " follow-up.")
  @PostMapping("/survey")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void answerChatSurvey(@RequestHeader(TOKEN) String token, @RequestBody ChatSurveyAnswers body) {
    surveys.answer(
        chats.byToken(token),
        body == null || body.answers() == null ? null : json.valueToTree(body.answers()));
  }
}
