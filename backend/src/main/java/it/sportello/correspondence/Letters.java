package it.sportello.correspondence;

import it.sportello.approval.Approvals;
import it.sportello.casefile.CaseDocument;
import it.sportello.casefile.CaseProcedure;
import it.sportello.casefile.ProcedureKit;
import it.sportello.casefile.SubjectKind;
import it.sportello.channel.mail.MailOutbox;
import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.correspondence.LetterTypes.Direction;
import it.sportello.correspondence.LetterTypes.SendBy;
import it.sportello.correspondence.LetterTypes.Status;
import it.sportello.document.StoredDocument;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidRequestException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The correspondence use cases. */
@Service
public class Letters extends CaseProcedure<Letter, Letters.Filter> {

  static final String SERIES = "PROT";

  /** The bundle of the texts (templates/procedures/*.properties). */
  static final String TEXTS = "procedures";

  private static final Set<String> UPLOAD_ROLES =
      Set.of(LetterTypes.ORIGINAL, LetterTypes.REPLY, LetterTypes.ATTACHMENT);

  private final LetterTable table;
  private final Approvals approvals;
  private final ContactRegistry contacts;
  private final MailOutbox mail;
  private final LetterProcessPort process;

  Letters(
      ProcedureKit kit,
      LetterTable table,
      Approvals approvals,
      ContactRegistry contacts,
      MailOutbox mail,
      LetterProcessPort process) {
    super(kit, table::find, table::search, "No letter with protocol number ");
    this.table = table;
    this.approvals = approvals;
    this.contacts = contacts;
    this.mail = mail;
    this.process = process;
  }

  /**
   * Registers the letter with the next protocol number of the year (in this transaction: a failure
   * gives the number back), and starts its process.
   */
  @Transactional
  public Letter register(RegisterLetterCommand command, String user) {
    command.validate();
    Contact correspondent = contacts.identify(command.correspondent());
    Instant now = clock.instant();
    Instant due = workingDays.after(now, properties.answerWorkingDays());
    Instant reminder = workingDays.before(due, properties.reminderWorkingDaysBefore(), now);
    String number = numbers.next(SERIES, sla.calendar().zone());
    table.insert(
        new LetterTable.NewLetter(
            number,
            command.direction(),
            command.subject().strip(),
            blankToNull(command.classification()),
            correspondent.getId(),
            command.office(),
            command.sendBy(),
            command.address(),
            blankToNull(command.ticketNumber()),
            user,
            now,
            due,
            reminder));
    timeline.record(
        SubjectKind.LETTER,
        number,
        "REGISTERED",
        user,
        command.direction()
            + " \""
            + command.subject().strip()
            + "\", "
            + correspondent.getName()
            + (command.ticketNumber() == null ? "" : ", from ticket " + command.ticketNumber()));
    timeline.record(SubjectKind.LETTER, number, "ASSIGNED", user, command.office());
    timeline.record(
        SubjectKind.LETTER,
        number,
        "DEADLINE_SET",
        user,
        "answer due " + due + ", reminder " + reminder);
    if (command.text() != null && !command.text().isBlank()) {
      String role =
          command.direction() == Direction.INCOMING ? LetterTypes.ORIGINAL : LetterTypes.REPLY;
      StoredDocument text =
          documents.store(
              number + "-" + role.toLowerCase() + ".txt",
              command.text().getBytes(StandardCharsets.UTF_8));
      caseDocuments.add(SubjectKind.LETTER, number, role, text, user);
    }
    process.start(number, command.office(), due, reminder);
    return get(number);
  }

  /** Filters of the register; each optional. */
  public record Filter(
      Status status, Direction direction, String office, String text, Instant from, Instant to) {}

  /**
   * Adds a document to the letter: the letter itself ({@code ORIGINAL}), the answer ({@code REPLY}:
   * a new version replaces the previous one and needs a new approval) or an attachment. The bytes
   * are stored first (outside any transaction: text extraction may take seconds).
   */
  public CaseDocument addDocument(
      String number, String role, String fileName, InputStream content, String user) {
    StoredDocument stored =
        storeUpload(UPLOAD_ROLES, role, () -> requireOpen(get(number)), fileName, content);
    return transactions.execute(status -> attach(number, role, stored, user));
  }

  private CaseDocument attach(String number, String role, StoredDocument stored, String user) {
    long documentId = stored.id();
    Letter letter = lock(number);
    requireOpen(letter);
    Optional<CaseDocument> before = caseDocuments.current(SubjectKind.LETTER, number, role);
    CaseDocument added = caseDocuments.add(SubjectKind.LETTER, number, role, stored, user);
    if (LetterTypes.REPLY.equals(role)
        && before.isPresent()
        && !before.get().sha256().equals(added.sha256())
        && (approvals.isApproved(
                SubjectKind.LETTER, number, LetterTypes.REVIEW, before.get().sha256())
            || approvals.isApproved(
                SubjectKind.LETTER, number, LetterTypes.SIGNATURE, before.get().sha256()))) {
      timeline.record(
          SubjectKind.LETTER,
          number,
          "APPROVAL_INVALIDATED",
          user,
          "REPLY v"
              + before.get().version()
              + " was approved; v"
              + added.version()
              + " (sha256:"
              + added.sha256()
              + ") needs a new approval",
          documentId);
    }
    return added;
  }

