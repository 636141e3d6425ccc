package it.sportello.channel.phone;

import it.sportello.contact.Contact;
import it.sportello.contact.RequesterData;
import it.sportello.document.Documents;
import it.sportello.document.OwnerKind;
import it.sportello.shared.InvalidRequestException;
import it.sportello.sla.SlaService;
import it.sportello.ticket.application.OpenTicketCommand;
import it.sportello.ticket.application.TicketIntake;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketType;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A voicemail becomes a ticket of channel VOICEMAIL with the audio attached; the classification
 * gives it the VOICEMAIL policy (taken in charge within the first working hours of the next working
 * day). The call id is the idempotency key: the same voicemail never opens two tickets.
 */
@Component
class Voicemails {

  private final Documents documents;
  private final TicketIntake intake;
  private final PhoneCallRepository calls;
  private final DateTimeFormatter when;

  Voicemails(Documents documents, TicketIntake intake, PhoneCallRepository calls, SlaService sla) {
    this.documents = documents;
    this.intake = intake;
    this.calls = calls;
    // the time the citizen called, as the service calendar reads it
    this.when = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(sla.calendar().zone());
  }

  /** Stores the audio (outside any transaction); the document's id. */
  long storeAudio(TelephonyEvent event) {
    byte[] audio;
    try {
      audio = Base64.getMimeDecoder().decode(event.audioBase64());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("audioBase64", "is not valid Base64");
    }
    if (audio.length == 0) {
      throw new InvalidRequestException("audioBase64", "must not be empty");
    }
    return documents.store(fileName(event), audio).id();
  }

  Ticket open(TelephonyEvent event, long documentId, List<Contact> callers) {
    Contact known = callers.isEmpty() ? null : callers.get(0);
    String number = PhoneEvents.normalised(event.callerNumber());
    RequesterData requester =
        known == null
            ? new RequesterData(null, null, null, null, number)
            : new RequesterData(
                known.getName(),
                known.getFiscalCode(),
                known.getVatNumber(),
                known.getEmail(),
                Optional.ofNullable(known.getPhone()).orElse(number));
    Map<String, String> context = new LinkedHashMap<>();
    context.put("callId", event.callId());
    if (number != null) {
      context.put("callerNumber", number);
    }
    if (event.durationSeconds() != null) {
      context.put("voicemailSeconds", String.valueOf(event.durationSeconds()));
    }
    String from = number == null ? "numero nascosto" : number;
    Ticket ticket =
        intake
            .open(
                new OpenTicketCommand(
                    Channel.VOICEMAIL,
                    TicketType.Q,
                    "Messaggio in segreteria da " + from,
                    "Messaggio lasciato in segreteria telefonica da "
                        + from
                        + " il "
                        + when.format(event.occurredAt())
                        + (event.durationSeconds() == null
                            ? ""
                            : " (" + event.durationSeconds() + " s)")
                        + ". Ascoltare l'allegato audio e richiamare.",
                    "it",
                    requester,
                    null,
                    null,
                    context,
                    event.occurredAt(),
                    null),
                "voicemail:" + event.callId(),
                PhoneEvents.TELEPHONY)
            .ticket();
    documents.link(documentId, OwnerKind.TICKET, ticket.getId(), fileName(event));
    calls.findByCallId(event.callId()).ifPresent(call -> call.linkTicket(ticket.getNumber()));
    return ticket;
  }

  /** The recording's name in the ticket. */
  private static String fileName(TelephonyEvent event) {
    return "segreteria-" + safe(event.callId()) + extension(event);
  }

  private static String extension(TelephonyEvent event) {
    String type = event.mediaType() == null ? "audio/wav" : event.mediaType();
    return switch (type) {
      case "audio/mpeg" -> ".mp3";
      case "audio/ogg" -> ".ogg";
      default -> ".wav";
    };
  }

  private static String safe(String callId) {
    return callId.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
