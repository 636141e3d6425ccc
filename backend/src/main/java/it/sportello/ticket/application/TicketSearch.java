package it.sportello.ticket.application;

import it.sportello.ticket.application.TicketQueries.Reader;
import it.sportello.ticket.application.TicketSearchCriteria.Order;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search across tickets, in SQL on our tables: the filters of {@link TicketSearchCriteria}, one of
 * the table's orders, offset paging and a count that stops at {@link #COUNT_LIMIT} ("at least N"),
 * so that a page costs the same on 2.5 million tickets as on a thousand.
 *
 * <p>Free text is PostgreSQL full text with the Italian configuration over subject and description
 * (the stored column {@code search_vector} and its GIN index); its count stops at {@link
 * #TEXT_COUNT_LIMIT}. A part of the requester's name goes through the trigram index on {@code
 * lower(contact.name)}; fiscal code and e-mail through the contact's own indexes.
 */
@Service
public class TicketSearch {

  /** Counts stop here: beyond it the answer is "at least". */
  public static final int COUNT_LIMIT = 10_000;

  /** Deepest row a page may reach (offset paging stays cheap up to here). */
  public static final int MAX_OFFSET = 10_000;

  /**
   * Counts of a free-text search stop here: a common word matches a large part of the table, and
   * each match counted is a row fetched at random from the heap.
   */
  public static final int TEXT_COUNT_LIMIT = 200;

  /** Subject and description as Italian full text: the stored column of {@code V31}, indexed. */
  private static final String TEXT = "t.search_vector";

  /** PostgreSQL's SQLSTATE of a statement cancelled by {@code statement_timeout}. */
  private static final String QUERY_CANCELED = "57014";

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final TicketQueries needToKnow;

