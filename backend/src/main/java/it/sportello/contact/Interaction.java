package it.sportello.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One contact on one channel, in or out, possibly about a ticket. Never changed once written. */
@Entity
@Table(name = "interaction")
public class Interaction {

  public enum Direction {
    INBOUND,
    OUTBOUND
  }

  public enum Kind {
    REQUEST,
    MESSAGE,
    NOTIFICATION,
    CALL
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "contact_id")
  private Long contactId;

  @Column(name = "ticket_id")
  private Long ticketId;

  @Column(name = "ticket_number")
  private String ticketNumber;

  private String channel;

  @Enumerated(EnumType.STRING)
  private Direction direction;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  private String summary;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Column(name = "recorded_by")
  private String recordedBy;

  protected Interaction() {}

  Interaction(
      long contactId,
      Long ticketId,
      String ticketNumber,
      String channel,
      Direction direction,
      Kind kind,
      String summary,
      Instant occurredAt,
      String recordedBy) {
    this.contactId = contactId;
    this.ticketId = ticketId;
    this.ticketNumber = ticketNumber;
    this.channel = channel;
    this.direction = direction;
    this.kind = kind;
    this.summary = summary;
    this.occurredAt = occurredAt;
    this.recordedBy = recordedBy;
  }

  public Long getId() {
    return id;
  }

  public Long getContactId() {
    return contactId;
  }

  public Long getTicketId() {
    return ticketId;
  }

  public String getTicketNumber() {
    return ticketNumber;
  }

  public String getChannel() {
    return channel;
  }

  public Direction getDirection() {
    return direction;
  }

  public Kind getKind() {
    return kind;
  }

  public String getSummary() {
    return summary;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getRecordedBy() {
    return recordedBy;
  }
}
