package it.sportello.channel.phone;

import it.sportello.channel.phone.TelephonyPort.OriginateRequest;
import it.sportello.channel.phone.TelephonyPort.OriginateResult;
import it.sportello.contact.ContactRegistry;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.sla.SlaService;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call-backs from a ticket: started by an operator, each attempt placed through the telephony port
 * (or dialled by hand when no platform is connected) and its outcome recorded by the operator; the
 * {@code callback} process retries until the requester is reached or the attempts run out. Every
 * step is safe to run again (a retried job).
 */
@Service
public class Callbacks {

  private final JdbcClient jdbc;
  private final TicketRepository tickets;
  private final ContactRegistry contacts;
  private final TelephonyPort telephony;
  private final CallbackProcessPort process;
  private final PhoneProperties properties;
  private final SlaService sla;
  private final CallbackSlots slots;
  private final Clock clock;
  private final PhoneTexts texts;

  /**
   * Who started a call-back nobody asked for by name (the answer of a ticket solved by the engine).
   */
  static final String SYSTEM = "sportello";

  private static final java.time.format.DateTimeFormatter APPOINTMENT_FORMAT =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  Callbacks(
      JdbcTemplate jdbcTemplate,
      TicketRepository tickets,
      ContactRegistry contacts,
      TelephonyPort telephony,
      CallbackProcessPort process,
      PhoneProperties properties,
      SlaService sla,
      CallbackSlots slots,
      Clock clock,
      PhoneTexts texts) {
    this.slots = slots;
    this.texts = texts;
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.tickets = tickets;
    this.contacts = contacts;
    this.telephony = telephony;
    this.process = process;
    this.properties = properties;
    this.sla = sla;
    this.clock = clock;
  }

  public record Callback(
      long id,
      String ticketNumber,
      String phoneNumber,
      String requestedBy,
      Instant requestedAt,
      int maxAttempts,
      String status,
      Instant completedAt,
      List<Attempt> attempts,
      Instant appointmentAt,
      String purpose) {}

  public record Attempt(
      int attempt,
      Instant startedAt,
      String dialled,
      String driverRef,
      String outcome,
      String note,
      String recordedBy,
      Instant recordedAt) {}

  /** Where an attempt stands once placed, and the deadline of the operator's task. */
  public record Placed(int attempt, String dialled, Instant dueAt, Instant followUpAt) {}

  /**
   * Starts a call-back of the ticket's requester, at {@code phoneNumber} or else the number the
   * registry knows.
   */
  @Transactional
  public Callback start(String ticketNumber, String phoneNumber, String operator) {
    return start(ticketNumber, phoneNumber, operator, null);
  }

  /**
   * As {@link #start(String, String, String)}, at an agreed time: one of the {@link CallbackSlots}
   * (null: at once).
   */
  @Transactional
  public Callback start(
      String ticketNumber, String phoneNumber, String operator, Instant appointmentAt) {
    Ticket ticket = tickets.getByNumber(ticketNumber);
    if (ticket.isClosed()) {
      throw new ConflictException(409, "Ticket " + ticketNumber + " is closed.");
    }
    slots.check(appointmentAt, "appointmentAt");
    String number = numberToCall(ticket, phoneNumber);
    return open(ticket, number, operator, appointmentAt, "CALL_BACK");
  }

  /**
   * The ticket is answered by phone, as its requester chose: a call-back of the requester's number
   * at the slot they chose (when still to come), assigned to who solved the ticket. Safe to run
   * again (a retried closing job): the ticket's answer call-back is started once.
   */
  @Transactional
  public Callback answer(String ticketNumber, String answeredBy, Instant appointmentAt) {
    Optional<Callback> started =
        ofTicket(ticketNumber).stream().filter(c -> "ANSWER".equals(c.purpose())).findFirst();
    if (started.isPresent()) {
      return started.get();
    }
    Ticket ticket = tickets.getByNumber(ticketNumber);
    return open(
        ticket,
        numberToCall(ticket, null),
        answeredBy,
        slots.toCome(appointmentAt) ? appointmentAt : null,
        "ANSWER");
  }