  /**
   * The office submits its answer: the text, if given, becomes the answer's next version; there
   * must be an answer document.
   */
  @Transactional
  public void submitAnswer(String number, String text, String note, String user) {
    Letter letter = lock(number);
    requireOpen(letter);
    if (text != null && !text.isBlank()) {
      StoredDocument stored =
          documents.store(number + "-risposta.txt", text.strip().getBytes(StandardCharsets.UTF_8));
      caseDocuments.add(SubjectKind.LETTER, number, LetterTypes.REPLY, stored, user);
    }
    CaseDocument answer = requireAnswer(number);
    table.inApproval(number);
    timeline.record(
        SubjectKind.LETTER,
        number,
        "ANSWER_SUBMITTED",
        user,
        "REPLY v" + answer.version() + (note == null || note.isBlank() ? "" : " — " + note.strip()),
        answer.documentId());
  }

  /** Checks that the answer can be submitted. @throws InvalidRequestException naming answerText */
  @Transactional(readOnly = true)
  public void checkAnswerCanBeSubmitted(String number, String text) {
    if ((text == null || text.isBlank())
        && caseDocuments.current(SubjectKind.LETTER, number, LetterTypes.REPLY).isEmpty()) {
      throw new InvalidRequestException(
          "answerText", "write the answer, or upload its document to the letter first");
    }
  }

  /** The office decided the letter needs no answer. */
  @Transactional
  public void noAnswerNeeded(String number, String note, String user) {
    timeline.record(SubjectKind.LETTER, number, "NO_ANSWER_NEEDED", user, blankToNull(note));
  }

  /**
   * Sends the signed answer. Only the exact bytes the head of office and the manager approved
   * leave; sending twice sends once.
   *
   * @return false, with the refusal on the timeline, when the answer's current version lacks a
   *     valid review or signature (it changed after its approval): it needs a new approval
   */
  @Transactional
  public boolean sendAnswer(String number) {
    Letter letter = lock(number);
    if (letter.status() == Status.SENT || letter.status() == Status.ARCHIVED) {
      return true;
    }
    CaseDocument answer = requireAnswer(number);
    for (String step : List.of(LetterTypes.REVIEW, LetterTypes.SIGNATURE)) {
      if (!approvals.isApproved(SubjectKind.LETTER, number, step, answer.sha256())) {
        timeline.record(
            SubjectKind.LETTER,
            number,
            "SENDING_REFUSED",
            "system",
            "REPLY v"
                + answer.version()
                + " (sha256:"
                + answer.sha256()
                + ") has no valid "
                + step
                + " approval",
            answer.documentId());
        return false;
      }
    }
    Instant now = clock.instant();
    String messageId = null;
    String detail;
    if (letter.sendBy() == SendBy.POST) {
      detail = "by post (to print and post, signed version sha256:" + answer.sha256() + ")";
    } else {
      Map<String, String> values =
          Map.of(
              "answer", documents.text(answer.documentId()),
              "number", number,
              "subject", letter.subject(),
              "fileName", answer.fileName(),
              "sha256", answer.sha256());
      String language = templates.defaultLanguage();
      messageId =
          mail.queue(
                  new MailOutbox.Letter(
                      null,
                      letter.sendBy() == SendBy.PEC,
                      letter.recipientAddress(),
                      templates.render(TEXTS, "LETTER.subject", language, values),
                      templates.render(TEXTS, "LETTER.body", language, values),
                      "LETTER",
                      null))
              .orElseThrow(
                  () -> new IllegalStateException("No mailbox can send " + letter.sendBy()));
      detail =
          "by "
              + letter.sendBy()
              + " to "
              + letter.recipientAddress()
              + " (Message-ID "
              + messageId
              + ")";
    }
    table.sent(number, now, messageId);
    timeline.record(SubjectKind.LETTER, number, "SENT", "system", detail, answer.documentId());
    return true;
  }

  @Transactional
  public void archive(String number) {
    Letter letter = lock(number);
    if (letter.status() == Status.ARCHIVED) {
      return;
    }
    table.archived(number, clock.instant());
    timeline.record(SubjectKind.LETTER, number, "ARCHIVED", "system", null);
  }

  @Transactional
  public void remindOffice(String number) {
    Letter letter = get(number);
    timeline.record(
        SubjectKind.LETTER,
        number,
        "REMINDER",
        "system",
        letter.office() + ": answer due " + letter.answerDueAt());
  }

  @Transactional
  public void escalateOverdue(String number) {
    Letter letter = lock(number);
    table.overdue(number);
    timeline.record(
        SubjectKind.LETTER,
        number,
        "ESCALATED",
        "system",
        "answer overdue since " + letter.answerDueAt() + ": head of office of " + letter.office());
  }

  private CaseDocument requireAnswer(String number) {
    return caseDocuments
        .current(SubjectKind.LETTER, number, LetterTypes.REPLY)
        .orElseThrow(() -> new ConflictException(409, number + " has no answer document."));
  }

  private static void requireOpen(Letter letter) {
    if (letter.status() == Status.SENT || letter.status() == Status.ARCHIVED) {
      throw new ConflictException(
          409, letter.protocolNumber() + " is " + letter.status() + "; its documents are final.");
    }
  }

  private Letter lock(String number) {
    table.lock(number);
    return get(number);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
