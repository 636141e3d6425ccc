package it.sportello.ticket.application;

import it.sportello.document.Documents;
import it.sportello.document.OwnerKind;
import it.sportello.document.StoredDocument;
import it.sportello.shared.DbRows;
import it.sportello.shared.InvalidRequestException;
import it.sportello.sla.SlaService;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketEvent;
import it.sportello.ticket.domain.TicketEventKind;
import it.sportello.ticket.domain.TicketRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's conversation: what the requester wrote, what we answered and how it was delivered,
 * calls, internal notes and the steps of the path, in time order, each as a typed entry with
 * structured fields (no {@code key=value} texts, no raw instants) for the workspace to word in the
 * user's language. Read with plain SQL over the tables of the channels; written only for internal
 * notes and the files attached to a reply or a note.
 */
@Service
public class TicketConversation {

  /** What an entry is. */
  public enum EntryKind {
    /** The opening request: subject and description. */
    REQUEST,
    /** A later message from the requester (mail, web, API). */
    MESSAGE,
    /** Our reply written by an operator, with its delivery. */
    REPLY,
    /** An internal note: never sent. */
    NOTE,
    /** A message the service sent by itself (acknowledgement, request for data, closing). */
    NOTIFICATION,
    /** A phone call, received or made. */
    CALL,
    /** A file added to the ticket outside a message. */
    ATTACHMENT,
    /** A step of the path (classified, taken in charge, escalated, SLA, closed…). */
    EVENT
  }

  /** Where a message to the requester stands: in the outbox, sent, given up; PEC receipt. */
  public record ConversationDelivery(
      String state, String channel, OffsetDateTime at, String pecState) {}

  public record EntryAttachment(long id, String fileName, String mediaType, long size) {}

  /**
   * One entry. Only the fields that apply to its kind are set.
   *
   * @param event for {@code EVENT}: the step's kind
   * @param text what a person wrote (the requester, an operator); Markdown-lite for replies and
   *     notes
   * @param dueAt a deadline the step set (e.g. the resolution deadline after a pause)
   * @param outcome for a closing step: how the ticket ended
   * @param template for {@code NOTIFICATION}: which message was sent
   */
  public record ConversationEntry(
      String id,
      EntryKind kind,
      OffsetDateTime at,
      String actor,
      String channel,
      String direction,
      String subject,
      String text,
      String event,
      Integer level,
      String queue,
      String office,
      Integer priority,
      String slaPolicy,
      OffsetDateTime dueAt,
      String outcome,
      String template,
      ConversationDelivery delivery,
      List<EntryAttachment> attachments) {}

  /** The steps whose detail is a person's text (a note, an answer, the data asked for). */
  private static final Set<TicketEventKind> WRITTEN =
      EnumSet.of(
          TicketEventKind.ESCALATED_TO_LEVEL2,
          TicketEventKind.SOLVED,
          TicketEventKind.DATA_REQUESTED,
          TicketEventKind.DATA_INCOMPLETE,
          TicketEventKind.OFFICE_ASSIGNED,
          TicketEventKind.OFFICE_ANSWERED,
          TicketEventKind.OFFICE_REJECTED,
          TicketEventKind.REASSIGNED,
          TicketEventKind.RETURNED_TO_LEVEL2,
          TicketEventKind.CALL_BACK_FAILED);

  private static final List<EntryKind> RANK =
      List.of(
          EntryKind.REQUEST,
          EntryKind.MESSAGE,
          EntryKind.CALL,
          EntryKind.ATTACHMENT,
          EntryKind.NOTE,
          EntryKind.REPLY,
          EntryKind.EVENT,
          EntryKind.NOTIFICATION);

  private static final Pattern PRIORITY = Pattern.compile("priority=(\\d+)");
  private static final Pattern SLA = Pattern.compile("sla=(\\S+)");
  private static final Pattern DUE = Pattern.compile("resolutionDueAt=(\\S+)");

