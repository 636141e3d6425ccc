/**
 * The ticket's entities and repositories, read by the channels and reports (a named interface of
 * the module).
 */
@org.springframework.modulith.NamedInterface("domain")
package it.sportello.ticket.domain;
