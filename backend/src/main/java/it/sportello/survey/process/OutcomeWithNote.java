package it.sportello.survey.process;

import it.sportello.shared.InvalidRequestException;
import it.sportello.worklist.Completion;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A survey task's form: an outcome out of a fixed set, kept as a process variable, and an optional
 * note of limited length, kept as a text beside the process.
 *
 * @param outcomeField the form's field, also the variable's name
 * @param noteField the form's field, also the text's name
 */
record OutcomeWithNote(String outcomeField, Set<String> outcomes, String noteField, int noteMax) {

  /**
   * The outcome and {@code more} (values may be null) as variables, the note (stripped, when not
   * blank) as a text.
   *
   * @throws InvalidRequestException naming the outcome or the note
   */
  Completion read(Map<String, String> form, Map<String, Object> more) {
    String outcome = form.get(outcomeField);
    if (outcome == null || !outcomes.contains(outcome)) {
      throw new InvalidRequestException(outcomeField, "must be one of " + outcomes);
    }
    String note = form.get(noteField);
    if (note != null && note.length() > noteMax) {
      throw new InvalidRequestException(noteField, "must be at most " + noteMax + " characters");
    }
    Map<String, Object> variables = new HashMap<>(more);
    variables.put(outcomeField, outcome);
    Map<String, String> texts = new HashMap<>();
    if (note != null && !note.isBlank()) {
      texts.put(noteField, note.strip());
    }
    return new Completion(variables, texts);
  }
}
