package it.sportello.correspondence.process;

import it.sportello.correspondence.Letters;
import it.sportello.processes.ProcedureProcesses.Errors;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of the {@code correspondence} process: one use case each. */
@Configuration(proxyBeanMethods = false)
class LetterDelegates {

  /** Sends the signed answer; a document changed since its approval goes back to approval. */
  @Bean
  JavaDelegate sendLetterDelegate(Letters letters) {
    return execution -> {
      if (!letters.sendAnswer(execution.getProcessBusinessKey())) {
        throw new BpmnError(
            Errors.APPROVAL_NO_LONGER_VALID,
            "the answer changed after its approval: " + execution.getProcessBusinessKey());
      }
    };
  }

  @Bean
  JavaDelegate archiveLetterDelegate(Letters letters) {
    return execution -> letters.archive(execution.getProcessBusinessKey());
  }

  @Bean
  JavaDelegate remindOfficeDelegate(Letters letters) {
    return execution -> letters.remindOffice(execution.getProcessBusinessKey());
  }

  @Bean
  JavaDelegate escalateLetterDelegate(Letters letters) {
    return execution -> letters.escalateOverdue(execution.getProcessBusinessKey());
  }
}
