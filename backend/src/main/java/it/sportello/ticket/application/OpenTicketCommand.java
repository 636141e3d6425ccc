package it.sportello.ticket.application;

import it.sportello.contact.RequesterData;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.TicketType;
import java.time.Instant;
import java.util.Map;

/**
 * A request to open a ticket, already checked for shape by the web layer. With a {@code
 * firstContactAnswer} the contact was solved at once (one-call solution) and the ticket closes.
 */
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
    Instant receivedAt,
    String firstContactAnswer) {}
