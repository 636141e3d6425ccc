package it.sportello.datasubject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.audit.AuditEntry;
import it.sportello.audit.AuditLog;
import it.sportello.notification.AppNotificationKind;
import it.sportello.notification.InAppNotifications;
import it.sportello.notification.Recipient;
import it.sportello.platform.security.Role;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.sla.ServiceCalendar;
import it.sportello.sla.SlaService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data subject's requests: received by the data protection officer, tracked by the {@code
 * data-subject-request} procedure (deadline one month from receipt on the service calendar), the
 * export or erasure run by its delegates with their progress, the archive downloaded (audited).
 */
@Service
public class DataSubjectRequests {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(DataSubjectRequests.class);

  /** Personal fiscal codes (16 characters) and those of organisations (11 digits). */
  private static final Pattern FISCAL_CODE = Pattern.compile("[A-Z0-9]{16}|[0-9]{11}");

  /** Working days before the legal deadline when the officer is reminded. */
  static final int REMINDER_WORKING_DAYS = 5;

  public enum Kind {
    EXPORT,
    ERASURE
  }

  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    ANSWERED
  }

  /**
   * A request as the officer sees it; {@code outcome} is the export's contents or the erasure's.
   */
  public record Request(
      long id,
      Kind kind,
      String subject,
      State state,
      int progress,
      String step,
      String requestedBy,
      Instant requestedAt,
      Instant dueAt,
      Instant reminderAt,
      Instant finishedAt,
      String answeredBy,
      Instant answeredAt,
      boolean overdue,
      JsonNode outcome,
      String error,
      Long archiveSize) {}

  /** The export's archive: a file (since V44), or the bytes of an older export kept in a row. */
  public record Archive(String fileName, long size, java.nio.file.Path file, byte[] zip) {

    /** The archive's bytes as a stream, opened by the caller (who closes it). */
    public java.io.InputStream open() throws java.io.IOException {
      return file != null
          ? java.nio.file.Files.newInputStream(file)
          : new java.io.ByteArrayInputStream(zip);
    }
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final PersonalData personalData;
  private final AccessExport export;
  private final Erasure erasure;
  private final DataSubjectRequestPort process;
  private final AuditLog audit;
  private final InAppNotifications notifications;
  private final SlaService sla;
  private final ObjectMapper json;
  private final Clock clock;
  private final TransactionTemplate own;
  private final TransactionTemplate readOnly;
  private final java.nio.file.Path exports;
  private final java.util.concurrent.ExecutorService residualScans =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "erasure-residual-scan");
            thread.setDaemon(true);
            return thread;
          });

  DataSubjectRequests(
      NamedParameterJdbcTemplate jdbc,
      PersonalData personalData,
      AccessExport export,
      Erasure erasure,
      DataSubjectRequestPort process,
      AuditLog audit,
      InAppNotifications notifications,
      SlaService sla,
      ObjectMapper json,
      Clock clock,
      PlatformTransactionManager transactions,
      @org.springframework.beans.factory.annotation.Value(
              "${sportello.data-subjects.export-directory:./data/access-exports}")
          String exportDirectory) {
    this.exports = java.nio.file.Path.of(exportDirectory).toAbsolutePath();
    this.jdbc = jdbc;
    this.personalData = personalData;
    this.export = export;
    this.erasure = erasure;
    this.process = process;
    this.audit = audit;
    this.notifications = notifications;
    this.sla = sla;
    this.json = json;
    this.clock = clock;
    this.own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.readOnly = new TransactionTemplate(transactions);
    readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    readOnly.setReadOnly(true);
  }

  @jakarta.annotation.PreDestroy
  void stopScans() {
    residualScans.shutdownNow();
  }

  /**
   * The contacts found by fiscal code, e-mail or phone (at least one must be given). A writing
   * transaction although it only reads: the search's audit row joins it (a read-only transaction
   * made the audit trail take a second connection while this one held the first, issue 26).
   */
  @Transactional
  public List<PersonalData.Match> find(
      String fiscalCode, String email, String phone, String actor) {
    if (isBlank(fiscalCode) && isBlank(email) && isBlank(phone)) {
      throw new InvalidRequestException(
          "fiscalCode", "give a fiscal code, an e-mail address or a phone number");
    }
    List<PersonalData.Match> matches = personalData.find(fiscalCode, email, phone);
    audit.record(
        AuditEntry.change(
            actor,
            "SEARCH",
            "data-subject",
            null,
            matches.size() == 1 && matches.get(0).fiscalCode() != null
                ? matches.get(0).fiscalCode()
                : null));
    return matches;
  }

  /** Receives a request and starts its procedure; the work runs in the background. */
  @Transactional
  public Request receive(Kind kind, String fiscalCode, String actor) {
    String code = PersonalData.normalise(fiscalCode);
    if (code == null || !FISCAL_CODE.matcher(code).matches()) {
      throw new InvalidRequestException(
          "fiscalCode", "a fiscal code of 16 letters and digits, or 11 digits");
    }
    Person person = personalData.person(code);
    if (person.contactIds().isEmpty()) {
      throw new NotFoundException("No contact has the fiscal code " + code);
    }
    Instant now = clock.instant();
    Instant dueAt = legalDeadline(now);
    Instant reminderAt = reminder(dueAt, now);
    Long id =
        jdbc.queryForObject(
            "insert into sportello.data_subject_request (kind, subject, state, progress,"
                + " requested_by, requested_at, due_at, reminder_at)"
                + " values (:kind, :subject, 'QUEUED', 0, :actor, :now, :due, :reminder)"
                + " returning id",
            new MapSqlParameterSource()
                .addValue("kind", kind.name())
                .addValue("subject", code)
                .addValue("actor", actor)
                .addValue("now", Timestamp.from(now))
                .addValue("due", Timestamp.from(dueAt))
                .addValue("reminder", Timestamp.from(reminderAt)),
            Long.class);
    process.start(id, kind.name(), dueAt, reminderAt);
    audit.record(
        AuditEntry.change(
            actor, "REQUEST_" + kind.name(), "data-subject-request", String.valueOf(id), code));
    return get(id);
  }

  /**
   * One month from the day of receipt on the service calendar (GDPR art. 12(3)); a deadline on a
   * day the service is closed moves to the next working day. The end of that day.
   */
  Instant legalDeadline(Instant received) {
    ServiceCalendar calendar = sla.calendar();
    LocalDate day = received.atZone(calendar.zone()).toLocalDate().plusMonths(1);
    while (calendar.isClosedDay(day)) {
      day = day.plusDays(1);
    }
    return endOf(day, calendar);
  }

  /** {@value #REMINDER_WORKING_DAYS} working days before the deadline, not before now. */
  Instant reminder(Instant dueAt, Instant now) {
    ServiceCalendar calendar = sla.calendar();
    LocalDate day = dueAt.atZone(calendar.zone()).toLocalDate();
    int left = REMINDER_WORKING_DAYS;
    while (left > 0) {
      day = day.minusDays(1);
      if (!calendar.isClosedDay(day)) {
        left--;
      }
    }
    Instant at = endOf(day, calendar);
    return at.isBefore(now) ? now : at;
  }

  private static Instant endOf(LocalDate day, ServiceCalendar calendar) {
    return day.plusDays(1).atStartOfDay(calendar.zone()).toInstant().minusSeconds(1);
  }

  @Transactional(readOnly = true)
  public Request get(long id) {
    return jdbc
        .query(SELECT + " where r.id = :id", Map.of("id", id), (rs, i) -> request(rs))
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No data subject request " + id));
  }

  /** The latest requests, newest first. */
  @Transactional(readOnly = true)
  public List<Request> latest(int limit) {
    return jdbc.query(
        SELECT + " order by r.requested_at desc, r.id desc limit :limit",
        Map.of("limit", limit),
        (rs, i) -> request(rs));
  }

  /** The export's archive; its download is recorded in the audit trail. */
  @Transactional
  public Archive archive(long id, String actor) {
    Request request = get(id);
    List<Archive> found =
        jdbc.query(
            "select file_name, size_bytes, archive from sportello.data_subject_export"
                + " where request_id = :id",
            Map.of("id", id),
            (rs, n) -> {
              String file = rs.getString("file_name");
              return new Archive(
                  "data-subject-" + id + ".zip",
                  rs.getLong("size_bytes"),
                  file == null ? null : exports.resolve(file),
                  file == null ? rs.getBytes("archive") : null);
            });
    if (request.kind() != Kind.EXPORT
        || found.isEmpty()
        || (found.get(0).file() != null && !java.nio.file.Files.isReadable(found.get(0).file()))) {
      throw new NotFoundException("Request " + id + " has no archive (yet, or any more)");
    }
    audit.record(
        AuditEntry.change(
            actor, "EXPORT", "data-subject-export", String.valueOf(id), request.subject()));
    return found.get(0);
  }

  /** The officer answered the person: completes the procedure's task. */
  @Transactional
  public Request answer(long id, String actor) {
    Request request = get(id);
    if (request.state() != State.DONE || !process.answer(id, actor)) {
      throw new it.sportello.shared.ConflictException(
          409,
          "Request "
              + id
              + " is "
              + request.state()
              + ": it can be answered once its export or erasure is done");
    }
    return get(id);
  }

  // ---- the procedure's steps (called by its delegates) ----

  /** Produces the access export, with its progress visible while it runs. */
  public void produceExport(long id) {
    Request request = get(id);
    try {
      progress(id, State.RUNNING, 1, "collecting");
      String fileName = "data-subject-" + id + ".zip";
      AccessExport.Archive archive =
          export.produce(
              id,
              personalData.person(request.subject()),
              clock.instant(),
              exports.resolve(fileName),
              percent -> progress(id, State.RUNNING, Math.min(percent, 99), "collecting"));
      jdbc.update(
          "insert into sportello.data_subject_export (request_id, archive, file_name, size_bytes,"
              + " sha256, created_at) values (:id, null, :file, :size, :sha, :now)"
              + " on conflict (request_id) do update set archive = null,"
              + " file_name = excluded.file_name, size_bytes = excluded.size_bytes,"
              + " sha256 = excluded.sha256, created_at = excluded.created_at",
          new MapSqlParameterSource()
              .addValue("id", id)
              .addValue("file", fileName)
              .addValue("size", archive.size())
              .addValue("sha", archive.sha256())
              .addValue("now", Timestamp.from(clock.instant())));
      finish(id, Map.of("contents", archive.contents()));
    } catch (RuntimeException e) {
      failed(id, e);
      throw e;
    }
  }

  /**
   * Erases what may be erased about the person, in the caller's transaction (the procedure's job).
   * The request stays RUNNING ("checking") with the erased and kept items; once that transaction
   * has committed, the residual scan (every text column of our tables and the engine's, one table
   * per short read-only transaction) runs on its own thread, outside the job and its lock, and then
   * completes the outcome and marks the request DONE: the officer answers only then. A scan that
   * fails still completes the request, saying so in the outcome ({@code residualError}).
   */
  public void erase(long id) {
    Request request = get(id);
    try {
      progress(id, State.RUNNING, 10, "erasing");
      String subject = request.subject();
      if (subject.startsWith("sha256:")) {
        // already erased by an earlier request: nothing named remains to look for
        finish(id, Map.of("erased", List.of(), "kept", List.of(), "residual", List.of()));
        return;
      }
      Person person = personalData.person(subject);
      Erasure.Outcome outcome = erasure.erase(person);
      checking(id, outcome);
      // the person's access exports go with the erasure: their rows now, their files after commit
      List<String> exportFiles =
          jdbc.queryForList(
              "select x.file_name from sportello.data_subject_export x"
                  + " join sportello.data_subject_request r on r.id = x.request_id"
                  + " where r.subject = :code and x.file_name is not null",
              Map.of("code", subject),
              String.class);
      erasure.pseudonymiseRequests(subject);
      audit.record(
          AuditEntry.change(
              "system",
              "ERASE",
              "data-subject-request",
              String.valueOf(id),
              Erasure.hash(subject)));
      afterCommit(
          () -> {
            exportFiles.forEach(this::deleteExportFile);
            residualScans.execute(() -> scanResidual(id, person, outcome));
          });
    } catch (RuntimeException e) {
      failed(id, e);
      throw e;
    }
  }

  private static void afterCommit(Runnable task) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      task.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            task.run();
          }
        });
  }

  /** Deletes an access export's file (its row is gone); a file already missing is fine. */
  public void deleteExportFile(String fileName) {
    try {
      java.nio.file.Files.deleteIfExists(exports.resolve(fileName));
    } catch (java.io.IOException e) {
      log.warn("Could not delete the access export {}: {}", fileName, e.getMessage());
    }
  }

  /** The erasure's outcome so far, while the residual scan has still to run. */
  private void checking(long id, Erasure.Outcome outcome) {
    try {
      jdbc.update(
          "update sportello.data_subject_request set state = 'RUNNING', progress = 90,"
              + " step = 'checking', outcome = cast(:outcome as jsonb), error = null"
              + " where id = :id",
          new MapSqlParameterSource()
              .addValue("id", id)
              .addValue(
                  "outcome",
                  json.writeValueAsString(
                      Map.of("erased", outcome.erased(), "kept", outcome.kept()))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** After the erasure's commit: where the identifiers still occur; then the request is DONE. */
  void scanResidual(long id, Person person, Erasure.Outcome outcome) {
    Object complete;
    try {
      complete =
          new Erasure.Outcome(outcome.erased(), outcome.kept(), erasure.residual(person, readOnly));
    } catch (RuntimeException e) {
      log.error("Residual scan of data subject request {} failed", id, e);
      complete =
          Map.of(
              "erased",
              outcome.erased(),
              "kept",
              outcome.kept(),
              "residual",
              List.of(),
              "residualError",
              String.valueOf(e.getMessage()));
    }
    Object done = complete;
    own.executeWithoutResult(status -> finish(id, done));
  }

  public void remind(long id) {
    Request request = get(id);
    notifyOfficers(id, request, AppNotificationKind.DATA_SUBJECT_REQUEST_DUE_SOON, "due-soon");
  }

  public void reportOverdue(long id) {
    Request request = get(id);
    jdbc.update(
        "update sportello.data_subject_request set overdue = true where id = :id",
        Map.of("id", id));
    notifyOfficers(id, request, AppNotificationKind.DATA_SUBJECT_REQUEST_OVERDUE, "overdue");
  }

  public void close(long id, String answeredBy) {
    jdbc.update(
        "update sportello.data_subject_request set state = 'ANSWERED', answered_by = :by,"
            + " answered_at = :now where id = :id",
        new MapSqlParameterSource()
            .addValue("id", id)
            .addValue("by", answeredBy)
            .addValue("now", Timestamp.from(clock.instant())));
  }

  private void notifyOfficers(long id, Request request, AppNotificationKind kind, String what) {
    notifications.publish(
        "data-subject-request:" + id + ":" + what,
        kind,
        "",
        Map.of("request", String.valueOf(id), "dueAt", request.dueAt().toString()),
        List.of(Recipient.group(Role.DPO.groupId())));
  }

  private void progress(long id, State state, int percent, String step) {
    own.executeWithoutResult(
        status ->
            jdbc.update(
                "update sportello.data_subject_request set state = :state, progress = :progress,"
                    + " step = :step, error = null where id = :id",
                new MapSqlParameterSource()
                    .addValue("id", id)
                    .addValue("state", state.name())
                    .addValue("progress", percent)
                    .addValue("step", step)));
  }

  private void finish(long id, Object outcome) {
    try {
      jdbc.update(
          "update sportello.data_subject_request set state = 'DONE', progress = 100,"
              + " step = null, finished_at = :now, outcome = cast(:outcome as jsonb),"
              + " error = null where id = :id",
          new MapSqlParameterSource()
              .addValue("id", id)
              .addValue("now", Timestamp.from(clock.instant()))
              .addValue("outcome", json.writeValueAsString(outcome)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void failed(long id, RuntimeException e) {
    own.executeWithoutResult(
        status ->
            jdbc.update(
                "update sportello.data_subject_request set state = 'FAILED', error = :error"
                    + " where id = :id",
                new MapSqlParameterSource()
                    .addValue("id", id)
                    .addValue("error", String.valueOf(e.getMessage()))));
  }

  private static final String SELECT =
      "select r.*, cast(r.outcome as text) as outcome_text,"
          + " (select size_bytes from sportello.data_subject_export x where x.request_id = r.id)"
          + " as archive_size from sportello.data_subject_request r";

  private Request request(ResultSet rs) throws SQLException {
    JsonNode outcome;
    try {
      String text = rs.getString("outcome_text");
      outcome = text == null ? null : json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new Request(
        rs.getLong("id"),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("subject"),
        State.valueOf(rs.getString("state")),
        rs.getInt("progress"),
        rs.getString("step"),
        rs.getString("requested_by"),
        instant(rs, "requested_at"),
        instant(rs, "due_at"),
        instant(rs, "reminder_at"),
        instant(rs, "finished_at"),
        rs.getString("answered_by"),
        instant(rs, "answered_at"),
        rs.getBoolean("overdue"),
        outcome,
        rs.getString("error"),
        (Long) rs.getObject("archive_size"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