  TicketSearch(
      NamedParameterJdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      TicketQueries needToKnow) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    ownTransaction.setReadOnly(true);
    this.needToKnow = needToKnow;
  }

  /** One row of the result table. */
  public record Row(
      String number,
      String subject,
      String requesterName,
      String status,
      String queue,
      String channel,
      String type,
      Integer priority,
      Instant receivedAt,
      Instant resolutionDueAt,
      boolean breached,
      String assignee) {}

  /** A page and the count of all matches, exact when below the limit. */
  public record Result(List<Row> rows, long total, boolean totalExact) {}

  /**
   * A count that stops at the limit.
   *
   * @param known false when the count took too long and was given up ({@link #countWithin}): {@code
   *     count} is then 0 and means nothing
   */
  public record Count(long count, boolean exact, boolean known) {

    public Count(long count, boolean exact) {
      this(count, exact, true);
    }

    /** A count given up. */
    public static final Count UNKNOWN = new Count(0, false, false);
  }

  @Transactional(readOnly = true)
  public Result search(
      TicketSearchCriteria criteria,
      Order order,
      Reader reader,
      ZoneId zone,
      int offset,
      int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    String where = where(criteria, reader, zone, parameters);
    String direction = order.descending() ? " desc" : " asc";
    String orderBy =
        switch (order.by()) {
          case NUMBER -> "t.number" + direction;
          case RECEIVED -> "t.received_at" + direction + ", t.id" + direction;
          case PRIORITY, STATUS ->
              order.by().column + direction + ", t.received_at" + direction + ", t.id" + direction;
          case DUE -> "t.resolution_due_at" + direction + ", t.id" + direction;
        };
    parameters.addValue("limit", size).addValue("offset", offset);
    List<Row> rows =
        jdbc.query(
            "select t.number, t.subject, c.name as requester_name, t.status, t.queue, t.channel,"
                + " t.type, t.priority, t.received_at, t.resolution_due_at,"
                + " (t.take_in_charge_breached or t.resolution_breached) as breached,"
                + " t.taken_in_charge_by"
                + " from sportello.ticket t left join sportello.contact c on c.id = t.requester_id"
                + where
                + " order by "
                + orderBy
                + " limit :limit offset :offset",
            parameters,
            TicketSearch::row);
    Count count =
        rows.size() < size && (offset == 0 || !rows.isEmpty())
            ? new Count(offset + rows.size(), true)
            : count(where, parameters, countLimit(criteria));
    return new Result(rows, count.count(), count.exact());
  }

  /**
   * How many tickets match, up to {@link #COUNT_LIMIT} ({@link #TEXT_COUNT_LIMIT} with free text).
   */
  @Transactional(readOnly = true)
  public Count count(TicketSearchCriteria criteria, Reader reader, ZoneId zone) {
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    return count(where(criteria, reader, zone, parameters), parameters, countLimit(criteria));
  }

  /**
   * As {@link #count}, in a transaction of its own whose statements are cancelled after {@code
   * timeout} ({@code SET LOCAL statement_timeout}): a slow count answers {@link Count#UNKNOWN}
   * rather than holding up the caller. Also when called inside a transaction, whose state it leaves
   * as it was.
   */
  public Count countWithin(
      TicketSearchCriteria criteria, Reader reader, ZoneId zone, Duration timeout) {
    long millis = Math.max(1, timeout.toMillis());
    try {
      return ownTransaction.execute(
          status -> {
            // a number we made, not the caller's text: SET takes no bind parameters
            jdbc.getJdbcTemplate().execute("set local statement_timeout = " + millis);
            return count(criteria, reader, zone);
          });
    } catch (DataAccessException e) {
      if (e.getMostSpecificCause() instanceof SQLException sql
          && QUERY_CANCELED.equals(sql.getSQLState())) {
        return Count.UNKNOWN;
      }
      throw e;
    }
  }

  /** Where the count of these criteria stops. */
  public static int countLimit(TicketSearchCriteria criteria) {
    return criteria.text() != null ? TEXT_COUNT_LIMIT : COUNT_LIMIT;
  }

  private Count count(String where, MapSqlParameterSource parameters, int limit) {
    parameters.addValue("countLimit", limit + 1);
    Long counted =
        jdbc.queryForObject(
            "select count(*) from (select 1 from sportello.ticket t"
                + where
                + " limit :countLimit) matches",
            parameters,
            Long.class);
    long value = counted == null ? 0 : counted;
    return value > limit ? new Count(limit, false) : new Count(value, true);
  }

  private String where(
      TicketSearchCriteria criteria, Reader reader, ZoneId zone, MapSqlParameterSource parameters) {
    List<String> conditions = new ArrayList<>();
    if (reader.staff()) {
      // need to know (TicketQueries): restricted queues for their members only; staff who do not
      // read all: their queues and the tickets they worked on or their offices were assigned
      List<String> barred = needToKnow.barredQueues(reader);
      if (!barred.isEmpty()) {
        parameters.addValue("barredQueues", barred);
        conditions.add("t.queue not in (:barredQueues)");
      }
      if (!needToKnow.readsAll(reader)) {
        parameters.addValue("reader", reader.userId());
        parameters.addValue(
            "readerGroups", reader.groups().isEmpty() ? List.of("") : List.copyOf(reader.groups()));
        conditions.add(
            "(t.queue in (:readerGroups) or exists (select 1 from sportello.ticket_event e"
                + " where e.ticket_id = t.id and (e.actor = :reader or e.office in"
                + " (:readerGroups))))");
      }
    } else {
      // an office reads the tickets assigned to one of its groups; an external system its own
      parameters.addValue("reader", reader.userId());
      if (reader.groups().isEmpty()) {
        conditions.add("t.created_by = :reader");
      } else {
        parameters.addValue("readerGroups", List.copyOf(reader.groups()));
        conditions.add(
            "(t.created_by = :reader or exists (select 1 from sportello.ticket_event e"
                + " where e.ticket_id = t.id and e.office in (:readerGroups)))");
      }
    }
    if (criteria.number() != null) {
      conditions.add("t.number = :number");
      parameters.addValue("number", criteria.number());
    }
    if (criteria.text() != null) {
      conditions.add(TEXT + " @@ websearch_to_tsquery('italian', :text)");
      parameters.addValue("text", criteria.text());
    }
    if (criteria.requester() != null) {
      conditions.add(
          "t.requester_id in (select id from sportello.contact where lower(name) like :requester)");
      parameters.addValue("requester", "%" + likeEscaped(criteria.requester().toLowerCase()) + "%");
    }
    if (criteria.fiscalCode() != null) {
      conditions.add(
          "t.requester_id in (select id from sportello.contact where fiscal_code = :fiscalCode)");
      parameters.addValue("fiscalCode", criteria.fiscalCode());
    }
    if (criteria.email() != null) {
      conditions.add(
          "t.requester_id in (select id from sportello.contact where lower(email) = lower(:email))");
      parameters.addValue("email", criteria.email());
    }
    if (!criteria.statuses().isEmpty()) {
      conditions.add("t.status in (:statuses)");
      parameters.addValue("statuses", criteria.statuses().stream().map(Enum::name).toList());
    }
    if (criteria.queue() != null) {
      conditions.add("t.queue = :queue");
      parameters.addValue("queue", criteria.queue());
    }
    if (criteria.channel() != null) {
      conditions.add("t.channel = :channel");
      parameters.addValue("channel", criteria.channel().name());
    }
    if (criteria.type() != null) {
      conditions.add("t.type = :type");
      parameters.addValue("type", criteria.type().name());
    }
    if (criteria.open()) {
      // literally as in the partial indexes' predicates, so that the planner can use them
      conditions.add("t.status <> 'CLOSED'");
    }
    if (criteria.mine()) {
      conditions.add("t.taken_in_charge_by = :me");
      parameters.addValue("me", reader.userId());
    }
    if (criteria.unassigned()) {
      conditions.add("t.taken_in_charge_by is null");
    }
    if (criteria.breached() != null) {
      conditions.add(
          criteria.breached()
              ? "(t.take_in_charge_breached or t.resolution_breached)"
              : "not (t.take_in_charge_breached or t.resolution_breached)");
    }
    if (criteria.receivedFrom() != null) {
      conditions.add("t.received_at >= :receivedFrom");
      parameters.addValue(
          "receivedFrom", Timestamp.from(criteria.receivedFrom().atStartOfDay(zone).toInstant()));
    }
    if (criteria.receivedTo() != null) {
      conditions.add("t.received_at < :receivedTo");
      parameters.addValue(
          "receivedTo",
          Timestamp.from(criteria.receivedTo().plusDays(1).atStartOfDay(zone).toInstant()));
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Row row(ResultSet result, int index) throws SQLException {
    Timestamp received = result.getTimestamp("received_at");
    Timestamp due = result.getTimestamp("resolution_due_at");
    Integer priority = result.getObject("priority", Integer.class);
    return new Row(
        result.getString("number"),
        result.getString("subject"),
        result.getString("requester_name"),
        result.getString("status"),
        result.getString("queue"),
        result.getString("channel"),
        result.getString("type"),
        priority,
        received == null ? null : received.toInstant(),
        due == null ? null : due.toInstant(),
        result.getBoolean("breached"),
        result.getString("taken_in_charge_by"));
  }
}
