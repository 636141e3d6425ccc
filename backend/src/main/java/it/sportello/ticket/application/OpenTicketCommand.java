package it.sportello.ticket.application;

import it.sportello.contact.RequesterData;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.TicketType;
import java.time.Instant;
import java.util.Map;

/** A request to open a ticket, already checked for shape by the web layer. */
public record OpenTicketCommand(
    Channel channel,
    TicketType type,
    String subject,
    String description,
    String language,
    RequesterData requester,
    String topic,
    String reason,
    Map<String, String> context,
    Instant receivedAt) {}
