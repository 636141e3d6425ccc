package it.sportello.worklist.process;

import static it.sportello.processes.ProcedureProcesses.Variables.SUBJECT_KIND;

import it.sportello.processes.TicketProcess;
import it.sportello.worklist.GroupWork;
import it.sportello.worklist.InboxFilter;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inbox read model, {@code sportello.inbox_task} (ADR 0035): one row per open user task with
 * its candidate groups, its process's business key and the process variables the inbox filters on.
 * Written in the engine's transaction ({@link InboxChanges}); read by {@link CamundaWorklist} for
 * the inbox, its filters, its SLA states and the supervisors' board.
 */
@Component
class InboxTable {

  /** The process variables kept as columns, by variable name. */
  static final Map<String, String> COLUMNS =
      Map.of(
          TicketProcess.Variables.QUEUE,
          "queue",
          TicketProcess.Variables.TICKET_TYPE,
          "ticket_type",
          TicketProcess.Variables.CHANNEL,
          "channel",
          TicketProcess.Variables.LANGUAGE,
          "language",
          TicketProcess.Variables.PRIORITY,
          "ticket_priority",
          SUBJECT_KIND,
          "subject_kind");

  /** The columns holding a number (the others hold text): the filters' values are typed. */
  private static final Set<String> NUMBER_COLUMNS = Set.of("ticket_priority");

  private static final String REBUILD = "it/sportello/worklist/process/inbox-rebuild.sql";

  private static final String ROWS = "it/sportello/worklist/process/inbox-rows.sql";

  /** The rows of given tasks and of the tasks of given process instances ({@value #ROWS}). */
  private static final String INSERT_ROWS = statements(ROWS).get(0);

  private static final String ITEM_COLUMNS =
      "task_id, name, task_key, process_key, process_instance_id, business_key, assignee,"
          + " created_at, due_at, priority, subject_kind";

  /** The inbox's order (the index inbox_task_due_idx). */
  private static final String ORDER = " order by due_at asc nulls last, created_at, task_id";

  private final NamedParameterJdbcTemplate jdbc;
  private final int countAtMost;

  InboxTable(
      NamedParameterJdbcTemplate jdbc,
      @Value("${sportello.inbox.count-at-most:10000}") int countAtMost) {
    this.jdbc = jdbc;
    this.countAtMost = countAtMost;
  }

  /** A task's place in an inbox and its process instance (for the variables a ranking reads). */
  record Fact(String taskId, String processInstanceId, Instant dueAt, Instant createdAt) {}

  /**
   * Writes the rows of these tasks and of the tasks of these process instances again from the
   * engine's tables (removed if no longer open), in the caller's transaction, after the engine
   * flushed its changes.
   */
  void refresh(Collection<String> taskIds, Collection<String> processInstanceIds) {
    if (taskIds.isEmpty() && processInstanceIds.isEmpty()) {
      return;
    }
    String[] tasks = taskIds.toArray(String[]::new);
    String[] instances = processInstanceIds.toArray(String[]::new);
    JdbcTemplate sql = jdbc.getJdbcTemplate();
    sql.update(
        "delete from sportello.inbox_task where task_id = any(cast(? as varchar[]))"
            + " or process_instance_id = any(cast(? as varchar[]))",
        tasks,
        instances);
    sql.update(INSERT_ROWS, tasks, instances);
  }

  /** Makes the table equal to the engine's open tasks; returns the rows removed and added. */
  int rebuild() {
    List<String> rebuild = rebuildStatements();
    JdbcTemplate sql = jdbc.getJdbcTemplate();
    int removed = sql.update(rebuild.get(0));
    String[] missing = sql.queryForList(rebuild.get(1), String.class).toArray(String[]::new);
    return removed + (missing.length == 0 ? 0 : sql.update(INSERT_ROWS, missing, new String[0]));
  }

  /**
   * The statements of {@value #REBUILD}: the delete of rows whose task is no longer open, the
   * select of the open tasks without a row (whose rows {@value #ROWS} writes).
   */
  static List<String> rebuildStatements() {
    return statements(REBUILD);
  }