  private final TicketQueries queries;
  private final TicketLifecycle lifecycle;
  private final TicketRepository tickets;
  private final Documents documents;
  private final JdbcClient jdbc;
  private final SlaService sla;
  private final Clock clock;

  TicketConversation(
      TicketQueries queries,
      TicketLifecycle lifecycle,
      TicketRepository tickets,
      Documents documents,
      JdbcClient jdbc,
      SlaService sla,
      Clock clock) {
    this.queries = queries;
    this.lifecycle = lifecycle;
    this.tickets = tickets;
    this.documents = documents;
    this.jdbc = jdbc;
    this.sla = sla;
    this.clock = clock;
  }

  /**
   * @throws it.sportello.shared.NotFoundException also when the reader may not see the ticket
   */
  @Transactional(readOnly = true)
  public List<ConversationEntry> of(String number, TicketQueries.Reader reader) {
    Ticket ticket = queries.get(number, reader);
    ZoneId zone = sla.calendar().zone();
    List<Link> links = links(ticket.getId());
    Map<String, List<EntryAttachment>> files = byOwner(links);
    Map<String, ConversationDelivery> replies = new HashMap<>();
    List<ConversationEntry> entries = new ArrayList<>();

    for (Notification notification : notifications(ticket.getId())) {
      ConversationDelivery delivery = notification.delivery(zone);
      if ("OPERATOR_REPLY".equals(notification.template())) {
        replies.put(notification.dedupKey(), delivery);
      } else {
        entries.add(
            message(
                "notification-" + notification.id(),
                EntryKind.NOTIFICATION,
                at(notification.createdAt(), zone),
                null,
                notification.channel(),
                "OUTBOUND",
                null,
                null,
                notification.template(),
                delivery,
                List.of()));
      }
    }

    List<InteractionRow> interactions = interactions(ticket.getId());
    List<EntryAttachment> requestFiles = new ArrayList<>();
    for (InteractionRow row : interactions) {
      List<EntryAttachment> own = files.getOrDefault("INTERACTION:" + row.id(), List.of());
      switch (row.kind()) {
        case "REQUEST" -> requestFiles.addAll(own);
        case "MESSAGE" ->
            entries.add(
                simple(
                    "interaction-" + row.id(),
                    "INBOUND".equals(row.direction()) ? EntryKind.MESSAGE : EntryKind.REPLY,
                    at(row.occurredAt(), zone),
                    row.recordedBy(),
                    row.channel(),
                    row.direction(),
                    row.summary(),
                    own));
        case "CALL" ->
            entries.add(
                simple(
                    "interaction-" + row.id(),
                    EntryKind.CALL,
                    at(row.occurredAt(), zone),
                    row.recordedBy(),
                    row.channel(),
                    row.direction(),
                    // a received call's summary is the system's own wording; a call-back's is the
                    // answer the operator gave
                    "OUTBOUND".equals(row.direction()) ? row.summary() : null,
                    own));
        default -> {
          // notifications are read from the outbox, with their delivery
        }
      }
    }

    for (TicketEvent event : ticket.getEvents()) {
      String id = "event-" + event.getId();
      List<EntryAttachment> own = files.getOrDefault("TICKET_EVENT:" + event.getId(), List.of());
      OffsetDateTime at = at(event.getOccurredAt(), zone);
      switch (event.getKind()) {
        case RECEIVED ->
            entries.add(
                message(
                    id,
                    EntryKind.REQUEST,
                    at(ticket.getReceivedAt(), zone),
                    null,
                    ticket.getChannel().name(),
                    "INBOUND",
                    ticket.getSubject(),
                    ticket.getDescription(),
                    null,
                    null,
                    requestFiles));
        case REQUESTER_MESSAGE -> {
          // the message itself is the interaction recorded with it (channel, attachments)
        }
        case NOTE_ADDED ->
            entries.add(
                simple(
                    id, EntryKind.NOTE, at, event.getActor(), null, null, event.getDetail(), own));
        case REPLY_SENT ->
            entries.add(
                message(
                    id,
                    EntryKind.REPLY,
                    at,
                    event.getActor(),
                    null,
                    "OUTBOUND",
                    null,
                    event.getDetail(),
                    null,
                    replies.get(
                        ticket.getNumber()
                            + ":OPERATOR_REPLY:"
                            + event.getOccurredAt().toEpochMilli()),
                    own));
        default -> entries.add(step(id, event, at, zone, own));
      }
    }

    // files added to the ticket by hand (or a voicemail): an entry of their own when they came
    Set<Long> onEntries = new HashSet<>();
    links.stream()
        .filter(link -> !"TICKET".equals(link.ownerKind()))
        .forEach(link -> onEntries.add(link.documentId()));
    for (Link link : links) {
      if ("TICKET".equals(link.ownerKind()) && !onEntries.contains(link.documentId())) {
        entries.add(
            simple(
                "document-" + link.documentId(),
                EntryKind.ATTACHMENT,
                at(link.linkedAt(), zone),
                null,
                null,
                null,
                null,
                List.of(link.attachment())));
      }
    }

    // at the same instant: what was said before what it caused, then in the order written
    entries.sort(
        Comparator.comparing(ConversationEntry::at)
            .thenComparing(entry -> RANK.indexOf(entry.kind()))
            .thenComparing(entry -> Long.parseLong(entry.id().replaceAll("\\D", ""))));
    return entries;
  }

