package it.sportello.chat;

import it.sportello.chat.ChatMessage.AuthorKind;
import it.sportello.chat.ChatPathEngine.Ending;
import it.sportello.chat.ChatPathEngine.Option;
import it.sportello.chat.ChatPathEngine.Path;
import it.sportello.chat.ChatPathEngine.Question;
import it.sportello.chat.ChatPathEngine.Started;
import it.sportello.chat.ChatPathEngine.Step;
import it.sportello.chat.ChatPathStore.PathRow;
import it.sportello.chat.Conversation.HandOff;
import it.sportello.chat.Conversation.Status;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chatbot's guided paths (issue 21 item 3): BPMN processes {@code chat-path-*} that analysts
 * edit in the studio. The bot offers them (a menu once the privacy notice is accepted, a suggestion
 * when the citizen's words match a path's keywords); each question is the current user task's form
 * field, asked in the chat and answered with buttons or a field; the answer completes the task, the
 * gateways branch on it; the path ends with an answer (a text of the model and knowledge-base
 * articles), a ticket with the answers collected, or a hand-off to an operator who sees them.
 */
@Service
public class GuidedPaths {

  /** What the widget shows for the current question. */
  public record Prompt(
      String path,
      String key,
      String type,
      String label,
      List<Option> options,
      Double min,
      Double max,
      Integer maxLength) {}

  /**
   * An answer collected by a path.
   *
   * @param key the form field's key (the process variable)
   * @param question the question as the citizen saw it
   * @param value the value the process got
   * @param shown the answer as the citizen saw it (a choice's wording, a date as dd/MM/yyyy)
   */
  public record Answer(String key, String question, String value, String shown) {}

  /** A path the bot offers: its key and title in the chat's language. */
  public record Offer(String key, String title) {}

  /** A chat's path as operators see it: the title, queue and the answers collected. */
  public record PathSummary(
      String key, String title, String queue, String status, String ending, List<Answer> answers) {}

  private final Chats chats;
  private final ChatStore store;
  private final ChatPathStore paths;
  private final ChatPathEngine engine;
  private final FormTexts forms;
  private final Clock clock;

  GuidedPaths(
      Chats chats,
      ChatStore store,
      ChatPathStore paths,
      ChatPathEngine engine,
      FormTexts forms,
      Clock clock) {
    this.chats = chats;
    this.store = store;
    this.paths = paths;
    this.engine = engine;
    this.forms = forms;
    this.clock = clock;
  }

  /**
   * The paths offered now, while the bot has the chat and follows no path: every path (the menu),
   * or, while the bot asks whether its articles helped, the paths whose keywords the citizen's last
   * words match (a suggestion next to the yes/no).
   */
  @Transactional(readOnly = true)
  public List<Offer> offers(Conversation conversation) {
    if (conversation.status() != Status.BOT
        || !conversation.privacyAccepted()
        || paths.find(conversation.id()).filter(PathRow::running).isPresent()) {
      return List.of();
    }
    List<Path> offered = engine.paths();
    if (conversation.awaitingFeedback()) {
      String words = paths.lastCitizenWords(conversation.id()).orElse("");
      offered = offered.stream().filter(path -> matches(path, words)).toList();
    }
    return offered.stream()
        .map(path -> new Offer(path.key(), path.title(conversation.language())))
        .toList();
  }

  /** The question the chat's path asks now, in the chat's language. */
  @Transactional(readOnly = true)
  public Optional<Prompt> prompt(Conversation conversation) {
    if (conversation.status() != Status.BOT) {
      return Optional.empty();
    }
    return paths
        .find(conversation.id())
        .filter(PathRow::running)
        .flatMap(
            row ->
                engine
                    .current(row.instanceId())
                    .map(question -> prompt(row, question, conversation.language())));
  }

  /** The chat's path for the operators' console, if it followed one. */
  @Transactional(readOnly = true)
  public Optional<PathSummary> summary(Conversation conversation) {
    return paths
        .find(conversation.id())
        .map(
            row ->
                new PathSummary(
                    row.pathKey(),
                    engine
                        .path(row.pathKey())
                        .map(path -> path.title(conversation.language()))
                        .orElse(row.pathKey()),
                    row.queue(),
                    row.status(),
                    row.ending(),
                    row.answers()));
  }

