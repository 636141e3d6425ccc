package it.sportello.correspondence;

import it.sportello.correspondence.LetterTypes.Direction;
import it.sportello.correspondence.LetterTypes.SendBy;
import it.sportello.correspondence.LetterTypes.Status;
import java.time.Instant;

/** A registered letter, as read. */
public record Letter(
    String protocolNumber,
    Direction direction,
    Status status,
    String subject,
    String classification,
    long correspondentId,
    String correspondentName,
    String office,
    SendBy sendBy,
    String recipientAddress,
    String ticketNumber,
    String registeredBy,
    Instant registeredAt,
    Instant answerDueAt,
    Instant answerReminderAt,
    boolean overdue,
    Instant sentAt,
    String sentMessageId,
    Instant archivedAt) {}
