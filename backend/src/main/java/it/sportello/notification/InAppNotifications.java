package it.sportello.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.platform.web.UserEvents;
import it.sportello.platform.web.UserEvents.Audience;
import it.sportello.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notifications in the application (the bell and the inbox's badges): written in the business
 * transaction that causes them, at most once per business event and recipient, read per user. A
 * group's notification is seen by every member and read by each on their own.
 */
@Service
public class InAppNotifications {

  /** The event on the user's stream that tells a browser to reload its notifications. */
  static final String EVENT = "notification";

  /** The reader: a user and the groups they belong to. */
  public record Reader(String userId, Collection<String> groupIds) {}

  /** The tickets with unread notifications, with what they are about. */
  public record UnreadTicket(String ticketNumber, List<AppNotificationKind> kinds) {}

  private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};

  private static final String VISIBLE =
      " ((n.recipient_kind = 'USER' and n.recipient = :user)"
          + " or (n.recipient_kind = 'GROUP' and n.recipient in (:groups))) ";
  private static final String UNREAD =
      " not exists (select 1 from sportello.app_notification_read r"
          + " where r.notification_id = n.id and r.user_id = :user) ";

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;
  private final TicketTasks tasks;
  private final UserEvents events;
  private final Clock clock;

  InAppNotifications(
      NamedParameterJdbcTemplate jdbc,
      ObjectMapper json,
      TicketTasks tasks,
      UserEvents events,
      Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.tasks = tasks;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Notifies these recipients of a business event, named by {@code event} (e.g. {@code
   * RS-2026-000001:RESOLUTION_OVERDUE}): the same event again notifies no one twice.
   *
   * @param params plain values (user ids, instants), never text in a language
   */
  @Transactional
  public void publish(
      String event,
      AppNotificationKind kind,
      String ticketNumber,
      Map<String, String> params,
      Collection<Recipient> recipients) {
    String paramsJson;
    try {
      paramsJson = json.writeValueAsString(new TreeMap<>(params));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Instant now = clock.instant();
    int written = 0;
    for (Recipient recipient : new LinkedHashSet<>(recipients)) {
      written +=
          jdbc.update(
              "insert into sportello.app_notification (dedup_key, recipient_kind, recipient, kind,"
                  + " ticket_number, params, created_at)"
                  + " values (:key, :type, :recipient, :kind, :number, cast(:params as jsonb), :now)"
                  + " on conflict (dedup_key, recipient_kind, recipient) do nothing",
              new MapSqlParameterSource()
                  .addValue("key", event)
                  .addValue("type", recipient.type().name())
                  .addValue("recipient", recipient.id())
                  .addValue("kind", kind.name())
                  .addValue("number", ticketNumber)
                  .addValue("params", paramsJson)
                  .addValue("now", java.sql.Timestamp.from(now)));
    }
    if (written > 0) {
      signalAfterCommit(recipients);
    }
  }

  /**
   * Who works the ticket now: the assignees of its open tasks; when nobody holds one, the groups
   * its open tasks are offered to; empty when it has no open task.
   */
  @Transactional(readOnly = true)
  public List<Recipient> holders(String ticketNumber) {
    List<TicketTasks.OpenTask> open = tasks.openTasks(ticketNumber);
    Set<Recipient> assignees = new LinkedHashSet<>();
    Set<Recipient> groups = new LinkedHashSet<>();
    for (TicketTasks.OpenTask task : open) {
      if (task.assignee() != null) {
        assignees.add(Recipient.user(task.assignee()));
      } else {
        task.candidateGroups().forEach(group -> groups.add(Recipient.group(group)));
      }
    }
    return List.copyOf(assignees.isEmpty() ? groups : assignees);
  }

  /** The assignees of the ticket's open tasks. */
  @Transactional(readOnly = true)
  public List<Recipient> assignees(String ticketNumber) {
    return tasks.openTaskAssignees(ticketNumber).stream().map(Recipient::user).distinct().toList();
  }

  /**
   * The reader's latest notifications (of one ticket, if given), newest first, each with its
   * ticket's open task if any.
   */
  @Transactional(readOnly = true)
  public List<AppNotification> latest(Reader reader, String ticketNumber, int limit) {
    List<Row> rows =
        jdbc.query(
            "select n.id, n.kind, n.ticket_number, n.params::text as params, n.created_at, not"
                + UNREAD
                + "as read from sportello.app_notification n where"
                + VISIBLE
                + (ticketNumber == null ? "" : "and n.ticket_number = :number ")
                + "order by n.id desc limit :limit",
            params(reader).addValue("limit", limit).addValue("number", ticketNumber),
            this::row);
    Map<String, String> openTasks =
        rows.isEmpty()
            ? Map.of()
            : tasks.firstOpenTask(new TreeSet<>(rows.stream().map(Row::ticketNumber).toList()));
    return rows.stream()
        .map(
            row ->
                new AppNotification(
                    row.id(),
                    row.kind(),
                    row.ticketNumber(),
                    row.params(),
                    row.createdAt(),
                    row.read(),
                    openTasks.get(row.ticketNumber())))
        .toList();
  }

  @Transactional(readOnly = true)
  public long unreadCount(Reader reader) {
    Long count =
        jdbc.queryForObject(
            "select count(*) from sportello.app_notification n where" + VISIBLE + "and" + UNREAD,
            params(reader),
            Long.class);
    return count == null ? 0 : count;
  }

  /** The tickets with unread notifications for the reader (the inbox's row badges). */
  @Transactional(readOnly = true)
  public List<UnreadTicket> unreadTickets(Reader reader) {
    Map<String, Set<AppNotificationKind>> byTicket = new LinkedHashMap<>();
    jdbc.query(
        "select n.ticket_number, n.kind from sportello.app_notification n where"
            + VISIBLE
            + "and"
            + UNREAD
            + "order by n.id desc limit 2000",
        params(reader),
        (ResultSet rs) -> {
          byTicket
              .computeIfAbsent(rs.getString(1), number -> new LinkedHashSet<>())
              .add(AppNotificationKind.valueOf(rs.getString(2)));
        });
    List<UnreadTicket> result = new ArrayList<>();
    byTicket.forEach((number, kinds) -> result.add(new UnreadTicket(number, List.copyOf(kinds))));
    return result;
  }

  /**
   * The reader read this notification.
   *
   * @throws NotFoundException when it is not one of theirs
   */
  @Transactional
  public void markRead(Reader reader, long id) {
    Integer visible =
        jdbc.queryForObject(
            "select count(*) from sportello.app_notification n where n.id = :id and" + VISIBLE,
            params(reader).addValue("id", id),
            Integer.class);
    if (visible == null || visible == 0) {
      throw new NotFoundException("No notification " + id);
    }
    jdbc.update(
        "insert into sportello.app_notification_read (notification_id, user_id, read_at)"
            + " values (:id, :user, :now) on conflict do nothing",
        params(reader)
            .addValue("id", id)
            .addValue("now", java.sql.Timestamp.from(clock.instant())));
  }

  /** The reader read all their notifications, or all those of one ticket. */
  @Transactional
  public int markAllRead(Reader reader, String ticketNumber) {
    return jdbc.update(
        "insert into sportello.app_notification_read (notification_id, user_id, read_at)"
            + " select n.id, :user, :now from sportello.app_notification n where"
            + VISIBLE
            + "and"
            + UNREAD
            + (ticketNumber == null ? "" : "and n.ticket_number = :number")
            + " on conflict do nothing",
        params(reader)
            .addValue("now", java.sql.Timestamp.from(clock.instant()))
            .addValue("number", ticketNumber));
  }

  private static MapSqlParameterSource params(Reader reader) {
    List<String> groups = new ArrayList<>(reader.groupIds());
    if (groups.isEmpty()) {
      groups.add("");
    }
    return new MapSqlParameterSource().addValue("user", reader.userId()).addValue("groups", groups);
  }

  private record Row(
      long id,
      AppNotificationKind kind,
      String ticketNumber,
      Map<String, String> params,
      Instant createdAt,
      boolean read) {}

  private Row row(ResultSet rs, int rowNum) throws SQLException {
    Map<String, String> params;
    try {
      params = json.readValue(rs.getString("params"), PARAMS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new Row(
        rs.getLong("id"),
        AppNotificationKind.valueOf(rs.getString("kind")),
        rs.getString("ticket_number"),
        params,
        rs.getTimestamp("created_at").toInstant(),
        rs.getBoolean("read"));
  }

  /**
   * Tells the recipients' open browsers that they have new notifications ({@code notification} on
   * their event streams, data {@code changed}); each then reloads its own.
   */
  private void signalAfterCommit(Collection<Recipient> recipients) {
    Audience audience =
        Audience.of(
            recipients.stream()
                .filter(recipient -> recipient.type() == Recipient.Type.USER)
                .map(Recipient::id)
                .toList(),
            recipients.stream()
                .filter(recipient -> recipient.type() == Recipient.Type.GROUP)
                .map(Recipient::id)
                .toList());
    Runnable signal = () -> events.send(audience, EVENT, "changed");
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      signal.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            signal.run();
          }
        });
  }
}
