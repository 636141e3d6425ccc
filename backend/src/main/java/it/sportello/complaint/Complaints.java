package it.sportello.complaint;

import it.sportello.approval.Approvals;
import it.sportello.casefile.CaseDocument;
import it.sportello.casefile.CaseProcedure;
import it.sportello.casefile.ProcedureKit;
import it.sportello.casefile.SubjectKind;
import it.sportello.channel.mail.MailOutbox;
import it.sportello.complaint.Complaint.Status;
import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.document.StoredDocument;
import it.sportello.shared.ConflictException;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.TextTemplates;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The complaint use cases and the register of proceedings. */
@Service
public class Complaints extends CaseProcedure<Complaint, Complaints.Filter> {

  static final String SERIES = "RECL";

  /** The bundle of the texts (templates/procedures/*.properties). */
  static final String TEXTS = "procedures";

  public static final String DECISION_STEP = "DECISION";
  private static final Set<String> UPLOAD_ROLES =
      Set.of(Complaint.EVIDENCE, Complaint.COUNTER_ARGUMENTS);

  /** The deadlines set by the formal notice. */
  public record NoticeDeadlines(
      Instant counterArgumentsDueAt, Instant evaluationDueAt, Instant evaluationFollowUpAt) {}

  private final ComplaintTable table;
  private final Approvals approvals;
  private final ContactRegistry contacts;
  private final MailOutbox mail;
  private final ComplaintProcessPort process;

  Complaints(
      ProcedureKit kit,
      ComplaintTable table,
      Approvals approvals,
      ContactRegistry contacts,
      MailOutbox mail,
      ComplaintProcessPort process) {
    super(kit, table::find, table::search, "No complaint with case number ");
    this.table = table;
    this.approvals = approvals;
    this.contacts = contacts;
    this.mail = mail;
    this.process = process;
  }

  @Transactional
  public Complaint report(ReportBreachCommand command, String user) {
    command.validate();
    Contact supplier = contacts.identify(command.supplier());
    Contact reporter = command.reporter() == null ? null : contacts.identify(command.reporter());
    Instant now = clock.instant();
    Instant checkDue = workingDays.after(now, properties.checkWorkingDays());
    String number = numbers.next(SERIES, sla.calendar().zone());
    table.insert(
        new ComplaintTable.NewComplaint(
            number,
            supplier.getId(),
            command.supplier().email(),
            command.contract().strip(),
            command.description().strip(),
            reporter == null ? null : reporter.getId(),
            command.reporter() == null ? null : command.reporter().email(),
            blank(command.ticketNumber()) ? null : command.ticketNumber().strip(),
            user,
            now));
    timeline.record(
        SubjectKind.COMPLAINT,
        number,
        "REPORTED",
        user,
        supplier.getName()
            + ", contract "
            + command.contract().strip()
            + (reporter == null ? "" : ", reported by " + reporter.getName())
            + (blank(command.ticketNumber()) ? "" : ", from ticket " + command.ticketNumber()));
    timeline.record(
        SubjectKind.COMPLAINT, number, "DEADLINE_SET", user, "preliminary check due " + checkDue);
    process.start(number, checkDue, workingDays.before(checkDue, 2, now));
    return get(number);
  }

  /** Filters of the register of proceedings; each optional. */
  public record Filter(String supplier, Status status, Instant from, Instant to) {}

  /** Adds evidence or the supplier's counter-arguments (stored outside any transaction). */
  public CaseDocument addDocument(
      String number, String role, String fileName, InputStream content, String user) {
    StoredDocument stored =
        storeUpload(UPLOAD_ROLES, role, () -> requireOpen(get(number)), fileName, content);
    return transactions.execute(
        status -> {
          requireOpen(lock(number));
          return caseDocuments.add(SubjectKind.COMPLAINT, number, role, stored, user);
        });
  }

