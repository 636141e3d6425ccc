package it.sportello.correspondence.process;

import static it.sportello.processes.ProcedureProcesses.Variables.*;

import it.sportello.correspondence.Letters;
import it.sportello.platform.process.TaskActors;
import it.sportello.platform.process.TaskVariables;
import it.sportello.processes.ProcedureProcesses.Beans;
import it.sportello.processes.ProcedureProcesses.Decisions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The office completed its draft: the text (if any) becomes the answer's next version, and the
 * drafter is remembered as the one who submitted it (four eyes for the approvals that follow).
 */
@Component(Beans.LETTER_TASK_LISTENER)
class LetterTaskListener implements TaskListener {

  static final String ANSWER_TEXT = "answerText";
  static final String NOTE = "note";

  private final Letters letters;

  LetterTaskListener(Letters letters) {
    this.letters = letters;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = task.getExecution().getProcessBusinessKey();
    String actor = TaskActors.decidedBy(task);
    String decision = TaskVariables.text(task, DRAFT_DECISION);
    if (Decisions.NO_REPLY.equals(decision)) {
      letters.noAnswerNeeded(number, TaskVariables.text(task, NOTE), actor);
      return;
    }
    letters.checkAnswerCanBeSubmitted(number, TaskVariables.text(task, ANSWER_TEXT));
    letters.submitAnswer(
        number, TaskVariables.text(task, ANSWER_TEXT), TaskVariables.text(task, NOTE), actor);
    task.getExecution().setVariable(SUBMITTED_BY, actor);
  }
}