  /** The statements of a SQL file of this package, separated by lines holding only ';'. */
  private static List<String> statements(String resource) {
    try (InputStream in = InboxTable.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return java.util.Arrays.stream(sql.split("(?m)^;\\s*$"))
          .map(String::strip)
          .filter(part -> !part.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The inbox's page, and its total counted up to {@code sportello.inbox.count-at-most} (beyond,
   * that number); empty if the filter names a variable this table does not keep.
   */
  Optional<Inbox> inbox(Worker worker, InboxFilter filter, Instant now, int page, int size) {
    Optional<Where> where = where(worker, filter, now);
    if (where.isEmpty()) {
      return Optional.empty();
    }
    MapSqlParameterSource params =
        where.get().params.addValue("limit", size).addValue("offset", (long) page * size);
    String matching =
        "select " + ITEM_COLUMNS + " from sportello.inbox_task where " + where.get().sql;
    List<WorkItem> items =
        jdbc.query(
            (filter.urgency() == InboxFilter.Urgency.FOLLOW_UP
                    // at risk: found by the follow-up date's index, then sorted (the planner would
                    // read the due-date index in order and drop most of it; ADR 0035, V65)
                    ? "with matching as materialized (" + matching + ") select * from matching"
                    : matching)
                + ORDER
                + " limit :limit offset :offset",
            params,
            ITEM);
    long total;
    if (page == 0 && items.size() < size) {
      total = items.size();
    } else {
      Long counted =
          jdbc.queryForObject(
              "select count(*) from (select 1 from sportello.inbox_task where "
                  + where.get().sql
                  + " limit :countAtMost) matching",
              params.addValue("countAtMost", countAtMost),
              Long.class);
      total = Math.max(counted == null ? 0 : counted, (long) page * size + items.size());
    }
    return Optional.of(new Inbox(items, total));
  }

  record Inbox(List<WorkItem> items, long total) {}

  /** The inbox's tasks by id, at most {@code limit}; empty as {@link #inbox}. */
  Optional<List<Fact>> facts(Worker worker, InboxFilter filter, Instant now, int limit) {
    return where(worker, filter, now)
        .map(
            where ->
                jdbc.query(
                    "select task_id, process_instance_id, due_at, created_at"
                        + " from sportello.inbox_task where "
                        + where.sql
                        + " order by task_id limit :limit",
                    where.params.addValue("limit", limit),
                    (rs, n) ->
                        new Fact(
                            rs.getString(1),
                            rs.getString(2),
                            instant(rs.getTimestamp(3)),
                            instant(rs.getTimestamp(4)))));
  }

  /** The tasks offered to the group by the inbox's order: only the waiting ones, or all. */
  List<WorkItem> ofGroup(String group, boolean waitingOnly, int limit) {
    return jdbc.query(
        "select "
            + ITEM_COLUMNS
            + " from sportello.inbox_task where candidate_groups @> array[cast(:group as varchar)]"
            + (waitingOnly ? " and assignee is null" : "")
            + ORDER
            + " limit :limit",
        new MapSqlParameterSource("group", group).addValue("limit", limit),
        ITEM);
  }

  /** The tasks someone has taken, by the inbox's order. */
  List<WorkItem> assigned(int limit) {
    return jdbc.query(
        "select "
            + ITEM_COLUMNS
            + " from sportello.inbox_task where assignee is not null"
            + ORDER
            + " limit :limit",
        new MapSqlParameterSource("limit", limit),
        ITEM);
  }

  /** The open tasks of each group (missing: a group without tasks), measured at {@code now}. */
  Map<String, GroupWork> workload(Collection<String> groups, Instant now) {
    Map<String, GroupWork> work = new HashMap<>();
    if (groups.isEmpty()) {
      return work;
    }
    jdbc.query(
        """
        select g.id,
               count(*) filter (where t.assignee is null),
               count(*) filter (where t.assignee is not null),
               min(t.created_at) filter (where t.assignee is null),
               count(*) filter (where t.follow_up_at < :now and t.due_at > :now),
               count(*) filter (where t.due_at < :now)
          from sportello.inbox_task t cross join lateral unnest(t.candidate_groups) as g(id)
         where t.candidate_groups && cast(:groups as varchar[])
           and g.id = any(cast(:groups as varchar[]))
         group by g.id
        """,
        new MapSqlParameterSource("now", timestamp(now))
            .addValue("groups", groups.toArray(String[]::new)),
        (ResultSet rs) -> {
          String group = rs.getString(1);
          work.put(
              group,
              new GroupWork(
                  group,
                  group,
                  rs.getLong(2),
                  rs.getLong(3),
                  instant(rs.getTimestamp(4)),
                  rs.getLong(5),
                  rs.getLong(6)));
        });
    return work;
  }

  private record Where(String sql, MapSqlParameterSource params) {}

  /** The tasks of the worker's inbox narrowed by the filter; empty if a variable is not kept. */
  private Optional<Where> where(Worker worker, InboxFilter filter, Instant now) {
    MapSqlParameterSource params = new MapSqlParameterSource("user", worker.userId());
    List<String> conditions = new ArrayList<>();
    if (worker.groupIds().isEmpty()) {
      conditions.add("assignee = :user");
    } else {
      // as the engine's candidate-group query: a taken task is in its assignee's inbox only
      conditions.add(
          "(assignee = :user or (assignee is null and candidate_groups && cast(:groups as varchar[])))");
      params.addValue("groups", worker.groupIds().toArray(String[]::new));
    }
    if (filter.businessKey() != null) {
      conditions.add("business_key = :businessKey");
      params.addValue("businessKey", filter.businessKey());
    }
    if (filter.businessKeyContains() != null) {
      conditions.add("business_key like :businessKeyLike");
      params.addValue("businessKeyLike", "%" + likeEscaped(filter.businessKeyContains()) + "%");
    }
    if (filter.requester() != null) {
      // as the ticket search matched requesters: a part of the name in any case, or a whole fiscal
      // code, VAT number (any case), e-mail (any case) or phone; wildcards typed are dropped (V66)
      String needle =
          filter.requester().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
      if (needle.isEmpty()) {
        conditions.add("false");
      } else {
        conditions.add(
            "(lower(requester_name) like :requesterLike"
                + " or upper(requester_fiscal_code) = upper(:requester)"
                + " or upper(requester_vat_number) = upper(:requester)"
                + " or lower(requester_email) = :requester or requester_phone = :requester)");
        params.addValue("requester", needle).addValue("requesterLike", "%" + needle + "%");
      }
    }
    for (Map.Entry<String, Object> variable : filter.variables().entrySet()) {
      String column = COLUMNS.get(variable.getKey());
      Object value = variable.getValue();
      boolean number = NUMBER_COLUMNS.contains(column);
      if (column == null
          || value == null
          || (number ? !(value instanceof Integer) : !(value instanceof String))) {
        return Optional.empty();
      }
      conditions.add(column + " = :v_" + column);
      params.addValue("v_" + column, value);
    }
    if (filter.urgency() != null) {
      params.addValue("now", timestamp(now));
      conditions.add(
          switch (filter.urgency()) {
            case OVERDUE -> "due_at < :now";
            case FOLLOW_UP -> "follow_up_at < :now and due_at > :now";
            case ON_TIME -> "follow_up_at > :now and due_at > :now";
          });
    }
    return Optional.of(new Where(String.join(" and ", conditions), params));
  }

  /** The text as a LIKE pattern matching it literally (backslash is PostgreSQL's escape). */
  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static final RowMapper<WorkItem> ITEM =
      (rs, n) ->
          new WorkItem(
              rs.getString("task_id"),
              rs.getString("name"),
              rs.getString("task_key"),
              rs.getString("process_key"),
              rs.getString("process_instance_id"),
              rs.getString("business_key"),
              rs.getString("assignee"),
              instant(rs.getTimestamp("created_at")),
              instant(rs.getTimestamp("due_at")),
              rs.getInt("priority"),
              rs.getString("subject_kind"));

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
