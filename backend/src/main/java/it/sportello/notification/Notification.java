package it.sportello.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A message waiting in the outbox (or already delivered). */
@Entity
@Table(name = "notification_outbox")
public class Notification {

  public enum RecipientKind {
    REQUESTER,
    GROUP
  }

  public enum Status {
    PENDING,
    SENT,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dedup_key")
  private String dedupKey;

  @Column(name = "ticket_id")
  private Long ticketId;

  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_kind")
  private RecipientKind recipientKind;

  private String recipient;
  private String channel;
  private String template;
  private String language;

  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, String> payload;

  @Enumerated(EnumType.STRING)
  private Status status;

  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  protected Notification() {}

  Notification(NotificationRequest request, Instant now) {
    this.dedupKey = request.dedupKey();
    this.ticketId = request.ticketId();
    this.recipientKind = request.recipientKind();
    this.recipient = request.recipient();
    this.channel = request.channel();
    this.template = request.template();
    this.language = request.language();
    this.payload = Map.copyOf(request.payload());
    this.status = Status.PENDING;
    this.createdAt = now;
  }

  void markSent(Instant at) {
    this.nextAttemptAt = null;
    this.status = Status.SENT;
    this.attempts++;
    this.sentAt = at;
    this.lastError = null;
  }

  /**
   * One failed attempt: the message stays pending for another try, until {@code maxAttempts} failed
   * attempts quarantine it (status FAILED with the last error, kept and visible).
   */
  void attemptFailed(String error, int maxAttempts) {
    attemptFailed(error, maxAttempts, java.time.Duration.ZERO, java.time.Duration.ZERO, null);
  }

  /**
   * One failed attempt with exponential backoff: the next try waits {@code backoff}, doubled after
   * each further failure, never more than {@code backoffMax}; {@code maxAttempts} failed attempts
   * quarantine the message (status FAILED with the last error).
   */
  void attemptFailed(
      String error,
      int maxAttempts,
      java.time.Duration backoff,
      java.time.Duration backoffMax,
      Instant now) {
    this.attempts++;
    this.lastError = error;
    if (attempts >= maxAttempts) {
      this.status = Status.FAILED;
      this.nextAttemptAt = null;
    } else if (now != null && !backoff.isZero()) {
      this.nextAttemptAt = now.plus(delay(attempts, backoff, backoffMax));
    }
  }

  /** The wait after the {@code failures}-th failure: backoff × 2^(failures − 1), capped. */
  static java.time.Duration delay(
      int failures, java.time.Duration backoff, java.time.Duration backoffMax) {
    java.time.Duration delay = backoff;
    for (int i = 1; i < failures && delay.compareTo(backoffMax) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
  }

  /** When the next try is due after a failure (null: at once). */
  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public int getAttempts() {
    return attempts;
  }

  void markFailed(String error) {
    this.status = Status.FAILED;
    this.attempts++;
    this.lastError = error;
  }

  public String getLastError() {
    return lastError;
  }

  public Long getId() {
    return id;
  }

  public String getDedupKey() {
    return dedupKey;
  }

  public Long getTicketId() {
    return ticketId;
  }

  public RecipientKind getRecipientKind() {
    return recipientKind;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getChannel() {
    return channel;
  }

  public String getTemplate() {
    return template;
  }

  public String getLanguage() {
    return language;
  }

  public Map<String, String> getPayload() {
    return payload;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
