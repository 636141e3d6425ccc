package it.sportello.complaint;

import it.sportello.approval.Approvals;
import it.sportello.casefile.CaseDocument;
import it.sportello.casefile.CaseDocuments;
import it.sportello.casefile.CaseNumbers;
import it.sportello.casefile.CaseReader;
import it.sportello.casefile.ProceduresProperties;
import it.sportello.casefile.SubjectKind;
import it.sportello.casefile.Timeline;
import it.sportello.casefile.WorkingDays;
import it.sportello.channel.mail.OutboundMail;
import it.sportello.complaint.Complaint.Status;
import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.document.Documents;
import it.sportello.document.StoredDocument;
import it.sportello.shared.ConflictException;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.sla.SlaService;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The complaint use cases and the register of proceedings. */
@Service
public class Complaints {

  static final String SERIES = "RECL";
  public static final String DECISION_STEP = "DECISION";
  private static final Set<String> UPLOAD_ROLES =
      Set.of(Complaint.EVIDENCE, Complaint.COUNTER_ARGUMENTS);

  /** The deadlines set by the formal notice. */
  public record NoticeDeadlines(
      Instant counterArgumentsDueAt, Instant evaluationDueAt, Instant evaluationFollowUpAt) {}

  private final JdbcTemplate jdbc;
  private final CaseNumbers numbers;
  private final CaseDocuments caseDocuments;
  private final Documents documents;
  private final Timeline timeline;
  private final Approvals approvals;
  private final ContactRegistry contacts;
  private final OutboundMail mail;
  private final ComplaintProcessPort process;
  private final WorkingDays workingDays;
  private final ProceduresProperties properties;
  private final SlaService sla;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Complaints(
      JdbcTemplate jdbc,
      CaseNumbers numbers,
      CaseDocuments caseDocuments,
      Documents documents,
      Timeline timeline,
      Approvals approvals,
      ContactRegistry contacts,
      OutboundMail mail,
      ComplaintProcessPort process,
      WorkingDays workingDays,
      ProceduresProperties properties,
      SlaService sla,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.caseDocuments = caseDocuments;
    this.documents = documents;
    this.timeline = timeline;
    this.approvals = approvals;
    this.contacts = contacts;
    this.mail = mail;
    this.process = process;
    this.workingDays = workingDays;
    this.properties = properties;
    this.sla = sla;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  @Transactional
  public Complaint report(ReportBreachCommand command, String user) {
    command.validate();
    Contact supplier = contacts.identify(command.supplier());
    Contact reporter = command.reporter() == null ? null : contacts.identify(command.reporter());
    Instant now = clock.instant();
    Instant checkDue = workingDays.after(now, properties.checkWorkingDays());
    String number = numbers.next(SERIES, sla.calendar().zone());
    jdbc.update(
        """
        insert into sportello.complaint (case_number, status, supplier_id, supplier_address,
            contract, description, reporter_id, reporter_address, ticket_number, reported_by,
            reported_at)
        values (?, 'REPORTED', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        number,
        supplier.getId(),
        command.supplier().email(),
        command.contract().strip(),
        command.description().strip(),
        reporter == null ? null : reporter.getId(),
        command.reporter() == null ? null : command.reporter().email(),
        blank(command.ticketNumber()) ? null : command.ticketNumber().strip(),
        user,
        Timestamp.from(now));
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

  @Transactional(readOnly = true)
  public Complaint get(String number) {
    return get(number, CaseReader.wholeRegister("system"));
  }

  /**
   * The complaint, if {@code reader} may read it: one involving their office, or one they acted on.
   *
   * @throws NotFoundException also when they may not: its existence stays hidden
   */
  @Transactional(readOnly = true)
  public Complaint get(String number, CaseReader reader) {
    List<Object> args = new ArrayList<>(List.of(number));
    String scope = scope(reader, args);
    return jdbc
        .query(SELECT + " where k.case_number = ?" + scope, Complaints::row, args.toArray())
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No complaint with case number " + number));
  }

  /** A complaint involves the offices its ticket was assigned to, when it came from a ticket. */
  private static String scope(CaseReader reader, List<Object> args) {
    return reader.sqlScope(
        SubjectKind.COMPLAINT,
        "k.case_number",
        "k.ticket_number in (select t.number from sportello.ticket t join sportello.ticket_event"
            + " te on te.ticket_id = t.id where te.office in "
            + CaseReader.GROUPS
            + ")",
        args);
  }

  /** Filters of the register of proceedings; each optional. */
  public record Filter(String supplier, Status status, Instant from, Instant to) {}

  /** The complaints {@code reader} may read, newest first. */
  @Transactional(readOnly = true)
  public List<Complaint> search(Filter filter, CaseReader reader, int limit) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> args = new ArrayList<>();
    where.append(scope(reader, args));
    if (!blank(filter.supplier())) {
      where.append(" and (s.name ilike ? or s.vat_number = ? or k.supplier_address ilike ?)");
      String like = "%" + filter.supplier().strip().replace("%", "\\%").replace("_", "\\_") + "%";
      args.add(like);
      args.add(filter.supplier().strip());
      args.add(like);
    }
    if (filter.status() != null) {
      where.append(" and k.status = ?");
      args.add(filter.status().name());
    }
    if (filter.from() != null) {
      where.append(" and k.reported_at >= ?");
      args.add(Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      where.append(" and k.reported_at < ?");
      args.add(Timestamp.from(filter.to()));
    }
    args.add(limit);
    return jdbc.query(
        SELECT + where + " order by k.reported_at desc, k.id desc limit ?",
        Complaints::row,
        args.toArray());
  }

  /** Adds evidence or the supplier's counter-arguments (stored outside any transaction). */
  public CaseDocument addDocument(
      String number, String role, String fileName, InputStream content, String user) {
    if (role == null || !UPLOAD_ROLES.contains(role)) {
      throw new InvalidRequestException("role", "must be one of " + UPLOAD_ROLES);
    }
    requireOpen(get(number));
    StoredDocument stored = documents.store(fileName, content);
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
      jdbc.update(
          "update sportello.complaint set dismissal_reason = ? where case_number = ?",
          reason.strip(),
          number);
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
    jdbc.update(
        "update sportello.complaint set status = 'DISMISSED', closed_at = ? where case_number = ?",
        Timestamp.from(clock.instant()),
        number);
    timeline.record(
        SubjectKind.COMPLAINT, number, "DISMISSED", "system", complaint.dismissalReason());
    notifyReporter(
        complaint,
        "Segnalazione archiviata",
        "La sua segnalazione "
            + number
            + " sul fornitore "
            + complaint.supplierName()
            + " è stata archiviata: "
            + complaint.dismissalReason());
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
    String dueText =
        DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(sla.calendar().zone()).format(due);
    String text =
        "Oggetto: contestazione di inadempimento — procedimento "
            + number
            + "\n\nSpett.le "
            + complaint.supplierName()
            + ",\nin relazione al contratto "
            + complaint.contract()
            + " si contesta quanto segue:\n\n"
            + complaint.description()
            + "\n\nEventuali controdeduzioni potranno essere trasmesse entro il "
            + dueText
            + " rispondendo a questa PEC (indicando il numero "
            + number
            + " nell'oggetto).\n";
    StoredDocument notice =
        documents.store(number + "-contestazione.txt", text.getBytes(StandardCharsets.UTF_8));
    caseDocuments.add(SubjectKind.COMPLAINT, number, Complaint.NOTICE, notice, "system");
    String messageId =
        mail.queue(
                new OutboundMail.Letter(
                    null,
                    true,
                    complaint.supplierAddress(),
                    "["
                        + number
                        + "] Contestazione di inadempimento — contratto "
                        + complaint.contract(),
                    text,
                    "COMPLAINT_NOTICE",
                    null))
            .orElseThrow(() -> new IllegalStateException("No PEC mailbox can send the notice"));
    jdbc.update(
        """
        update sportello.complaint set status = 'NOTICE_SENT', notice_sent_at = ?,
            counter_arguments_due_at = ? where case_number = ?""",
        Timestamp.from(now),
        Timestamp.from(due),
        number);
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
      jdbc.update(
          "update sportello.complaint set supplier_replied_at = ?, supplier_reply = ? where case_number = ?",
          Timestamp.from(now),
          text.strip(),
          number);
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
      jdbc.update(
          "update sportello.complaint set status = 'UNDER_EVALUATION' where case_number = ?",
          number);
    }
    return delivered;
  }

  @Transactional
  public void counterArgumentsMissed(String number) {
    Complaint complaint = lock(number);
    jdbc.update(
        "update sportello.complaint set status = 'UNDER_EVALUATION' where case_number = ?", number);
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
    String text =
        "Procedimento "
            + number
            + " — fornitore "
            + complaint.supplierName()
            + ", contratto "
            + complaint.contract()
            + "\n\nDecisione: "
            + ("PENALTY".equals(decision)
                ? "applicazione di una penale di euro " + penalty.toPlainString()
                : "archiviazione")
            + "\n\nMotivazione:\n"
            + reasons.strip()
            + "\n";
    StoredDocument document =
        documents.store(number + "-decisione.txt", text.getBytes(StandardCharsets.UTF_8));
    CaseDocument added =
        caseDocuments.add(SubjectKind.COMPLAINT, number, Complaint.DECISION, document, user);
    jdbc.update(
        """
        update sportello.complaint set status = 'DECISION_PROPOSED', decision = ?,
            penalty_amount = ?, decision_reasons = ? where case_number = ?""",
        decision,
        penalty,
        reasons.strip(),
        number);
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
    String messageId =
        mail.queue(
                new OutboundMail.Letter(
                    null,
                    true,
                    complaint.supplierAddress(),
                    "[" + number + "] Esito del procedimento — contratto " + complaint.contract(),
                    text + "\n--\nDocumento approvato: SHA-256 " + decision.sha256() + "\n",
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
    notifyReporter(complaint, "Esito della segnalazione", text);
    jdbc.update(
        "update sportello.complaint set status = 'CLOSED', closed_at = ? where case_number = ?",
        Timestamp.from(clock.instant()),
        number);
    timeline.record(SubjectKind.COMPLAINT, number, "CLOSED", "system", complaint.decision());
  }

  private void notifyReporter(Complaint complaint, String subject, String text) {
    if (complaint.reporterAddress() == null) {
      return;
    }
    mail.queue(
            new OutboundMail.Letter(
                null,
                false,
                complaint.reporterAddress(),
                "[" + complaint.caseNumber() + "] " + subject,
                text,
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

  private static void requireOpen(Complaint complaint) {
    if (complaint.status() == Status.CLOSED || complaint.status() == Status.DISMISSED) {
      throw new ConflictException(409, complaint.caseNumber() + " is " + complaint.status() + ".");
    }
  }

  private Complaint lock(String number) {
    jdbc.query(
        "select id from sportello.complaint where case_number = ? for update",
        (rs, n) -> rs.getLong(1),
        number);
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

  private static final String SELECT =
      """
      select k.*, s.name as supplier_name, r.name as reporter_name from sportello.complaint k
      join sportello.contact s on s.id = k.supplier_id
      left join sportello.contact r on r.id = k.reporter_id""";

  private static Complaint row(ResultSet rs, int n) throws SQLException {
    return new Complaint(
        rs.getString("case_number"),
        Status.valueOf(rs.getString("status")),
        rs.getLong("supplier_id"),
        rs.getString("supplier_name"),
        rs.getString("supplier_address"),
        rs.getString("contract"),
        rs.getString("description"),
        (Long) rs.getObject("reporter_id"),
        rs.getString("reporter_name"),
        rs.getString("reporter_address"),
        rs.getString("ticket_number"),
        rs.getString("reported_by"),
        instant(rs, "reported_at"),
        rs.getString("dismissal_reason"),
        instant(rs, "notice_sent_at"),
        instant(rs, "counter_arguments_due_at"),
        instant(rs, "supplier_replied_at"),
        rs.getString("supplier_reply"),
        rs.getString("decision"),
        rs.getBigDecimal("penalty_amount"),
        rs.getString("decision_reasons"),
        instant(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
