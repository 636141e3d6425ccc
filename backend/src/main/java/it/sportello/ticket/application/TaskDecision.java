package it.sportello.ticket.application;

/**
 * What a worker decided in a ticket task. {@code office} is the office chosen (level 2, level 3) or
 * the office answering (office task); texts are stored on the ticket, not in the process.
 */
public record TaskDecision(
    String decision,
    String answer,
    String office,
    String rejectionReason,
    String suggestedOffice,
    String missingData,
    String note) {}