  /**
   * An internal note: on the path, shown in the conversation, never sent to the requester; open and
   * closed tickets alike.
   */
  @Transactional
  public ConversationEntry addNote(
      String number,
      String text,
      List<Long> documentIds,
      String actor,
      TicketQueries.Reader reader) {
    Ticket ticket = queries.get(number, reader);
    Set<Long> files = filesOf(ticket, documentIds);
    TicketEvent note = ticket.addNote(actor, text, clock.instant());
    tickets.flush();
    link(ticket, note, files);
    return simple(
        "event-" + note.getId(),
        EntryKind.NOTE,
        at(note.getOccurredAt(), sla.calendar().zone()),
        actor,
        null,
        null,
        text,
        attachmentsOf(note));
  }

  /**
   * A reply to the requester (see {@link TicketLifecycle#reply}) with the ticket's files it names.
   */
  @Transactional
  public void reply(
      String number,
      String text,
      List<Long> documentIds,
      String actor,
      TicketQueries.Reader reader) {
    Ticket ticket = queries.get(number, reader);
    Set<Long> files = filesOf(ticket, documentIds);
    TicketEvent reply =
        lifecycle.reply(
            number,
            text,
            documentIds == null ? List.of() : documentIds.stream().distinct().toList(),
            actor);
    tickets.flush();
    link(ticket, reply, files);
  }

  /** The files must already be the ticket's (uploaded to it): nothing else can be attached. */
  private Set<Long> filesOf(Ticket ticket, List<Long> documentIds) {
    if (documentIds == null || documentIds.isEmpty()) {
      return Set.of();
    }
    Set<Long> own = new HashSet<>();
    documents.linkedTo(OwnerKind.TICKET, ticket.getId()).forEach(doc -> own.add(doc.id()));
    for (Long id : documentIds) {
      if (id == null || !own.contains(id)) {
        throw new InvalidRequestException(
            "documentIds", "not a file of ticket " + ticket.getNumber() + ": " + id);
      }
    }
    return new java.util.LinkedHashSet<>(documentIds);
  }

  private void link(Ticket ticket, TicketEvent event, Set<Long> files) {
    if (files.isEmpty()) {
      return;
    }
    Map<Long, String> names = new HashMap<>();
    documents
        .linkedTo(OwnerKind.TICKET, ticket.getId())
        .forEach(doc -> names.put(doc.id(), doc.fileName()));
    for (Long id : files) {
      documents.link(id, OwnerKind.TICKET_EVENT, event.getId(), names.get(id));
    }
  }