  /** The citizen chose a path: it starts on its latest version and asks the first question. */
  @Transactional
  public void choose(long id, String key) {
    Conversation conversation = chats.open(id);
    if (!conversation.privacyAccepted()) {
      throw new InvalidRequestException("privacy", "the privacy notice must be accepted first");
    }
    if (conversation.status() != Status.BOT
        || paths.find(id).filter(PathRow::running).isPresent()) {
      throw new ConflictException(409, "Chat " + id + " cannot start a path now.");
    }
    Path path =
        engine
            .path(key)
            .orElseThrow(() -> new InvalidRequestException("path", "no such guided path"));
    String title = path.title(conversation.language());
    store.append(id, AuthorKind.CITIZEN, null, title, List.of(), clock.instant());
    store.feedbackState(id, false, conversation.unhelpfulAnswers());
    bot(
        conversation,
        chats.text("bot.pathStarted", conversation.language(), Map.of("title", title)));
    Started started = engine.start(path.key(), id, conversation.language());
    paths.start(
        id,
        path.key(),
        started.definitionId(),
        started.instanceId(),
        path.queue(),
        clock.instant());
    follow(chats.get(id), paths.find(id).orElseThrow(), started.step());
    store.changed(id);
  }

  /**
   * The citizen answered the current question (a button's value or typed text).
   *
   * @throws InvalidRequestException naming {@code value} when the answer does not fit the field
   */
  @Transactional
  public void answer(long id, String value) {
    Conversation conversation = chats.open(id);
    PathRow row =
        paths
            .find(id)
            .filter(PathRow::running)
            .orElseThrow(() -> new ConflictException(409, "Chat " + id + " follows no path."));
    Question question =
        engine
            .current(row.instanceId())
            .orElseThrow(() -> new ConflictException(409, "The path asks nothing now."));
    String language = conversation.language();
    Prompt prompt = prompt(row, question, language);
    Object typed = typed(prompt, value);
    String shown = shown(prompt, typed, language);
    store.append(id, AuthorKind.CITIZEN, null, shown, List.of(), clock.instant());
    paths.answered(id, new Answer(question.key(), prompt.label(), String.valueOf(typed), shown));
    Step step = engine.answer(row.instanceId(), question, typed);
    follow(chats.get(id), paths.find(id).orElseThrow(), step);
    store.changed(id);
  }

