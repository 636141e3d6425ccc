package it.sportello.channel.phone;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * One call with its figures: queue, offered/answered/ended times, wait and talk time, agent,
 * outcome, transfers, the ticket it belongs to. Events may arrive out of order: each one fills what
 * it knows and never undoes what a later one said.
 */
@Entity
@Table(name = "phone_call")
public class PhoneCall {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "call_id")
  private String callId;

  private String direction;
  private String queue;

  @Column(name = "caller_number")
  private String callerNumber;

  @Column(name = "contact_id")
  private Long contactId;

  @Column(name = "offered_at")
  private Instant offeredAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "wait_seconds")
  private Integer waitSeconds;

  @Column(name = "talk_seconds")
  private Integer talkSeconds;

  private String agent;

  @Enumerated(EnumType.STRING)
  private CallOutcome outcome;

  private int transfers;

  @Column(name = "ticket_number")
  private String ticketNumber;

  @Column(name = "interaction_id")
  private Long interactionId;

  @Version private long version;

  protected PhoneCall() {}

  PhoneCall(String callId, String callerNumber, Long contactId) {
    this.callId = callId;
    this.direction = "INBOUND";
    this.callerNumber = callerNumber;
    this.contactId = contactId;
  }

  void offered(String queue, Instant at) {
    if (this.queue == null) {
      this.queue = queue;
    }
    if (offeredAt == null || at.isBefore(offeredAt)) {
      offeredAt = at;
    }
    computeWait();
  }

  /** Turned away busy: offered and ended at once, without queue time. */
  void rejected(String queue, Instant at) {
    if (this.queue == null) {
      this.queue = queue;
    }
    if (offeredAt == null) {
      offeredAt = at;
    }
    if (endedAt == null) {
      endedAt = at;
    }
    if (outcome == null) {
      outcome = CallOutcome.BUSY;
      waitSeconds = 0;
    }
  }

  void answered(String agent, Instant at) {
    this.agent = agent;
    if (answeredAt == null) {
      answeredAt = at;
    }
    outcome = CallOutcome.ANSWERED;
    computeWait();
    computeTalk();
  }

  void transferred(String toAgent) {
    transfers++;
    if (toAgent != null) {
      agent = toAgent;
    }
  }

  void ended(Instant at) {
    if (endedAt == null) {
      endedAt = at;
    }
    if (outcome == null) {
      outcome = CallOutcome.UNANSWERED;
      waitSeconds = seconds(offeredAt, endedAt);
    }
    computeTalk();
  }

  void abandoned(Instant at) {
    if (endedAt == null) {
      endedAt = at;
    }
    if (outcome != CallOutcome.ANSWERED && outcome != CallOutcome.BUSY) {
      outcome = CallOutcome.ABANDONED;
      waitSeconds = seconds(offeredAt, endedAt);
    }
  }

  void identify(Long contactId) {
    if (this.contactId == null) {
      this.contactId = contactId;
    }
  }

  void linkTicket(String ticketNumber) {
    this.ticketNumber = ticketNumber;
  }

  void interactionRecorded(long interactionId) {
    this.interactionId = interactionId;
  }

  private void computeWait() {
    if (answeredAt != null) {
      waitSeconds = seconds(offeredAt, answeredAt);
    }
  }

  private void computeTalk() {
    if (answeredAt != null && endedAt != null) {
      talkSeconds = seconds(answeredAt, endedAt);
    }
  }

  private static Integer seconds(Instant from, Instant to) {
    return from == null || to == null
        ? null
        : (int) Math.max(0, Duration.between(from, to).toSeconds());
  }

  /** Seconds waited so far (or in all, once answered or ended). */
  public long waitedSecondsAt(Instant now) {
    if (waitSeconds != null) {
      return waitSeconds;
    }
    return offeredAt == null ? 0 : Math.max(0, Duration.between(offeredAt, now).toSeconds());
  }

  public Long getId() {
    return id;
  }

  public String getCallId() {
    return callId;
  }

  public String getDirection() {
    return direction;
  }

  public String getQueue() {
    return queue;
  }

  public String getCallerNumber() {
    return callerNumber;
  }

  public Long getContactId() {
    return contactId;
  }

  public Instant getOfferedAt() {
    return offeredAt;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public Integer getWaitSeconds() {
    return waitSeconds;
  }

  public Integer getTalkSeconds() {
    return talkSeconds;
  }

  public String getAgent() {
    return agent;
  }

  public CallOutcome getOutcome() {
    return outcome;
  }

  public int getTransfers() {
    return transfers;
  }

  public String getTicketNumber() {
    return ticketNumber;
  }

  public Long getInteractionId() {
    return interactionId;
  }
}
