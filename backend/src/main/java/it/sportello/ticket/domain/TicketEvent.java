package it.sportello.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a ticket's path. Written once, never changed. */
@Entity
@Table(name = "ticket_event")
public class TicketEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  private TicketEventKind kind;

  private String actor;
  private Integer level;
  private String queue;
  private String office;
  private String detail;

  protected TicketEvent() {}

  TicketEvent(
      Ticket ticket,
      TicketEventKind kind,
      String actor,
      String office,
      String detail,
      Instant occurredAt) {
    this.ticket = ticket;
    this.kind = kind;
    this.actor = actor;
    this.level = ticket.getCurrentLevel();
    this.queue = ticket.getQueue();
    this.office = office;
    this.detail = detail;
    this.occurredAt = occurredAt;
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public TicketEventKind getKind() {
    return kind;
  }

  public String getActor() {
    return actor;
  }

  public Integer getLevel() {
    return level;
  }

  public String getQueue() {
    return queue;
  }

  public String getOffice() {
    return office;
  }

  public String getDetail() {
    return detail;
  }
}
