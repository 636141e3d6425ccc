package it.sportello.channel.phone;

import it.sportello.shared.TextTemplates;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The texts the phone channel writes into a ticket's path and a requester's history, in the
 * request's (or the caller's) language: the bundle {@value #BUNDLE} of {@link TextTemplates}
 * ({@code templates/phone/<language>.properties}, replaceable from the templates directory).
 */
@Component
class PhoneTexts {

  /** The bundle of the phone channel's texts in {@link TextTemplates}. */
  static final String BUNDLE = "phone";

  private final TextTemplates texts;

  PhoneTexts(TextTemplates texts) {
    this.texts = texts;
  }

  /** The language of texts without a request or caller language. */
  String defaultLanguage() {
    return texts.defaultLanguage();
  }

  /** "Call from queue Q, answered by A after N s of waiting". */
  String callAnswered(PhoneCall call, String language) {
    return text(
        "CALL_ANSWERED",
        language,
        "fromQueue",
        fromQueue(call, language),
        "agent",
        call.getAgent(),
        "afterWait",
        call.getWaitSeconds() == null
            ? ""
            : text("AFTER_WAIT", language, "seconds", call.getWaitSeconds()));
  }

  /** "Call C from queue Q", on the path of the ticket it was linked to. */
  String callLinked(PhoneCall call, String callId, String language) {
    return text("CALL_LINKED", language, "callId", callId, "fromQueue", fromQueue(call, language));
  }

  /** "Call linked to request N", in the requester's history. */
  String callLinkedToRequest(String number, String language) {
    return text("CALL_LINKED_TO_REQUEST", language, "number", number);
  }

  /** "Call back to number N", or "Answer by phone: call back to number N", with the appointment. */
  String callbackPlanned(String number, boolean answer, String appointment, String language) {
    return text(
        answer ? "CALLBACK_ANSWER_PLANNED" : "CALLBACK_PLANNED",
        language,
        "number",
        number,
        "appointment",
        appointment == null ? "" : text("CALLBACK_APPOINTMENT", language, "time", appointment));
  }

  /** "Attempt 1 of 3: requester reached – note". */
  String callbackAttempt(int attempt, int max, boolean reached, String note, String language) {
    return text(
        "CALLBACK_ATTEMPT",
        language,
        "attempt",
        attempt,
        "max",
        max,
        "outcome",
        text(reached ? "CALLBACK_REACHED" : "CALLBACK_NOT_REACHED", language),
        "note",
        note == null || note.isBlank() ? "" : text("NOTE", language, "note", note.strip()));
  }

  private String fromQueue(PhoneCall call, String language) {
    return call.getQueue() == null ? "" : text("FROM_QUEUE", language, "queue", call.getQueue());
  }

  private String text(String key, String language, Object... namesAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return texts.render(BUNDLE, key, language, values);
  }
}
