package it.sportello.chat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guided paths as the process engine runs them (implemented in {@code chat.process}): every
 * deployed process whose key starts with {@value #PREFIX} is a path; its user tasks are the
 * questions (one input field of the task's Camunda Form each), its end events say how the path
 * ends.
 */
public interface ChatPathEngine {

  /** The process keys of guided paths start with this. */
  String PREFIX = "chat-path-";

  /** The chat's system user: it completes the path's tasks on the citizen's behalf. */
  String SYSTEM_USER = "chatbot";

  /**
   * A path as its latest version describes it (process properties {@code chatTitle.<lang>}, {@code
   * chatKeywords}, {@code chatQueue}).
   */
  record Path(
      String key, String name, Map<String, String> titles, List<String> keywords, String queue) {

    public String title(String language) {
      return titles.getOrDefault(language, titles.getOrDefault("it", name));
    }
  }

  /** A choice of a choice question: its value and the form's wording of it. */
  record Option(String value, String label) {}

  /**
   * The question a path's current task asks: the first input field of its form.
   *
   * @param type the form-js type: radio, select, checkbox, textfield, textarea, number, datetime
   */
  record Question(
      String taskId,
      String formId,
      String key,
      String type,
      String label,
      List<Option> options,
      boolean required,
      Double min,
      Double max,
      Integer maxLength) {}

  /**
   * How a path ended (end event properties): {@code chatEnd} ANSWER, TICKET or HANDOFF; for an
   * answer {@code chatSearch} (the knowledge-base search) and {@code chatText.<lang>}; for a
   * hand-off optionally {@code chatQueue}, the queue whose operators get the chat (else the path's
   * {@code chatQueue}).
   */
  record Ending(String kind, String search, Map<String, String> texts, String queue) {}

  /** After a start or an answer: the next question, or the ending. */
  record Step(Optional<Question> question, Optional<Ending> ending) {}

  /** A started path: its instance and the definition (version) it runs on. */
  record Started(String instanceId, String definitionId, Step step) {}

  List<Path> paths();

  Optional<Path> path(String key);

  Started start(String key, long chatId, String language);

  Optional<Question> current(String instanceId);

  /** Completes the question's task with its typed value as the chat's system user. */
  Step answer(String instanceId, Question question, Object value);

  void cancel(String instanceId, String reason);
}