  private String numberToCall(Ticket ticket, String phoneNumber) {
    String number =
        Optional.ofNullable(PhoneEvents.normalised(phoneNumber))
            .or(
                () ->
                    Optional.ofNullable(
                        PhoneEvents.normalised(contacts.get(ticket.getRequesterId()).getPhone())))
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "phoneNumber", "is required: the requester has no phone number on record"));
    if (!number.matches("\\+?[0-9]{3,20}")) {
      throw new InvalidRequestException("phoneNumber", "is not a phone number");
    }
    return number;
  }

  private Callback open(
      Ticket ticket, String number, String operator, Instant appointmentAt, String purpose) {
    Instant now = clock.instant();
    long id =
        jdbc.sql(
                """
                insert into sportello.phone_callback (ticket_number, phone_number, requested_by, requested_at,
                    max_attempts, status, appointment_at, purpose)
                values (:ticket, :number, :by, :at, :max, 'IN_PROGRESS', :appointment, :purpose) returning id
                """)
            .param("ticket", ticket.getNumber())
            .param("number", number)
            .param("by", operator == null ? SYSTEM : operator)
            .param("at", Timestamp.from(now))
            .param("max", properties.callback().maxAttempts())
            .param("appointment", appointmentAt == null ? null : Timestamp.from(appointmentAt))
            .param("purpose", purpose)
            .query(Long.class)
            .single();
    String appointment =
        appointmentAt == null
            ? null
            : APPOINTMENT_FORMAT.format(appointmentAt.atZone(sla.calendar().zone()));
    ticket.planCallBack(
        operator,
        texts.callbackPlanned(number, "ANSWER".equals(purpose), appointment, ticket.getLanguage()),
        now);
    process.start(
        id, ticket.getNumber(), operator, properties.callback().retryDelay(), appointmentAt);
    return get(id);
  }

  /**
   * Places the next attempt through the telephony port; a retried job finds the attempt it placed
   * already (no outcome yet) and does not call twice.
   */
  @Transactional
  public Placed placeCall(long callbackId) {
    Callback callback = get(callbackId);
    Instant now = clock.instant();
    Instant dueAt = sla.calendar().addWorkingTime(now, properties.callback().dueIn());
    Instant followUpAt = sla.atRiskFrom(properties.callback().dueIn(), dueAt);
    Optional<Attempt> open =
        callback.attempts().stream().filter(a -> a.outcome() == null).findFirst();
    if (open.isPresent()) {
      return new Placed(open.get().attempt(), open.get().dialled(), dueAt, followUpAt);
    }
    int attempt = callback.attempts().size() + 1;
    Ticket ticket = tickets.getByNumber(callback.ticketNumber());
    OriginateResult result =
        telephony.originate(
            new OriginateRequest(
                "callback-" + callbackId + "-" + attempt,
                callback.phoneNumber(),
                callback.requestedBy(),
                ticket.getNumber()));
    jdbc.sql(
            """
            insert into sportello.phone_callback_attempt (callback_id, attempt, started_at, dialled, driver_ref, note)
            values (:id, :attempt, :at, :dialled, :ref, :note)
            """)
        .param("id", callbackId)
        .param("attempt", attempt)
        .param("at", Timestamp.from(now))
        .param("dialled", result.status().name())
        .param("ref", result.platformId())
        .param("note", result.message())
        .update();
    return new Placed(attempt, result.status().name(), dueAt, followUpAt);
  }

  /** Records the outcome of the current attempt; whether another attempt may follow. */
  @Transactional
  public boolean recordOutcome(long callbackId, String outcome, String note, String operator) {
    Callback callback = get(callbackId);
    Attempt current =
        callback.attempts().isEmpty()
            ? null
            : callback.attempts().get(callback.attempts().size() - 1);
    if (current == null) {
      throw new IllegalStateException("Call-back " + callbackId + " has no attempt to record");
    }
    Instant now = clock.instant();
    boolean reached = "REACHED".equals(outcome);
    boolean attemptsLeft = !reached && current.attempt() < callback.maxAttempts();
    if (current.outcome() == null) {
      jdbc.sql(
              """
              update sportello.phone_callback_attempt set outcome = :outcome, note = coalesce(:note, note),
                  recorded_by = :by, recorded_at = :at
              where callback_id = :id and attempt = :attempt
              """)
          .param("outcome", outcome)
          .param("note", note)
          .param("by", operator)
          .param("at", Timestamp.from(now))
          .param("id", callbackId)
          .param("attempt", current.attempt())
          .update();
      Ticket ticket = tickets.getByNumber(callback.ticketNumber());
      String detail =
          texts.callbackAttempt(
              current.attempt(), callback.maxAttempts(), reached, note, ticket.getLanguage());
      if (reached) {
        ticket.callBackAttempted(operator, detail, now);
      } else {
        ticket.callBackFailed(operator, detail, now);
      }
    }
    if (reached || !attemptsLeft) {
      jdbc.sql(
              "update sportello.phone_callback set status = :status, completed_at = :at where id = :id")
          .param("status", reached ? "REACHED" : "NOT_REACHED")
          .param("at", Timestamp.from(now))
          .param("id", callbackId)
          .update();
    }
    return attemptsLeft;
  }

  @Transactional(readOnly = true)
  public Callback get(long id) {
    return jdbc.sql("select * from sportello.phone_callback where id = :id")
        .param("id", id)
        .query((rs, row) -> callback(rs, attempts(id)))
        .optional()
        .orElseThrow(() -> new NotFoundException("No call-back with id " + id));
  }

  /** The ticket's call-backs, newest first. */
  @Transactional(readOnly = true)
  public List<Callback> ofTicket(String ticketNumber) {
    return jdbc.sql(
            "select * from sportello.phone_callback where ticket_number = :ticket order by id desc")
        .param("ticket", ticketNumber)
        .query((rs, row) -> callback(rs, attempts(rs.getLong("id"))))
        .list();
  }

  private List<Attempt> attempts(long callbackId) {
    return jdbc.sql(
            "select * from sportello.phone_callback_attempt where callback_id = :id order by attempt")
        .param("id", callbackId)
        .query(
            (rs, row) ->
                new Attempt(
                    rs.getInt("attempt"),
                    instant(rs.getTimestamp("started_at")),
                    rs.getString("dialled"),
                    rs.getString("driver_ref"),
                    rs.getString("outcome"),
                    rs.getString("note"),
                    rs.getString("recorded_by"),
                    instant(rs.getTimestamp("recorded_at"))))
        .list();
  }

  private static Callback callback(java.sql.ResultSet rs, List<Attempt> attempts)
      throws java.sql.SQLException {
    return new Callback(
        rs.getLong("id"),
        rs.getString("ticket_number"),
        rs.getString("phone_number"),
        rs.getString("requested_by"),
        instant(rs.getTimestamp("requested_at")),
        rs.getInt("max_attempts"),
        rs.getString("status"),
        instant(rs.getTimestamp("completed_at")),
        attempts,
        instant(rs.getTimestamp("appointment_at")),
        rs.getString("purpose"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
