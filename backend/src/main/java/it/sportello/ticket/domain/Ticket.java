package it.sportello.ticket.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A service request: who asked what on which channel, where it is queued, its SLA deadlines and how
 * it ended, with its path ({@link TicketEvent}s). The BPMN process drives it; this class keeps it
 * consistent.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String number;

  @Enumerated(EnumType.STRING)
  private TicketType type;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  private TicketStatus status;

  @Column(name = "requester_id")
  private Long requesterId;

  private String subject;
  private String description;
  private String language;
  private String topic;
  private String reason;
  private Integer priority;
  private String queue;

  @Column(name = "current_level")
  private int currentLevel;

  @Column(name = "sla_policy")
  private String slaPolicy;

  @Column(name = "received_at")
  private Instant receivedAt;

  @Column(name = "taken_in_charge_at")
  private Instant takenInChargeAt;

  @Column(name = "taken_in_charge_by")
  private String takenInChargeBy;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "resolved_at_level")
  private Integer resolvedAtLevel;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "take_in_charge_due_at")
  private Instant takeInChargeDueAt;

  @Column(name = "resolution_due_at")
  private Instant resolutionDueAt;

  @Column(name = "take_in_charge_breached")
  private boolean takeInChargeBreached;

  @Column(name = "resolution_breached")
  private boolean resolutionBreached;

  @Column(name = "sla_paused_at")
  private Instant slaPausedAt;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  @Column(name = "merged_into")
  private String mergedInto;

  private String answer;

  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, String> context;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "idempotency_fingerprint")
  private String idempotencyFingerprint;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private long version;

  @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
  @OrderBy("occurredAt, id")
  private List<TicketEvent> events = new ArrayList<>();

  protected Ticket() {}

  /** A ticket as registered, before classification. */
  public Ticket(String number, NewTicket data, long requesterId, String createdBy, Instant now) {
    this.number = number;
    this.type = data.type();
    this.channel = data.channel();
    this.status = TicketStatus.NEW;
    this.requesterId = requesterId;
    this.subject = data.subject();
    this.description = data.description();
    this.language = data.language();
    this.topic = data.topic();
    this.reason = data.reason();
    this.context = new LinkedHashMap<>(data.context());
    this.receivedAt = data.receivedAt();
    this.currentLevel = 1;
    this.idempotencyKey = data.idempotencyKey();
    this.idempotencyFingerprint = data.idempotencyFingerprint();
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
    record(TicketEventKind.RECEIVED, createdBy, null, channel.name(), now);
  }

  /** The data a ticket is opened with. */
  public record NewTicket(
      TicketType type,
      Channel channel,
      String subject,
      String description,
      String language,
      String topic,
      String reason,
      Map<String, String> context,
      Instant receivedAt,
      String idempotencyKey,
      String idempotencyFingerprint) {}

  public void classify(
      String queue,
      int priority,
      String slaPolicy,
      Instant takeInChargeDueAt,
      Instant resolutionDueAt,
      Instant now) {
    this.queue = queue;
    this.priority = priority;
    this.slaPolicy = slaPolicy;
    this.takeInChargeDueAt = takeInChargeDueAt;
    this.resolutionDueAt = resolutionDueAt;
    if (status == TicketStatus.NEW) {
      status = TicketStatus.OPEN;
    }
    record(
        TicketEventKind.CLASSIFIED,
        null,
        null,
        "queue=" + queue + " priority=" + priority + " sla=" + slaPolicy,
        now);
  }

  /**
   * @return whether this call took the ticket in charge (false if it already was)
   */
  public boolean takeInCharge(String actor, Instant now) {
    if (takenInChargeAt != null) {
      return false;
    }
    takenInChargeAt = now;
    takenInChargeBy = actor;
    if (status == TicketStatus.OPEN) {
      status = TicketStatus.IN_PROGRESS;
    }
    record(TicketEventKind.TAKEN_IN_CHARGE, actor, null, null, now);
    return true;
  }

  public void escalateToLevel2(String actor, String note, Instant now) {
    requireOpen();
    currentLevel = 2;
    record(TicketEventKind.ESCALATED_TO_LEVEL2, actor, null, note, now);
  }

  public void solve(String answer, String actor, Instant now) {
    requireOpen();
    this.answer = answer;
    this.outcome = Outcome.SOLVED;
    this.resolvedAt = now;
    this.resolvedAtLevel = currentLevel;
    record(TicketEventKind.SOLVED, actor, null, answer, now);
  }

  /** Level 2 involves the administration's office: the ticket waits for it. */
  public void involveOffice(String office, String actor, String note, Instant now) {
    assignToOffice(office, TicketEventKind.OFFICE_ASSIGNED, actor, note, now);
  }

  /** Level 3 passes the ticket to the competent office after a rejection. */
  public void reassignToOffice(String office, String actor, String note, Instant now) {
    assignToOffice(office, TicketEventKind.REASSIGNED, actor, note, now);
  }

  /** The office answered: back in progress at level 2 with the office's answer. */
  public void officeAnswered(String office, String actor, String answer, Instant now) {
    officeResponded(office, TicketEventKind.OFFICE_ANSWERED, actor, answer, now);
  }

  /** The office rejected the request (not competent); the reason names the suggested office. */
  public void officeRejected(String office, String actor, String reason, Instant now) {
    officeResponded(office, TicketEventKind.OFFICE_REJECTED, actor, reason, now);
  }

  /** Level 3 returns the ticket to level 2. */
  public void returnToLevel2(String actor, String note, Instant now) {
    officeResponded(null, TicketEventKind.RETURNED_TO_LEVEL2, actor, note, now);
  }

  private void assignToOffice(
      String office, TicketEventKind kind, String actor, String note, Instant now) {
    requireOpen();
    status = TicketStatus.WAITING_FOR_OFFICE;
    record(kind, actor, office, note, now);
  }

  private void officeResponded(
      String office, TicketEventKind kind, String actor, String detail, Instant now) {
    requireOpen();
    status = TicketStatus.IN_PROGRESS;
    record(kind, actor, office, detail, now);
  }

  /** A worker asked the requester for missing data (the process then pauses the SLA). */
  public void requestData(String actor, String missingData, Instant now) {
    record(TicketEventKind.DATA_REQUESTED, actor, null, missingData, now);
  }

  /** A worker judged the requester's data still incomplete (the process then closes the ticket). */
  public void judgeDataIncomplete(String actor, String missingData, Instant now) {
    record(TicketEventKind.DATA_INCOMPLETE, actor, null, missingData, now);
  }

  /** A call back to the requester was planned. */
  public void planCallBack(String actor, String detail, Instant now) {
    record(TicketEventKind.CALL_BACK_PLANNED, actor, null, detail, now);
  }

  /** An attempt to call the requester back reached them. */
  public void callBackAttempted(String actor, String detail, Instant now) {
    record(TicketEventKind.CALL_BACK_ATTEMPTED, actor, null, detail, now);
  }

  /** Calling the requester back failed (an attempt, or the call-back task's outcome). */
  public void callBackFailed(String actor, String detail, Instant now) {
    record(TicketEventKind.CALL_BACK_FAILED, actor, null, detail, now);
  }

  /** A phone call was linked to the ticket. */
  public void callLinked(String actor, String detail, Instant now) {
    record(TicketEventKind.CALL_LINKED, actor, null, detail, now);
  }

  /** The call about this ticket was transferred (the ticket goes with it). */
  public void callTransferred(String actor, String detail, Instant at) {
    record(TicketEventKind.CALL_TRANSFERRED, actor, null, detail, at);
  }

  /** The requester wrote about the ticket. */
  public void requesterWrote(String actor, String text, Instant now) {
    record(TicketEventKind.REQUESTER_MESSAGE, actor, null, text, now);
  }

  /** A reply was sent to the requester. */
  public void replySent(String actor, String text, Instant now) {
    record(TicketEventKind.REPLY_SENT, actor, null, text, now);
  }

  /** The requester was reminded to answer a request for data. */
  public void requesterReminded(Instant now) {
    record(TicketEventKind.REQUESTER_REMINDED, null, null, null, now);
  }

  /** The ticket was linked to another one. */
  public void linkedTo(String otherNumber, String actor, Instant now) {
    record(TicketEventKind.LINKED, actor, null, otherNumber, now);
  }

  /** The link to another ticket was removed. */
  public void unlinkedFrom(String otherNumber, String actor, Instant now) {
    record(TicketEventKind.UNLINKED, actor, null, otherNumber, now);
  }

  public void pauseSla(Instant now) {
    requireOpen();
    status = TicketStatus.WAITING_FOR_REQUESTER;
    slaPausedAt = now;
    record(TicketEventKind.SLA_PAUSED, null, null, null, now);
  }

  public void resumeSla(Instant newResolutionDueAt, Instant now) {
    requireOpen();
    status = TicketStatus.IN_PROGRESS;
    slaPausedAt = null;
    resolutionDueAt = newResolutionDueAt;
    record(TicketEventKind.SLA_RESUMED, null, null, "resolutionDueAt=" + newResolutionDueAt, now);
  }

  /**
   * @return whether the flag was raised now (false if it already was)
   */
  public boolean markTakeInChargeBreached(Instant now) {
    if (takeInChargeBreached || takenInChargeAt != null || status == TicketStatus.CLOSED) {
      return false;
    }
    takeInChargeBreached = true;
    raisePriority();
    record(TicketEventKind.TAKE_IN_CHARGE_OVERDUE, null, null, "priority=" + priority, now);
    return true;
  }

  /**
   * @return whether the flag was raised now (false if it already was)
   */
  public boolean markResolutionBreached(Instant now) {
    if (resolutionBreached || status == TicketStatus.CLOSED) {
      return false;
    }
    resolutionBreached = true;
    raisePriority();
    record(TicketEventKind.RESOLUTION_OVERDUE, null, null, "priority=" + priority, now);
    return true;
  }

  public void close(Instant now) {
    requireOpen();
    status = TicketStatus.CLOSED;
    closedAt = now;
    record(TicketEventKind.CLOSED, null, null, outcome == null ? null : outcome.name(), now);
  }

  public void closeForNoReply(Instant now) {
    closeUnsolved(Outcome.CLOSED_FOR_NO_REPLY, TicketEventKind.CLOSED_FOR_NO_REPLY, now);
  }

  /** The requester's reply left the data incomplete: closed, with the invitation to call. */
  public void closeForIncompleteData(Instant now) {
    closeUnsolved(Outcome.CLOSED_DATA_INCOMPLETE, TicketEventKind.CLOSED_DATA_INCOMPLETE, now);
  }

  private void closeUnsolved(Outcome reason, TicketEventKind event, Instant now) {
    requireOpen();
    outcome = reason;
    status = TicketStatus.CLOSED;
    slaPausedAt = null;
    closedAt = now;
    record(event, null, null, null, now);
  }

  /**
   * This ticket duplicates {@code primary}: it remembers the primary and will close with outcome
   * {@link Outcome#DUPLICATE} through its process ({@link #closeAsDuplicate}).
   */
  public void mergeInto(String primary, String actor, Instant now) {
    requireOpen();
    if (mergedInto != null) {
      throw new IllegalStateException("Ticket " + number + " is already merged into " + mergedInto);
    }
    mergedInto = primary;
    outcome = Outcome.DUPLICATE;
    record(TicketEventKind.MERGED_INTO, actor, null, primary, now);
  }

  /** A duplicate was merged into this ticket: its messages and documents are now read from here. */
  public void mergedIn(String duplicate, String actor, Instant now) {
    requireOpen();
    record(TicketEventKind.MERGED_IN, actor, null, duplicate, now);
  }

  /**
   * Closes a merged duplicate; safe to run again (a retried job).
   *
   * @return whether it closed now
   */
  public boolean closeAsDuplicate(Instant now) {
    if (status == TicketStatus.CLOSED) {
      return false;
    }
    if (mergedInto == null) {
      throw new IllegalStateException("Ticket " + number + " was not merged into another");
    }
    outcome = Outcome.DUPLICATE;
    status = TicketStatus.CLOSED;
    slaPausedAt = null;
    closedAt = now;
    record(TicketEventKind.CLOSED_AS_DUPLICATE, null, null, mergedInto, now);
    return true;
  }

  /**
   * An operator changed how the ticket is classified. The deadlines are the ones of the (possibly
   * new) SLA policy; {@code detail} says what changed and why.
   */
  public void reclassify(
      TicketType type,
      String queue,
      int priority,
      String topic,
      String reason,
      String slaPolicy,
      Instant takeInChargeDueAt,
      Instant resolutionDueAt,
      String actor,
      String detail,
      Instant now) {
    requireOpen();
    this.type = type;
    this.queue = queue;
    this.priority = priority;
    this.topic = topic;
    this.reason = reason;
    this.slaPolicy = slaPolicy;
    this.takeInChargeDueAt = takeInChargeDueAt;
    this.resolutionDueAt = resolutionDueAt;
    record(TicketEventKind.RECLASSIFIED, actor, null, detail, now);
  }

  private void record(
      TicketEventKind kind, String actor, String office, String detail, Instant now) {
    events.add(new TicketEvent(this, kind, actor, office, detail, now));
    updatedAt = now;
  }

  /**
   * An internal note by staff, open or closed ticket alike: on the path, never sent.
   *
   * @return the step written (its id once flushed)
   */
  public TicketEvent addNote(String actor, String text, Instant now) {
    TicketEvent note = new TicketEvent(this, TicketEventKind.NOTE_ADDED, actor, null, text, now);
    events.add(note);
    updatedAt = now;
    return note;
  }

  /** The last step of the path (e.g. the reply just recorded). */
  public TicketEvent lastEvent() {
    return events.get(events.size() - 1);
  }

  public boolean isClosed() {
    return status == TicketStatus.CLOSED;
  }

  private void raisePriority() {
    if (priority != null && priority > 1) {
      priority = priority - 1;
    }
  }

  private void requireOpen() {
    if (status == TicketStatus.CLOSED) {
      throw new IllegalStateException("Ticket " + number + " is closed");
    }
  }

  public Long getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public TicketType getType() {
    return type;
  }

  public Channel getChannel() {
    return channel;
  }

  public TicketStatus getStatus() {
    return status;
  }

  public Long getRequesterId() {
    return requesterId;
  }

  public String getSubject() {
    return subject;
  }

  public String getDescription() {
    return description;
  }

  public String getLanguage() {
    return language;
  }

  public String getTopic() {
    return topic;
  }

  public String getReason() {
    return reason;
  }

  public Integer getPriority() {
    return priority;
  }

  public String getQueue() {
    return queue;
  }

  public int getCurrentLevel() {
    return currentLevel;
  }

  public String getSlaPolicy() {
    return slaPolicy;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Instant getTakenInChargeAt() {
    return takenInChargeAt;
  }

  public String getTakenInChargeBy() {
    return takenInChargeBy;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public Integer getResolvedAtLevel() {
    return resolvedAtLevel;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public Instant getTakeInChargeDueAt() {
    return takeInChargeDueAt;
  }

  public Instant getResolutionDueAt() {
    return resolutionDueAt;
  }

  public boolean isTakeInChargeBreached() {
    return takeInChargeBreached;
  }

  public boolean isResolutionBreached() {
    return resolutionBreached;
  }

  public Instant getSlaPausedAt() {
    return slaPausedAt;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  /** The primary ticket's number if this one was merged into it as a duplicate, else null. */
  public String getMergedInto() {
    return mergedInto;
  }

  public String getAnswer() {
    return answer;
  }

  public Map<String, String> getContext() {
    return Collections.unmodifiableMap(context);
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getIdempotencyFingerprint() {
    return idempotencyFingerprint;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public List<TicketEvent> getEvents() {
    return Collections.unmodifiableList(events);
  }
}