  /**
   * @throws InvalidRequestException naming checkDecision or dismissalReason
   */
  public void validateCheck(String decision, String reason) {
    List<FieldViolation> violations = new ArrayList<>();
    if (!"PROCEED".equals(decision) && !"DISMISS".equals(decision)) {
      violations.add(new FieldViolation("checkDecision", "must be PROCEED or DISMISS"));
    }
    if ("DISMISS".equals(decision) && blank(reason)) {
      violations.add(new FieldViolation("dismissalReason", "must say why the report is dismissed"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  @Transactional
  public void recordCheck(String number, String decision, String reason, String user) {
    validateCheck(decision, reason);
    lock(number);
    if ("DISMISS".equals(decision)) {
      table.setDismissalReason(number, reason.strip());
      timeline.record(SubjectKind.COMPLAINT, number, "CHECK_DISMISS", user, reason.strip());
    } else {
      timeline.record(SubjectKind.COMPLAINT, number, "CHECK_PROCEED", user, null);
    }
  }

  /** Dismisses the report and tells the reporter. Idempotent. */
  @Transactional
  public void dismiss(String number) {
    Complaint complaint = lock(number);
    if (complaint.status() == Status.DISMISSED) {
      return;
    }
    table.dismissed(number, clock.instant());
    timeline.record(
        SubjectKind.COMPLAINT, number, "DISMISSED", "system", complaint.dismissalReason());
    notifyReporter(
        complaint,
        "COMPLAINT_DISMISSED",
        Map.of(
            "number", number,
            "supplier", complaint.supplierName(),
            "reason", String.valueOf(complaint.dismissalReason())));
  }

  /**
   * Sends the formal notice to the supplier by PEC, with the deadline for counter-arguments on the
   * service calendar. Idempotent: a retry returns the deadlines already set.
   */
  @Transactional
  public NoticeDeadlines sendFormalNotice(String number) {
    Complaint complaint = lock(number);
    Instant now = clock.instant();
    Instant due =
        complaint.counterArgumentsDueAt() != null
            ? complaint.counterArgumentsDueAt()
            : workingDays.after(now, properties.counterArgumentsWorkingDays());
    Instant evaluationDue = workingDays.after(due, properties.evaluationWorkingDays());
    NoticeDeadlines deadlines =
        new NoticeDeadlines(due, evaluationDue, workingDays.before(evaluationDue, 3, due));
    if (complaint.noticeSentAt() != null) {
      return deadlines;
    }
    String language = templates.defaultLanguage();
    String dueText =
        DateTimeFormatter.ofPattern(text("COMPLAINT_NOTICE.dateFormat", language, Map.of()))
            .withZone(sla.calendar().zone())
            .format(due);
    Map<String, String> values =
        Map.of(
            "number", number,
            "supplier", complaint.supplierName(),
            "contract", complaint.contract(),
            "description", complaint.description(),
            "dueDate", dueText);
    String text = text("COMPLAINT_NOTICE.body", language, values);
    StoredDocument notice =
        documents.store(number + "-contestazione.txt", text.getBytes(StandardCharsets.UTF_8));
    caseDocuments.add(SubjectKind.COMPLAINT, number, Complaint.NOTICE, notice, "system");
    String messageId =
        mail.queue(
                new MailOutbox.Letter(
                    null,
                    true,
                    complaint.supplierAddress(),
                    text("COMPLAINT_NOTICE.subject", language, values),
                    text,
                    "COMPLAINT_NOTICE",
                    null))
            .orElseThrow(() -> new IllegalStateException("No PEC mailbox can send the notice"));
    table.noticeSent(number, now, due);
    timeline.record(
        SubjectKind.COMPLAINT,
        number,
        "NOTICE_SENT",
        "system",
        "PEC to " + complaint.supplierAddress() + " (Message-ID " + messageId + ")",
        notice.id());
    timeline.record(
        SubjectKind.COMPLAINT,
        number,
        "DEADLINE_SET",
        "system",
        "counter-arguments due "
            + due
            + " ("
            + properties.counterArgumentsWorkingDays()
            + " working days)");
    return deadlines;
  }

  /**
   * The supplier's counter-arguments: recorded; delivered to the process when it waits for them (a
   * late reply is recorded as late). @return whether the process was waiting
   */
  @Transactional
  public boolean supplierReplied(String number, String text, String user) {
    if (blank(text)) {
      throw new InvalidRequestException("text", "must not be blank");
    }
    Complaint complaint = lock(number);
    if (complaint.noticeSentAt() == null) {
      throw new ConflictException(409, number + ": no formal notice was sent to the supplier.");
    }
    Instant now = clock.instant();
    boolean late =
        complaint.counterArgumentsDueAt() != null && now.isAfter(complaint.counterArgumentsDueAt());
    StoredDocument reply =
        documents.store(
            number + "-controdeduzioni-" + now.toEpochMilli() + ".txt",
            text.strip().getBytes(StandardCharsets.UTF_8));
    caseDocuments.add(SubjectKind.COMPLAINT, number, Complaint.COUNTER_ARGUMENTS, reply, user);
    if (complaint.supplierRepliedAt() == null) {
      table.supplierReplied(number, now, text.strip());
    }
    boolean delivered = !late && process.supplierReplied(number);
    timeline.record(
        SubjectKind.COMPLAINT,
        number,
        late ? "SUPPLIER_REPLIED_LATE" : "SUPPLIER_REPLIED",
        user,
        late ? "after the deadline " + complaint.counterArgumentsDueAt() : null,
        reply.id());
    if (delivered) {
      table.underEvaluation(number);
    }
    return delivered;
  }

  @Transactional
  public void counterArgumentsMissed(String number) {
    Complaint complaint = lock(number);
    table.underEvaluation(number);
    timeline.record(
        SubjectKind.COMPLAINT,
        number,
        "DEADLINE_PASSED",
        "system",
        "no counter-arguments by " + complaint.counterArgumentsDueAt());
  }

  /**
   * @throws InvalidRequestException naming each invalid field
   */
  public void validateDecision(String decision, String amount, String reasons) {
    List<FieldViolation> violations = new ArrayList<>();
    if (!"ARCHIVE".equals(decision) && !"PENALTY".equals(decision)) {
      violations.add(new FieldViolation("complaintDecision", "must be ARCHIVE or PENALTY"));
    }
    if ("PENALTY".equals(decision)) {
      BigDecimal value = amount(amount);
      if (value == null || value.signum() <= 0) {
        violations.add(new FieldViolation("penaltyAmount", "must be a positive amount in euro"));
      }
    }
    if (blank(reasons)) {
      violations.add(new FieldViolation("decisionReasons", "must give the reasons"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  /** The proposed decision becomes the case file's decision document (a new version). */
  @Transactional
  public void proposeDecision(
      String number, String decision, String amount, String reasons, String user) {
    validateDecision(decision, amount, reasons);
    Complaint complaint = lock(number);
    BigDecimal penalty = "PENALTY".equals(decision) ? amount(amount) : null;
    String language = templates.defaultLanguage();
    String text =
        text(
            "COMPLAINT_DECISION.document",
            language,
            Map.of(
                "number", number,
                "supplier", complaint.supplierName(),
                "contract", complaint.contract(),
                "decision",
                    "PENALTY".equals(decision)
                        ? text(
                            "COMPLAINT_DECISION.penalty",
                            language,
                            Map.of("amount", penalty.toPlainString()))
                        : text("COMPLAINT_DECISION.archive", language, Map.of()),
                "reasons", reasons.strip()));
    StoredDocument document =
        documents.store(number + "-decisione.txt", text.getBytes(StandardCharsets.UTF_8));
    CaseDocument added =
        caseDocuments.add(SubjectKind.COMPLAINT, number, Complaint.DECISION, document, user);
    table.decisionProposed(number, decision, penalty, reasons.strip());
    timeline.record(
        SubjectKind.COMPLAINT,
        number,
        "DECISION_PROPOSED",
        user,
        decision
            + (penalty == null ? "" : " " + penalty.toPlainString() + " EUR")
            + ", DECISION v"
            + added.version(),
        document.id());
  }

  /**
   * Notifies the approved decision to the supplier (PEC) and the reporter, and closes the case.
   * Only the decision the manager approved (by hash) is notified. Idempotent.
   */
  @Transactional
  public void notifyDecisionAndClose(String number) {
    Complaint complaint = lock(number);
    if (complaint.status() == Status.CLOSED) {
      return;
    }
    CaseDocument decision =
        caseDocuments
            .current(SubjectKind.COMPLAINT, number, Complaint.DECISION)
            .orElseThrow(() -> new IllegalStateException(number + " has no decision"));
    if (!approvals.isApproved(SubjectKind.COMPLAINT, number, DECISION_STEP, decision.sha256())) {
      throw new IllegalStateException(number + ": the decision is not the approved one");
    }
    String text = documents.text(decision.documentId());
    String language = templates.defaultLanguage();
    Map<String, String> values =
        Map.of(
            "number",
            number,
            "contract",
            complaint.contract(),
            "decision",
            text,
            "sha256",
            decision.sha256());
    String messageId =
        mail.queue(
                new MailOutbox.Letter(
                    null,
                    true,
                    complaint.supplierAddress(),
                    text("COMPLAINT_DECISION.subject", language, values),
                    text("COMPLAINT_DECISION.body", language, values),
                    "COMPLAINT_DECISION",
                    null))
            .orElseThrow(() -> new IllegalStateException("No PEC mailbox can send the decision"));
    timeline.record(
        SubjectKind.COMPLAINT,
        number,
        "DECISION_NOTIFIED",
        "system",
        "PEC to " + complaint.supplierAddress() + " (Message-ID " + messageId + ")",
        decision.documentId());
    notifyReporter(complaint, "COMPLAINT_REPORTER_DECISION", values);
    table.closed(number, clock.instant());
    timeline.record(SubjectKind.COMPLAINT, number, "CLOSED", "system", complaint.decision());
  }

  /** The mail to the reporter, in their language if they have one. */
  private void notifyReporter(Complaint complaint, String template, Map<String, String> values) {
    if (complaint.reporterAddress() == null) {
      return;
    }
    Contact reporter =
        complaint.reporterId() == null
            ? null
            : contacts.byIds(List.of(complaint.reporterId())).get(complaint.reporterId());
    String language = reporter == null ? null : reporter.getPreferredLanguage();
    if (language == null || !TextTemplates.LANGUAGES.contains(language)) {
      language = templates.defaultLanguage();
    }
    mail.queue(
            new MailOutbox.Letter(
                null,
                false,
                complaint.reporterAddress(),
                text(template + ".subject", language, values),
                text(template + ".body", language, values),
                "COMPLAINT_REPORTER",
                null))
        .ifPresent(
            messageId ->
                timeline.record(
                    SubjectKind.COMPLAINT,
                    complaint.caseNumber(),
                    "REPORTER_NOTIFIED",
                    "system",
                    "e-mail to "
                        + complaint.reporterAddress()
                        + " (Message-ID "
                        + messageId
                        + ")"));
  }

  private String text(String key, String language, Map<String, String> values) {
    return templates.render(TEXTS, key, language, values);
  }

  private static void requireOpen(Complaint complaint) {
    if (complaint.status() == Status.CLOSED || complaint.status() == Status.DISMISSED) {
      throw new ConflictException(409, complaint.caseNumber() + " is " + complaint.status() + ".");
    }
  }

  private Complaint lock(String number) {
    table.lock(number);
    return get(number);
  }

  static BigDecimal amount(String amount) {
    if (blank(amount)) {
      return null;
    }
    try {
      return new BigDecimal(amount.strip().replace(',', '.'))
          .setScale(2, java.math.RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