  private List<EntryAttachment> attachmentsOf(TicketEvent event) {
    return documents.linkedTo(OwnerKind.TICKET_EVENT, event.getId()).stream()
        .map(TicketConversation::attachment)
        .toList();
  }

  private static EntryAttachment attachment(StoredDocument doc) {
    return new EntryAttachment(doc.id(), doc.fileName(), doc.contentMediaType(), doc.size());
  }

  private ConversationEntry step(
      String id, TicketEvent event, OffsetDateTime at, ZoneId zone, List<EntryAttachment> own) {
    String detail = event.getDetail();
    TicketEventKind kind = event.getKind();
    Integer priority = null;
    String slaPolicy = null;
    OffsetDateTime dueAt = null;
    String outcome = null;
    String text = WRITTEN.contains(kind) ? detail : null;
    if (detail != null) {
      switch (kind) {
        case CLASSIFIED -> {
          priority = number(PRIORITY, detail);
          slaPolicy = group(SLA, detail);
        }
        case TAKE_IN_CHARGE_OVERDUE, RESOLUTION_OVERDUE -> priority = number(PRIORITY, detail);
        case SLA_RESUMED -> dueAt = instant(group(DUE, detail), zone);
        case CLOSED -> outcome = detail;
        default -> {
          // the others carry a person's text, or a system's wording the entry does not repeat
        }
      }
    }
    return new ConversationEntry(
        id,
        EntryKind.EVENT,
        at,
        event.getActor(),
        null,
        null,
        null,
        text,
        kind.name(),
        event.getLevel(),
        event.getQueue(),
        event.getOffice(),
        priority,
        slaPolicy,
        dueAt,
        outcome,
        null,
        null,
        own);
  }

  /** An entry that is not a step of the procedure: the step's fields stay empty. */
  private static ConversationEntry message(
      String id,
      EntryKind kind,
      OffsetDateTime at,
      String actor,
      String channel,
      String direction,
      String subject,
      String text,
      String template,
      ConversationDelivery delivery,
      List<EntryAttachment> attachments) {
    return new ConversationEntry(
        id,
        kind,
        at,
        actor,
        channel,
        direction,
        subject,
        text,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        template,
        delivery,
        attachments);
  }

  private static ConversationEntry simple(
      String id,
      EntryKind kind,
      OffsetDateTime at,
      String actor,
      String channel,
      String direction,
      String text,
      List<EntryAttachment> attachments) {
    return message(id, kind, at, actor, channel, direction, null, text, null, null, attachments);
  }

  private static Integer number(Pattern pattern, String detail) {
    String value = group(pattern, detail);
    return value == null ? null : Integer.valueOf(value);
  }

