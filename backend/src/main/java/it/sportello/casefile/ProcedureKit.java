package it.sportello.casefile;

import it.sportello.document.Documents;
import it.sportello.shared.TextTemplates;
import it.sportello.sla.SlaService;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What every formal procedure's use cases work with (letters, complaints): the texts, the case
 * numbers, the case file's documents and timeline, working days, the procedures' settings, the
 * service calendar, transactions and the clock. Handed to {@link CaseProcedure} whole.
 */
@Component
public class ProcedureKit {

  final TextTemplates templates;
  final CaseNumbers numbers;
  final CaseDocuments caseDocuments;
  final Documents documents;
  final Timeline timeline;
  final WorkingDays workingDays;
  final ProceduresProperties properties;
  final SlaService sla;
  final PlatformTransactionManager transactionManager;
  final Clock clock;

  ProcedureKit(
      TextTemplates templates,
      CaseNumbers numbers,
      CaseDocuments caseDocuments,
      Documents documents,
      Timeline timeline,
      WorkingDays workingDays,
      ProceduresProperties properties,
      SlaService sla,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.templates = templates;
    this.numbers = numbers;
    this.caseDocuments = caseDocuments;
    this.documents = documents;
    this.timeline = timeline;
    this.workingDays = workingDays;
    this.properties = properties;
    this.sla = sla;
    this.transactionManager = transactionManager;
    this.clock = clock;
  }
}
