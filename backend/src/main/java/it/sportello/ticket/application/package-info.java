/**
 * The ticket's use cases, called by the channels and the knowledge base (a named interface of the
 * module).
 */
@org.springframework.modulith.NamedInterface("application")
package it.sportello.ticket.application;
