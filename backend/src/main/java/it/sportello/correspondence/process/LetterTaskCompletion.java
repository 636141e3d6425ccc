package it.sportello.correspondence.process;

import static it.sportello.processes.ProcedureProcesses.Variables.*;

import it.sportello.correspondence.Letters;
import it.sportello.processes.ProcedureProcesses;
import it.sportello.processes.ProcedureProcesses.Decisions;
import it.sportello.processes.ProcedureProcesses.Elements;
import it.sportello.shared.InvalidRequestException;
import it.sportello.worklist.Completion;
import it.sportello.worklist.TaskCompletionHandler;
import it.sportello.worklist.WorkItem;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The office's draft from the worklist API: decision and answer checked before completion. */
@Component
class LetterTaskCompletion implements TaskCompletionHandler {

  private final Letters letters;

  LetterTaskCompletion(Letters letters) {
    this.letters = letters;
  }

  @Override
  public boolean supports(WorkItem task) {
    return ProcedureProcesses.CORRESPONDENCE_PROCESS_KEY.equals(task.processKey())
        && Elements.DRAFT_ANSWER.equals(task.taskKey());
  }

  @Override
  public Completion prepare(WorkItem task, Map<String, String> form) {
    String decision = form.getOrDefault("decision", form.get(DRAFT_DECISION));
    if (decision == null || !Set.of(Decisions.SUBMIT, Decisions.NO_REPLY).contains(decision)) {
      throw new InvalidRequestException(DRAFT_DECISION, "must be SUBMIT or NO_REPLY");
    }
    String text = form.get(LetterTaskListener.ANSWER_TEXT);
    if (Decisions.SUBMIT.equals(decision)) {
      letters.checkAnswerCanBeSubmitted(task.businessKey(), text);
    }
    Map<String, String> texts = new HashMap<>();
    if (text != null && Decisions.SUBMIT.equals(decision)) {
      texts.put(LetterTaskListener.ANSWER_TEXT, text);
    }
    if (form.get(LetterTaskListener.NOTE) != null) {
      texts.put(LetterTaskListener.NOTE, form.get(LetterTaskListener.NOTE));
    }
    return new Completion(Map.of(DRAFT_DECISION, decision), texts);
  }
}
