/**
 * Canned replies ("risposte pronte", macros): personal and shared texts in Italian, English, German
 * and French with placeholders ({@link it.sportello.ticket.canned.CannedText}) that the operator
 * inserts into a reply, filled in for the ticket. Business code here, the REST API in {@code web},
 * the users' names from the engine's identity service in {@code process}.
 */
package it.sportello.ticket.canned;