  private static String group(Pattern pattern, String detail) {
    Matcher matcher = pattern.matcher(detail);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static OffsetDateTime instant(String value, ZoneId zone) {
    if (value == null) {
      return null;
    }
    try {
      return at(Instant.parse(value), zone);
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  private static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }

  // ---- reads -----------------------------------------------------------------------------------

  private record InteractionRow(
      long id,
      String channel,
      String direction,
      String kind,
      String summary,
      Instant occurredAt,
      String recordedBy) {}

  private List<InteractionRow> interactions(long ticketId) {
    return jdbc.sql(
            """
            select id, channel, direction, kind, summary, occurred_at, recorded_by
            from sportello.interaction where ticket_id = ? order by occurred_at, id""")
        .param(ticketId)
        .query(
            (rs, n) ->
                new InteractionRow(
                    rs.getLong("id"),
                    rs.getString("channel"),
                    rs.getString("direction"),
                    rs.getString("kind"),
                    rs.getString("summary"),
                    DbRows.instant(rs, "occurred_at"),
                    rs.getString("recorded_by")))
        .list();
  }

  private record Notification(
      long id,
      String dedupKey,
      String channel,
      String template,
      String status,
      Instant createdAt,
      Instant sentAt,
      String mailStatus,
      Instant mailSentAt,
      String pecState) {

    /** The mail's own state when it went through the mail outbox, else the notification's. */
    ConversationDelivery delivery(ZoneId zone) {
      boolean mail = mailStatus != null;
      return new ConversationDelivery(
          mail ? mailStatus : status, channel, at(mail ? mailSentAt : sentAt, zone), pecState);
    }
  }

  private List<Notification> notifications(long ticketId) {
    return jdbc.sql(
            """
            select n.id, n.dedup_key, n.channel, n.template, n.status, n.created_at, n.sent_at,
                   m.status as mail_status, m.sent_at as mail_sent_at, m.pec_state
            from sportello.notification_outbox n
            left join sportello.outbound_mail m on m.notification_id = n.id
            where n.ticket_id = ? and n.recipient_kind = 'REQUESTER'
            order by n.created_at, n.id""")
        .param(ticketId)
        .query(
            (rs, n) ->
                new Notification(
                    rs.getLong("id"),
                    rs.getString("dedup_key"),
                    rs.getString("channel"),
                    rs.getString("template"),
                    rs.getString("status"),
                    DbRows.instant(rs, "created_at"),
                    DbRows.instant(rs, "sent_at"),
                    rs.getString("mail_status"),
                    DbRows.instant(rs, "mail_sent_at"),
                    rs.getString("pec_state")))
        .list();
  }

  private record Link(
      String ownerKind,
      long ownerId,
      long documentId,
      String fileName,
      String mediaType,
      long size,
      Instant linkedAt) {

    EntryAttachment attachment() {
      return new EntryAttachment(documentId, fileName, mediaType, size);
    }
  }

  /**
   * One indexed look-up per kind of owner (the primary key's {@code (owner_kind, owner_id)}), not
   * one condition with {@code or}, which the planner answers by reading the whole link table.
   */
  private List<Link> links(long ticketId) {
    return jdbc.sql(
            """
            select l.owner_kind, l.owner_id, l.document_id, l.file_name, l.linked_at,
                   coalesce(d.content_media_type, d.media_type) as media_type, d.size_bytes
            from (select l.* from sportello.document_link l
                  where l.owner_kind = 'TICKET' and l.owner_id = :ticket
                  union all
                  select l.* from sportello.document_link l
                  join sportello.interaction i on i.id = l.owner_id
                  where l.owner_kind = 'INTERACTION' and i.ticket_id = :ticket
                  union all
                  select l.* from sportello.document_link l
                  join sportello.ticket_event e on e.id = l.owner_id
                  where l.owner_kind = 'TICKET_EVENT' and e.ticket_id = :ticket) l
            join sportello.document d on d.id = l.document_id
            order by l.linked_at, l.document_id""")
        .param("ticket", ticketId)
        .query(
            (rs, n) ->
                new Link(
                    rs.getString("owner_kind"),
                    rs.getLong("owner_id"),
                    rs.getLong("document_id"),
                    rs.getString("file_name"),
                    rs.getString("media_type"),
                    rs.getLong("size_bytes"),
                    DbRows.instant(rs, "linked_at")))
        .list();
  }

  /** The ticket's files by owner ({@code INTERACTION:<id>}, {@code TICKET_EVENT:<id>}, ...). */
  private static Map<String, List<EntryAttachment>> byOwner(List<Link> links) {
    Map<String, List<EntryAttachment>> byOwner = new HashMap<>();
    for (Link link : links) {
      byOwner
          .computeIfAbsent(link.ownerKind() + ":" + link.ownerId(), key -> new ArrayList<>())
          .add(link.attachment());
    }
    return byOwner;
  }
}