  /**
   * What the citizen typed: an answer while a path asks (unless they ask for an operator), else the
   * bot's usual answer (paths whose keywords match are then offered next to it, see {@link
   * #offers}).
   */
  @Transactional
  public void citizenSays(long id, String text) {
    Conversation conversation = chats.get(id);
    Optional<PathRow> running = paths.find(id).filter(PathRow::running);
    String word =
        text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "");
    if (running.isPresent() && conversation.status() == Status.BOT) {
      if (chats.words("words.operator", conversation.language()).contains(word)) {
        askOperator(id);
      } else {
        answer(id, text);
      }
      return;
    }
    chats.citizenSays(id, text);
  }

  /** The citizen asked for an operator: a running path stops, its answers go with the chat. */
  @Transactional
  public void askOperator(long id) {
    cancel(id, "operator asked");
    chats.askOperator(id);
  }

  /** The citizen left: a running path stops. */
  @Transactional
  public void leave(long id) {
    cancel(id, "citizen left");
    chats.leave(id);
  }

  // --- internals ---

  private void cancel(long id, String reason) {
    paths
        .find(id)
        .filter(PathRow::running)
        .ifPresent(
            row -> {
              engine.cancel(row.instanceId(), reason);
              paths.end(id, "CANCELLED", null, clock.instant());
            });
  }

  private void follow(Conversation conversation, PathRow row, Step step) {
    String language = conversation.language();
    if (step.question().isPresent()) {
      bot(conversation, prompt(row, step.question().get(), language).label());
      return;
    }
    if (step.ending().isEmpty()) {
      return;
    }
    Ending ending = step.ending().get();
    paths.end(conversation.id(), "ENDED", ending.kind(), clock.instant());
    String title =
        engine.path(row.pathKey()).map(path -> path.title(language)).orElse(row.pathKey());
    String text = ending.texts().getOrDefault(language, ending.texts().get("it"));
    if (text != null && !text.isBlank()) {
      bot(conversation, text);
    }
    switch (ending.kind()) {
      case "TICKET" -> {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Answer answer : paths.find(conversation.id()).orElseThrow().answers()) {
          answers.put(answer.question(), answer.shown());
        }
        chats.pathTicket(chats.get(conversation.id()), title, answers);
      }
      case "HANDOFF" ->
          // the end event's queue, else the path's: its operators, and only they, get the chat
          chats.handOff(
              chats.get(conversation.id()),
              HandOff.PATH,
              ending.queue() != null && !ending.queue().isBlank() ? ending.queue() : row.queue());
      default -> {
        String search =
            ending.search() == null || ending.search().isBlank() ? title : ending.search();
        chats.answer(chats.get(conversation.id()), search);
      }
    }
  }

  private void bot(Conversation conversation, String text) {
    store.append(conversation.id(), AuthorKind.BOT, Chats.BOT, text, List.of(), clock.instant());
  }

  private Prompt prompt(PathRow row, Question question, String language) {
    String formId = question.formId();
    return new Prompt(
        row.pathKey(),
        question.key(),
        question.type(),
        forms.label(language, formId, question.key(), question.label()),
        question.options().stream()
            .map(
                option ->
                    new Option(
                        option.value(),
                        forms.option(
                            language, formId, question.key(), option.value(), option.label())))
            .toList(),
        question.min(),
        question.max(),
        question.maxLength());
  }

  /** The answer as the process gets it, checked against the field. */
  static Object typed(Prompt prompt, String value) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      throw new InvalidRequestException("value", "must not be blank");
    }
    switch (prompt.type()) {
      case "checkbox" -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw new InvalidRequestException("value", "must be true or false");
        }
        return Boolean.valueOf(text);
      }
      case "radio", "select" -> {
        if (prompt.options().stream().noneMatch(option -> option.value().equals(text))) {
          throw new InvalidRequestException("value", "must be one of the choices");
        }
        return text;
      }
      case "number" -> {
        long number;
        try {
          number = Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw new InvalidRequestException("value", "must be a whole number");
        }
        if ((prompt.min() != null && number < prompt.min())
            || (prompt.max() != null && number > prompt.max())) {
          throw new InvalidRequestException(
              "value", "must be between " + prompt.min() + " and " + prompt.max());
        }
        return number;
      }
      case "datetime" -> {
        try {
          return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
          throw new InvalidRequestException("value", "must be a date (yyyy-MM-dd)");
        }
      }
      default -> {
        int max = prompt.maxLength() == null ? 500 : prompt.maxLength();
        if (text.length() > max) {
          throw new InvalidRequestException("value", "at most " + max + " characters");
        }
        return text;
      }
    }
  }

  private String shown(Prompt prompt, Object typed, String language) {
    return switch (prompt.type()) {
      case "checkbox" -> chats.text("answer." + typed, language, Map.of());
      case "radio", "select" ->
          prompt.options().stream()
              .filter(option -> option.value().equals(typed))
              .map(Option::label)
              .findFirst()
              .orElse(String.valueOf(typed));
      case "datetime" -> {
        LocalDate date = LocalDate.parse(String.valueOf(typed));
        yield String.format(
            "%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
      }
      default -> String.valueOf(typed);
    };
  }

  /** Whether one of the path's keywords occurs in the text as whole words. */
  static boolean matches(Path path, String text) {
    String words =
        " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']+", " ").strip() + " ";
    return path.keywords().stream()
        .map(keyword -> keyword.toLowerCase(Locale.ROOT).strip())
        .anyMatch(keyword -> !keyword.isEmpty() && words.contains(" " + keyword + " "));
  }
}
