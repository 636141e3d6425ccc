package it.sportello.channel.phone;

import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.contact.Interaction;
import it.sportello.contact.InteractionLog;
import it.sportello.contact.RequesterData;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.ticket.application.ReportedTimes;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbound side of the telephony port: every driver hands its events here. Each event id is
 * processed once (a repeated id changes nothing); the call's figures, the interaction on the
 * caller's history, the screen pop, voicemail tickets and recordings follow from the events, in one
 * transaction per event.
 */
@Service
public class PhoneEvents {

  /** The actor of what the telephony platform does in Sportello. */
  public static final String TELEPHONY = "telephony";

  /** What became of an event. */
  public enum Acceptance {
    PROCESSED,
    /** Seen before with the same content: nothing done. */
    DUPLICATE,
    /** Seen before with a different content: refused. */
    CONFLICT
  }

  private final PhoneCallRepository calls;
  private final PhoneTables tables;
  private final ContactRegistry contacts;
  private final InteractionLog interactions;
  private final TicketRepository tickets;
  private final ScreenPops pops;
  private final Voicemails voicemails;
  private final AgentStates agents;
  private final ReportedTimes reportedTimes;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final PhoneTexts texts;

  PhoneEvents(
      PhoneCallRepository calls,
      PhoneTables tables,
      ContactRegistry contacts,
      InteractionLog interactions,
      TicketRepository tickets,
      ScreenPops pops,
      Voicemails voicemails,
      AgentStates agents,
      ReportedTimes reportedTimes,
      PlatformTransactionManager transactionManager,
      Clock clock,
      PhoneTexts texts) {
    this.texts = texts;
    this.calls = calls;
    this.tables = tables;
    this.contacts = contacts;
    this.interactions = interactions;
    this.tickets = tickets;
    this.pops = pops;
    this.voicemails = voicemails;
    this.agents = agents;
    this.reportedTimes = reportedTimes;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * Processes the event once.
   *
   * @param bodySha256 fingerprint of the event as received, to tell a repetition from a forgery
   * @param source the driver (webhook, asterisk)
   */
  public Acceptance accept(TelephonyEvent event, String bodySha256, String source) {
    validate(event);
    // the audio is stored first, outside the transaction (reading its text may take a while);
    // storing the same bytes again finds the same document
    Long voicemailDocument =
        event.kind() == TelephonyEventKind.VOICEMAIL_LEFT ? voicemails.storeAudio(event) : null;
    return transactions.execute(
        status -> {
          Instant now = clock.instant();
          if (!tables.recordEvent(event, bodySha256, source, now)) {
            return tables.eventBodyHash(event.eventId()).orElseThrow().equals(bodySha256)
                ? Acceptance.DUPLICATE
                : Acceptance.CONFLICT;
          }
          switch (event.kind()) {
            case CALL_REJECTED -> call(event).rejected(event.queue(), event.occurredAt());
            case CALL_OFFERED -> offered(event);
            case CALL_ANSWERED -> answered(event);
            case CALL_TRANSFERRED -> transferred(event);
            case CALL_ENDED -> ended(event);
            case CALL_ABANDONED -> abandoned(event);
            case VOICEMAIL_LEFT -> voicemails.open(event, voicemailDocument, callers(event));
            case RECORDING_AVAILABLE -> recording(event, now);
            case AGENT_STATE ->
                agents.apply(
                    AgentStatus.Change.reported(
                        event.agent(), event.agentState(), event.occurredAt(), event.queue()),
                    event.eventId());
          }
          return Acceptance.PROCESSED;
        });
  }

  private void validate(TelephonyEvent event) {
    List<FieldViolation> violations = new ArrayList<>();
    reportedTimes.violation("occurredAt", event.occurredAt()).ifPresent(violations::add);
    if (event.kind() != TelephonyEventKind.AGENT_STATE && blank(event.callId())) {
      violations.add(new FieldViolation("callId", "must not be blank"));
    }
    switch (event.kind()) {
      case CALL_ANSWERED -> {
        if (blank(event.agent())) {
          violations.add(new FieldViolation("agent", "is required for CALL_ANSWERED"));
        }
      }
      case CALL_TRANSFERRED -> {
        if (blank(event.toAgent()) && blank(event.toQueue())) {
          violations.add(
              new FieldViolation("toAgent", "toAgent or toQueue is required for CALL_TRANSFERRED"));
        }
      }
      case VOICEMAIL_LEFT -> {
        if (blank(event.audioBase64())) {
          violations.add(new FieldViolation("audioBase64", "is required for VOICEMAIL_LEFT"));
        }
      }
      case RECORDING_AVAILABLE -> {
        if (blank(event.recordingRef())) {
          violations.add(new FieldViolation("recordingRef", "is required for RECORDING_AVAILABLE"));
        }
      }
      case AGENT_STATE -> {
        if (blank(event.agent())) {
          violations.add(new FieldViolation("agent", "is required for AGENT_STATE"));
        }
        if (event.agentState() == null) {
          violations.add(new FieldViolation("agentState", "is required for AGENT_STATE"));
        }
      }
      default -> {}
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private void offered(TelephonyEvent event) {
    List<Contact> callers = callers(event);
    PhoneCall call = call(event, callers);
    call.offered(event.queue(), event.occurredAt());
    pops.pop(call, event.agent(), "OFFERED", callers);
  }

  private void answered(TelephonyEvent event) {
    List<Contact> callers = callers(event);
    PhoneCall call = call(event, callers);
    call.answered(event.agent(), event.occurredAt());
    if (call.getInteractionId() == null && call.getContactId() != null) {
      Interaction interaction =
          interactions.record(
              call.getContactId(),
              null,
              null,
              "PHONE",
              Interaction.Direction.INBOUND,
              Interaction.Kind.CALL,
              texts.callAnswered(call, callerLanguage(call, callers)),
              event.occurredAt(),
              event.agent());
      call.interactionRecorded(interaction.getId());
    }
    onCall(event.agent(), event.occurredAt(), call, event.eventId());
    pops.pop(call, event.agent(), "ANSWERED", callers);
  }

  private void ended(TelephonyEvent event) {
    PhoneCall call = call(event);
    call.ended(event.occurredAt());
    callOver(call, event.eventId());
  }

  private void abandoned(TelephonyEvent event) {
    PhoneCall call = call(event);
    call.abandoned(event.occurredAt());
    callOver(call, event.eventId());
  }

  /** The agent talks on the call from {@code at}; if its end arrived first, wraps it up too. */
  private void onCall(String agent, Instant at, PhoneCall call, String eventId) {
    agents.apply(
        AgentStatus.Change.answered(agent, at, call.getQueue(), call.getCallId()), eventId);
    if (call.getEndedAt() != null && !call.getEndedAt().isBefore(at)) {
      agents.apply(
          AgentStatus.Change.callEnded(agent, call.getEndedAt(), call.getQueue(), call.getCallId()),
          eventId);
    }
  }

  /** An answered call ended: its agent goes to after-call work (unless a newer state is known). */
  private void callOver(PhoneCall call, String eventId) {
    if (call.getOutcome() == CallOutcome.ANSWERED
        && call.getAgent() != null
        && call.getEndedAt() != null) {
      agents.apply(
          AgentStatus.Change.callEnded(
              call.getAgent(), call.getEndedAt(), call.getQueue(), call.getCallId()),
          eventId);
    }
  }

  private void transferred(TelephonyEvent event) {
    List<Contact> callers = callers(event);
    PhoneCall call = call(event, callers);
    String from = event.agent() != null ? event.agent() : call.getAgent();
    boolean wasAnswered = call.getAnsweredAt() != null;
    call.transferred(event.toAgent());
    // the agent who hands the call over wraps it up; the one receiving it talks
    if (from != null && (wasAnswered || !blank(event.agent()))) {
      agents.apply(
          AgentStatus.Change.callEnded(from, event.occurredAt(), call.getQueue(), call.getCallId()),
          event.eventId());
    }
    if (!blank(event.toAgent())) {
      onCall(event.toAgent(), event.occurredAt(), call, event.eventId());
    }
    tables.recordTransfer(call.getId(), from, event.toAgent(), event.toQueue(), event.occurredAt());
    if (call.getTicketNumber() != null) {
      // the ticket goes with the call: its path says to whom
      Ticket ticket = tickets.getByNumber(call.getTicketNumber());
      if (!ticket.isClosed()) {
        ticket.callTransferred(
            from,
            "Chiamata trasferita a "
                + (event.toAgent() != null ? event.toAgent() : "coda " + event.toQueue()),
            event.occurredAt());
      }
    }
    pops.pop(call, event.toAgent(), "TRANSFERRED", callers);
  }

  private void recording(TelephonyEvent event, Instant now) {
    PhoneCall call = calls.findByCallId(event.callId()).orElse(null);
    tables.insertRecording(
        call == null ? null : call.getId(),
        event.recordingRef(),
        event.mediaType(),
        event.durationSeconds(),
        event.occurredAt(),
        now);
  }

  private PhoneCall call(TelephonyEvent event) {
    return call(event, null);
  }

  /** The call, registered at its first event whatever that is (events may arrive out of order). */
  private PhoneCall call(TelephonyEvent event, List<Contact> knownCallers) {
    return calls
        .findByCallId(event.callId())
        .orElseGet(
            () -> {
              List<Contact> callers = knownCallers != null ? knownCallers : callers(event);
              return calls.save(
                  new PhoneCall(
                      event.callId(),
                      normalised(event.callerNumber()),
                      callers.size() == 1 ? callers.get(0).getId() : null));
            });
  }

  /** The contacts registered with the caller's number, with or without the Italian prefix. */
  List<Contact> callers(TelephonyEvent event) {
    String number = normalised(event.callerNumber());
    if (number == null) {
      return List.of();
    }
    Map<Long, Contact> found = new LinkedHashMap<>();
    for (String variant : variants(number)) {
      contacts
          .find(new RequesterData(null, null, null, null, variant))
          .forEach(c -> found.putIfAbsent(c.getId(), c));
    }
    return List.copyOf(found.values());
  }

  static String normalised(String number) {
    return new RequesterData(null, null, null, null, number).phone();
  }

  private static List<String> variants(String number) {
    if (number.startsWith("+39")) {
      return List.of(number, number.substring(3));
    }
    if (number.startsWith("0039")) {
      return List.of(number, "+39" + number.substring(4), number.substring(4));
    }
    return List.of(number, "+39" + number);
  }

  /** The language of the known caller who made the call (the service's when none). */
  private String callerLanguage(PhoneCall call, List<Contact> callers) {
    return callers.stream()
        .filter(c -> c.getId().equals(call.getContactId()))
        .map(Contact::getPreferredLanguage)
        .filter(language -> language != null)
        .findFirst()
        .orElse(texts.defaultLanguage());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
