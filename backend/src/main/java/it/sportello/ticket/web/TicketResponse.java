package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.contact.Contact;
import it.sportello.sla.SlaState;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketEvent;
import it.sportello.ticket.domain.TicketEventKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A ticket as the API shows it; times are ISO-8601 with the service calendar's offset. */
record TicketResponse(
    String number,
    String status,
    String type,
    String channel,
    String subject,
    String description,
    String language,
    Category category,
    String queue,
    Integer priority,
    int currentLevel,
    RequesterSummary requester,
    OffsetDateTime receivedAt,
    OffsetDateTime takenInChargeAt,
    String takenInChargeBy,
    OffsetDateTime resolvedAt,
    OffsetDateTime closedAt,
    Sla sla,
    String outcome,
    String answer,
    Map<String, String> context,
    List<Step> history) {

  @Schema(name = "TicketCategory")
  record Category(String topic, String reason) {}

  record RequesterSummary(
      long id,
      String kind,
      String name,
      String fiscalCode,
      String vatNumber,
      String email,
      String phone) {}

  record Sla(
      String policy,
      OffsetDateTime takeInChargeDueAt,
      OffsetDateTime resolutionDueAt,
      boolean takeInChargeBreached,
      boolean resolutionBreached,
      boolean paused,
      SlaState takeInChargeState,
      SlaState resolutionState) {}

  /** Where the ticket's two targets stand now (null before classification). */
  record SlaStates(SlaState takeInCharge, SlaState resolution) {}

  record Step(
      OffsetDateTime at,
      String kind,
      String actor,
      Integer level,
      String queue,
      String office,
      String detail) {}

  static TicketResponse of(
      Ticket ticket, Contact requester, ZoneId zone, SlaStates states, boolean withHistory) {
    return new TicketResponse(
        ticket.getNumber(),
        ticket.getStatus().name(),
        ticket.getType().name(),
        ticket.getChannel().name(),
        ticket.getSubject(),
        ticket.getDescription(),
        ticket.getLanguage(),
        ticket.getTopic() == null ? null : new Category(ticket.getTopic(), ticket.getReason()),
        ticket.getQueue(),
        ticket.getPriority(),
        ticket.getCurrentLevel(),
        requester == null
            ? null
            : new RequesterSummary(
                requester.getId(),
                requester.getKind().name(),
                requester.getName(),
                requester.getFiscalCode(),
                requester.getVatNumber(),
                requester.getEmail(),
                requester.getPhone()),
        at(ticket.getReceivedAt(), zone),
        at(ticket.getTakenInChargeAt(), zone),
        ticket.getTakenInChargeBy(),
        at(ticket.getResolvedAt(), zone),
        at(ticket.getClosedAt(), zone),
        new Sla(
            ticket.getSlaPolicy(),
            at(ticket.getTakeInChargeDueAt(), zone),
            at(ticket.getResolutionDueAt(), zone),
            ticket.isTakeInChargeBreached(),
            ticket.isResolutionBreached(),
            ticket.getSlaPausedAt() != null,
            states.takeInCharge(),
            states.resolution()),
        ticket.getOutcome() == null ? null : ticket.getOutcome().name(),
        ticket.getAnswer(),
        ticket.getContext(),
        // internal notes are staff's, read in the conversation (not by external systems): not here
        withHistory
            ? ticket.getEvents().stream()
                .filter(event -> event.getKind() != TicketEventKind.NOTE_ADDED)
                .map(event -> step(event, zone))
                .toList()
            : null);
  }

  private static Step step(TicketEvent event, ZoneId zone) {
    return new Step(
        at(event.getOccurredAt(), zone),
        event.getKind().name(),
        event.getActor(),
        event.getLevel(),
        event.getQueue(),
        event.getOffice(),
        event.getDetail());
  }

  private static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
