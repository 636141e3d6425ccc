package it.sportello.citizen;

import it.sportello.notice.Notice;
import it.sportello.notice.Notices;
import it.sportello.notification.CitizenMessagePort;
import it.sportello.notification.Notification.RecipientKind;
import it.sportello.notification.NotificationRequest;
import it.sportello.notification.Notifications;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.sla.ServiceCalendar;
import it.sportello.sla.SlaService;
import it.sportello.ticket.application.CallbackAppointments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The citizens' reminders: a logged-in citizen subscribes to reminders of the answers due from them
 * (a request waiting for their data: some working days before the procedure closes it for no reply)
 * and of the deadline of a notice they chose. A run queues the reminders due now, by e-mail in the
 * language chosen when subscribing, and on every citizen channel of the {@link CitizenMessagePort}
 * that is enabled (App IO by fiscal code, SMS to the contact's phone); only while the service
 * calendar is open; each reminder once: the row (subscription, occurrence) in {@code reminder_sent}
 * is written first, so a second run, on this node or another, at the same time or later, finds it
 * and queues nothing.
 *
 * <p>Appointments: the time agreed for a call-back (the slot the citizen chose on the request form
 * when they asked to be answered by phone, or the one an operator set), reminded some working days
 * before it in the service calendar's zone, once per call-back and time.
 *
 * <p>Nothing goes to an address that is not verified: the e-mail of the digital identity (its
 * claim) counts as verified; an address the citizen typed gets a confirmation link with an
 * unguessable token first (only its hash is stored), and confirming it verifies every subscription
 * of the citizen to that address.
 */
@Service
public class Reminders {

  public static final String ANSWER_DUE_TEMPLATE = "REMINDER_ANSWER_DUE";
  public static final String NOTICE_DEADLINE_TEMPLATE = "REMINDER_NOTICE_DEADLINE";
  public static final String APPOINTMENT_TEMPLATE = "REMINDER_APPOINTMENT";
  public static final String CONFIRM_EMAIL_TEMPLATE = "REMINDER_CONFIRM_EMAIL";

  private static final int TOKEN_BYTES = 32;
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private static final Logger log = LoggerFactory.getLogger(Reminders.class);
  private static final Set<String> LANGUAGES = Set.of("it", "en", "de", "fr");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  public enum Kind {
    ANSWER_DUE,
    NOTICE_DEADLINE,
    /** Call-back appointments of the citizen's requests. */
    APPOINTMENT
  }

  /** A subscription of the citizen: to answers due, or to one notice's deadline. */
  public record Subscription(
      long id,
      Kind kind,
      Long noticeId,
      String email,
      String language,
      Instant createdAt,
      @io.swagger.v3.oas.annotations.media.Schema(
              description =
                  "Whether the address is verified: nothing is sent before (a confirmation link"
                      + " went to an address the citizen typed)")
          boolean emailVerified) {}

  private final JdbcClient jdbc;
  private final SlaService sla;
  private final Notices notices;
  private final Notifications notifications;
  private final List<CitizenMessagePort> ports;
  private final RemindersProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final CallbackAppointments callbacks;

  Reminders(
      JdbcClient jdbc,
      SlaService sla,
      Notices notices,
      CallbackAppointments callbacks,
      Notifications notifications,
      List<CitizenMessagePort> ports,
      RemindersProperties properties,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.sla = sla;
    this.notices = notices;
    this.callbacks = callbacks;
    this.notifications = notifications;
    this.ports = ports;
    this.properties = properties;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  // --- subscriptions --------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<Subscription> subscriptions(String fiscalCode) {
    return jdbc.sql(
            "select id, kind, notice_id, email, language, created_at, email_verified_at"
                + " from sportello.reminder_subscription where fiscal_code = :fiscalCode"
                + " order by id")
        .param("fiscalCode", fiscalCode)
        .query(
            (rs, n) ->
                new Subscription(
                    rs.getLong("id"),
                    Kind.valueOf(rs.getString("kind")),
                    rs.getObject("notice_id", Long.class),
                    rs.getString("email"),
                    rs.getString("language"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("email_verified_at") != null))
        .list();
  }

  /**
   * Subscribes (or changes the e-mail and language of) the citizen's reminder of this kind; a
   * notice's deadline needs a current notice with a deadline.
   */
  @Transactional
  public Subscription subscribe(
      Citizen citizen, Kind kind, Long noticeId, String email, String language) {
    String address = email == null || email.isBlank() ? citizen.email() : email.strip();
    List<FieldViolation> violations = new ArrayList<>();
    if (address == null || address.length() > 320 || !EMAIL.matcher(address).matches()) {
      violations.add(new FieldViolation("email", "an e-mail address is required"));
    }
    String lang = language == null ? "it" : language;
    if (!LANGUAGES.contains(lang)) {
      violations.add(new FieldViolation("language", "must be it, en, de or fr"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    if (kind == Kind.NOTICE_DEADLINE
        && notices.deadlineOf(noticeId).filter(d -> !d.isBefore(today())).isEmpty()) {
      throw new NotFoundException("No current notice " + noticeId + " with a deadline to come");
    }
    String conflict =
        kind == Kind.NOTICE_DEADLINE
            ? "(fiscal_code, notice_id) where kind = 'NOTICE_DEADLINE'"
            : "(fiscal_code) where kind = '" + kind.name() + "'";
    Instant now = clock.instant();
    // verified: the identity's own address, or one this citizen already confirmed
    boolean verified =
        (citizen.email() != null && address.equalsIgnoreCase(citizen.email()))
            || jdbc.sql(
                        "select count(*) from sportello.reminder_subscription where fiscal_code ="
                            + " :fiscalCode and lower(email) = lower(:email) and email_verified_at is"
                            + " not null")
                    .param("fiscalCode", citizen.fiscalCode())
                    .param("email", address)
                    .query(Long.class)
                    .single()
                > 0;
    jdbc.sql(
            "insert into sportello.reminder_subscription"
                + " (fiscal_code, kind, notice_id, email, language, created_at, email_verified_at)"
                + " values (:fiscalCode, :kind, :noticeId, :email, :language, :now, :verifiedAt)"
                + " on conflict "
                + conflict
                + " do update set email = excluded.email, language = excluded.language,"
                + " email_verified_at = excluded.email_verified_at,"
                + " verification_token_hash = null")
        .param("fiscalCode", citizen.fiscalCode())
        .param("kind", kind.name())
        .param("noticeId", kind == Kind.NOTICE_DEADLINE ? noticeId : null)
        .param("email", address)
        .param("language", lang)
        .param("now", Timestamp.from(now))
        .param("verifiedAt", verified ? Timestamp.from(now) : null)
        .update();
    Subscription subscription =
        subscriptions(citizen.fiscalCode()).stream()
            .filter(
                s ->
                    s.kind() == kind
                        && (kind != Kind.NOTICE_DEADLINE || s.noticeId().equals(noticeId)))
            .findFirst()
            .orElseThrow();
    if (!verified) {
      askToConfirm(subscription);
    }
    return subscription;
  }

  /**
   * Sends the confirmation link of a typed address: a new unguessable token (its hash stored on the
   * subscription) by e-mail, in the subscription's language.
   */
  private void askToConfirm(Subscription subscription) {
    byte[] secret = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(secret);
    String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String hash = hash(token);
    jdbc.sql(
            "update sportello.reminder_subscription set verification_token_hash = :hash,"
                + " verification_sent_at = :now where id = :id")
        .param("hash", hash)
        .param("now", Timestamp.from(clock.instant()))
        .param("id", subscription.id())
        .update();
    String base = properties.confirmationUrl();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("email", subscription.email());
    values.put(
        "link",
        base
            + (base.contains("?") ? "&" : "?")
            + "confirmEmail="
            + token
            + ("it".equals(subscription.language()) ? "" : "&lang=" + subscription.language()));
    notifications.queue(
        new NotificationRequest(
            "reminder-confirm:" + subscription.id() + ":" + hash.substring(0, 16),
            null,
            RecipientKind.REQUESTER,
            subscription.email(),
            "EMAIL",
            CONFIRM_EMAIL_TEMPLATE,
            subscription.language(),
            values));
  }

  /**
   * Confirms a typed address with the token of its link: every subscription of this citizen to the
   * address is verified.
   *
   * @throws NotFoundException when the token is not one of this citizen's (wrong, used or guessed)
   */
  @Transactional
  public String confirm(Citizen citizen, String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      throw new NotFoundException("No address waits for this confirmation");
    }
    String email =
        jdbc.sql(
                "select email from sportello.reminder_subscription where fiscal_code = :fiscalCode"
                    + " and verification_token_hash = :hash")
            .param("fiscalCode", citizen.fiscalCode())
            .param("hash", hash(token.strip()))
            .query(String.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("No address waits for this confirmation"));
    jdbc.sql(
            "update sportello.reminder_subscription set email_verified_at = :now,"
                + " verification_token_hash = null"
                + " where fiscal_code = :fiscalCode and lower(email) = lower(:email)")
        .param("now", Timestamp.from(clock.instant()))
        .param("fiscalCode", citizen.fiscalCode())
        .param("email", email)
        .update();
    return email;
  }

  private static String hash(String token) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ends the subscription; nothing more is sent for it. @return whether there was one */
  @Transactional
  public boolean unsubscribe(String fiscalCode, Kind kind, Long noticeId) {
    if (kind != Kind.NOTICE_DEADLINE) {
      return jdbc.sql(
                  "delete from sportello.reminder_subscription where fiscal_code = :fiscalCode"
                      + " and kind = :kind")
              .param("fiscalCode", fiscalCode)
              .param("kind", kind.name())
              .update()
          > 0;
    }
    return jdbc.sql(
                "delete from sportello.reminder_subscription where fiscal_code = :fiscalCode"
                    + " and kind = 'NOTICE_DEADLINE' and notice_id = :noticeId")
            .param("fiscalCode", fiscalCode)
            .param("noticeId", noticeId)
            .update()
        > 0;
  }

  // --- the run --------------------------------------------------------------------------------

  /**
   * Queues the reminders due now and not yet sent; nothing while the service calendar is closed.
   *
   * @return how many reminders this run queued
   */
  public int run() {
    Instant now = clock.instant();
    if (!sla.calendar().isOpen(now)) {
      return 0;
    }
    List<Due> due = new ArrayList<>(answersDue());
    due.addAll(noticesDue(now));
    due.addAll(appointmentsDue(now));
    int sent = 0;
    for (Due reminder : due) {
      if (!now.isBefore(reminder.from()) && now.isBefore(reminder.until()) && send(reminder)) {
        sent++;
      }
    }
    if (sent > 0) {
      log.info("Reminders queued: {}", sent);
    }
    return sent;
  }

  /**
   * The first opening of the working day {@code days} working days before the one of {@code at} (0:
   * that day's first opening, or {@code at} itself when that day is closed).
   */
  static Instant workingDaysBefore(ServiceCalendar calendar, Instant at, int days) {
    LocalDate day = at.atZone(calendar.zone()).toLocalDate();
    int left = days;
    while (left > 0) {
      day = day.minusDays(1);
      if (!calendar.isClosedDay(day)) {
        left--;
      }
    }
    Instant dayStart = day.atStartOfDay(calendar.zone()).toInstant();
    Instant opening = calendar.nextOpening(dayStart);
    return opening.isAfter(at) ? dayStart : opening;
  }

  /** Writes the occurrence, then queues the messages: nothing when it was written before. */
  private boolean send(Due due) {
    Subscriber to = due.to();
    long subscriptionId = to.subscriptionId();
    String occurrence = due.occurrence();
    Long ticketId = due.ticketId();
    String template = due.template();
    String language = to.language();
    Map<String, String> values = due.values();
    Boolean done =
        transactions.execute(
            status -> {
              int claimed =
                  jdbc.sql(
                          "insert into sportello.reminder_sent (subscription_id, occurrence, sent_at)"
                              + " values (:id, :occurrence, :now)"
                              + " on conflict (subscription_id, occurrence) do nothing")
                      .param("id", subscriptionId)
                      .param("occurrence", occurrence)
                      .param("now", Timestamp.from(clock.instant()))
                      .update();
              if (claimed == 0) {
                return false;
              }
              String key = "reminder:" + subscriptionId + ":" + occurrence;
              long notificationId =
                  notifications
                      .queue(
                          new NotificationRequest(
                              key,
                              ticketId,
                              RecipientKind.REQUESTER,
                              to.email(),
                              "EMAIL",
                              template,
                              language,
                              values))
                      .getId();
              jdbc.sql(
                      "update sportello.reminder_sent set notification_id = :notification"
                          + " where subscription_id = :id and occurrence = :occurrence")
                  .param("notification", notificationId)
                  .param("id", subscriptionId)
                  .param("occurrence", occurrence)
                  .update();
              for (CitizenMessagePort port : ports) {
                if (!port.enabled()) {
                  continue;
                }
                String recipient = "SMS".equals(port.channel()) ? to.phone() : to.fiscalCode();
                if (recipient == null || recipient.isBlank()) {
                  continue;
                }
                notifications.queue(
                    new NotificationRequest(
                        key + ":" + port.channel(),
                        ticketId,
                        RecipientKind.REQUESTER,
                        recipient,
                        port.channel(),
                        template,
                        language,
                        values));
              }
              return true;
            });
    return Boolean.TRUE.equals(done);
  }

  /** Whom a subscription reminds, and in which language. */
  private record Subscriber(
      long subscriptionId, String fiscalCode, String email, String phone, String language) {

    static Subscriber of(ResultSet rs) throws SQLException {
      return new Subscriber(
          rs.getLong("id"),
          rs.getString("fiscal_code"),
          rs.getString("email"),
          rs.getString("phone"),
          rs.getString("language"));
    }
  }

  /**
   * One reminder of one subscription: sent once ({@code occurrence}) between {@code from} and
   * {@code until}, with {@code template}'s texts filled in with {@code values}.
   */
  private record Due(
      Subscriber to,
      String occurrence,
      Long ticketId,
      String template,
      Instant from,
      Instant until,
      Map<String, String> values) {}

  /** An answer the requester owes on a ticket waiting for them, before its reply window closes. */
  private List<Due> answersDue() {
    ServiceCalendar calendar = sla.calendar();
    return jdbc.sql(
            """
            select s.id, s.fiscal_code, s.email, c.phone, s.language,
                   t.id as ticket_id, t.number, t.subject, t.sla_paused_at
            from sportello.reminder_subscription s
            join sportello.contact c on c.fiscal_code = s.fiscal_code
            join sportello.ticket t on t.requester_id = c.id
            where s.kind = 'ANSWER_DUE' and t.status = 'WAITING_FOR_REQUESTER'
              and t.sla_paused_at is not null and s.email_verified_at is not null
            order by s.id, t.id""")
        .query(
            (rs, n) -> {
              Subscriber to = Subscriber.of(rs);
              Instant askedAt = rs.getTimestamp("sla_paused_at").toInstant();
              Instant closeAt = sla.replyWindow(askedAt).closeAt();
              Map<String, String> values = new LinkedHashMap<>();
              values.put("number", rs.getString("number"));
              values.put("subject", rs.getString("subject"));
              values.put("deadline", dateTime(closeAt, to.language()));
              values.put("dueAt", closeAt.toString());
              return new Due(
                  to,
                  "answer:" + rs.getString("number") + ":" + askedAt.getEpochSecond(),
                  rs.getLong("ticket_id"),
                  ANSWER_DUE_TEMPLATE,
                  workingDaysBefore(calendar, closeAt, properties.answerDueWorkingDaysBefore()),
                  closeAt,
                  values);
            })
        .list();
  }

  /** The deadline of a published notice, until the end of its day while the notice is current. */
  private List<Due> noticesDue(Instant now) {
    ServiceCalendar calendar = sla.calendar();
    List<Due> due = new ArrayList<>();
    jdbc.sql(
            """
            select s.id, s.fiscal_code, s.email, c.phone, s.language, n.id as notice_id, n.deadline
            from sportello.reminder_subscription s
            join sportello.notice n on n.id = s.notice_id
            left join sportello.contact c on c.fiscal_code = s.fiscal_code
            where s.kind = 'NOTICE_DEADLINE' and n.status = 'PUBLISHED' and s.email_verified_at is not null
              and n.deadline is not null and n.deadline >= :today
            order by s.id""")
        .param("today", today())
        .query(
            rs -> {
              Subscriber to = Subscriber.of(rs);
              long noticeId = rs.getLong("notice_id");
              LocalDate deadline = rs.getDate("deadline").toLocalDate();
              Notice notice = notices.find(noticeId).orElse(null);
              if (notice == null || !notice.currentAt(now)) {
                return;
              }
              Instant deadlineStart = deadline.atStartOfDay(calendar.zone()).toInstant();
              Map<String, String> values = new LinkedHashMap<>();
              values.put("title", Notice.in(notice.title(), to.language()));
              values.put("text", Notice.in(notice.body(), to.language()));
              values.put("deadline", date(deadline, to.language()));
              values.put(
                  "dueAt", deadline.atTime(23, 59).atZone(calendar.zone()).toInstant().toString());
              due.add(
                  new Due(
                      to,
                      "notice:" + noticeId + ":" + deadline,
                      null,
                      NOTICE_DEADLINE_TEMPLATE,
                      workingDaysBefore(
                          calendar, deadlineStart, properties.noticeDeadlineWorkingDaysBefore()),
                      Instant.MAX,
                      values));
            });
    return due;
  }

  /**
   * The call-back appointments still to come of the requests of subscribed citizens (kept by the
   * phone channel, read through {@link CallbackAppointments}).
   */
  private List<Due> appointmentsDue(Instant now) {
    record Request(Subscriber to, long ticketId, String number, String subject) {}
    List<Request> requests =
        jdbc.sql(
                """
                select s.id, s.fiscal_code, s.email, c.phone, s.language,
                       t.id as ticket_id, t.number, t.subject
                from sportello.reminder_subscription s
                join sportello.contact c on c.fiscal_code = s.fiscal_code
                join sportello.ticket t on t.requester_id = c.id
                where s.kind = 'APPOINTMENT' and s.email_verified_at is not null
                order by s.id, t.id""")
            .query(
                (rs, n) ->
                    new Request(
                        Subscriber.of(rs),
                        rs.getLong("ticket_id"),
                        rs.getString("number"),
                        rs.getString("subject")))
            .list();
    if (requests.isEmpty()) {
      return List.of();
    }
    Map<String, List<CallbackAppointments.Appointment>> appointments =
        callbacks.of(requests.stream().map(Request::number).distinct().toList(), now).stream()
            .filter(appointment -> appointment.state() == CallbackAppointments.State.PLANNED)
            .collect(Collectors.groupingBy(CallbackAppointments.Appointment::ticketNumber));
    ServiceCalendar calendar = sla.calendar();
    List<Due> due = new ArrayList<>();
    for (Request request : requests) {
      for (CallbackAppointments.Appointment appointment :
          appointments.getOrDefault(request.number(), List.of())) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("number", request.number());
        values.put("subject", request.subject());
        values.put("appointment", dateTime(appointment.at(), request.to().language()));
        values.put("dueAt", appointment.at().toString());
        due.add(
            new Due(
                request.to(),
                "appointment:" + appointment.id() + ":" + appointment.at().getEpochSecond(),
                request.ticketId(),
                APPOINTMENT_TEMPLATE,
                workingDaysBefore(
                    calendar, appointment.at(), properties.appointmentWorkingDaysBefore()),
                appointment.at(),
                values));
      }
    }
    return due;
  }

  private LocalDate today() {
    return clock.instant().atZone(sla.calendar().zone()).toLocalDate();
  }

  private String date(LocalDate date, String language) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(Locale.forLanguageTag(language))
        .format(date);
  }

  private String dateTime(Instant at, String language) {
    ZonedDateTime local = at.atZone(sla.calendar().zone());
    return date(local.toLocalDate(), language)
        + " "
        + DateTimeFormatter.ofPattern("HH:mm").format(local);
  }
}
