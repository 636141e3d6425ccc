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
import java.util.Set;
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
 * #SELECTIVE_COUNT_LIMIT}, as that of a part of the requester's name. A part of the requester's
 * name goes through the trigram index on {@code lower(contact.name)}; fiscal code and e-mail
 * through the contact's own indexes.
 */
@Service
public class TicketSearch {

  /** Counts stop here: beyond it the answer is "at least". */
  public static final int COUNT_LIMIT = 10_000;

  /** Deepest row a page may reach (offset paging stays cheap up to here). */
  public static final int MAX_OFFSET = 10_000;

  /**
   * Counts of a search with free text or a part of the requester's name stop here: a common word or
   * name matches a large part of the table, and each match counted is a row fetched at random from
   * the heap. Up to here the matches are found through the GIN indexes first (see {@link
   * #candidates}), so the count is exact and the page sorts only those rows.
   */
  public static final int SELECTIVE_COUNT_LIMIT = 200;

  /**
   * Share of the tickets (in the statistics of {@code search_vector}) from which one word alone is
   * searched by walking the tickets newest first instead of through the GIN index.
   */
  static final double COMMON_WORD_SHARE = 0.01;

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
    String where = where(criteria, reader, zone, parameters, true);
    parameters.addValue("limit", size).addValue("offset", offset);
    if (selective(criteria) && !commonWordAlone(criteria, reader)) {
      List<Long> candidates = candidates(criteria, reader, zone, parameters);
      if (candidates.isEmpty()) {
        return new Result(List.of(), 0, true);
      }
      if (candidates.size() <= SELECTIVE_COUNT_LIMIT) {
        // every match is known: sort and page those rows only, count them exactly
        parameters.addValue("candidates", candidates);
        String among = where + (where.isEmpty() ? " where" : " and") + " t.id in (:candidates)";
        List<Row> rows = page(among, order, parameters);
        Count count =
            unrestricted(reader)
                ? new Count(candidates.size(), true)
                : rows.size() < size && (offset == 0 || !rows.isEmpty())
                    ? new Count(offset + rows.size(), true)
                    : count(among, parameters, SELECTIVE_COUNT_LIMIT);
        return new Result(rows, count.count(), count.exact());
      }
      // many match: the ordered walk finds a page quickly
      List<Row> rows = page(where, order, parameters);
      Count count =
          rows.size() < size && (offset == 0 || !rows.isEmpty())
              ? new Count(offset + rows.size(), true)
              : unrestricted(reader)
                  ? new Count(SELECTIVE_COUNT_LIMIT, false)
                  : count(where, parameters, SELECTIVE_COUNT_LIMIT);
      return new Result(rows, count.count(), count.exact());
    }
    List<Row> rows = page(where, order, parameters);
    Count count =
        rows.size() < size && (offset == 0 || !rows.isEmpty())
            ? new Count(offset + rows.size(), true)
            : count(where, parameters, countLimit(criteria));
    return new Result(rows, count.count(), count.exact());
  }

  private List<Row> page(String where, Order order, MapSqlParameterSource parameters) {
    String direction = order.descending() ? " desc" : " asc";
    String orderBy =
        switch (order.by()) {
          case NUMBER -> "t.number" + direction;
          case RECEIVED -> "t.received_at" + direction + ", t.id" + direction;
          case PRIORITY, STATUS ->
              order.by().column + direction + ", t.received_at" + direction + ", t.id" + direction;
          case DUE -> "t.resolution_due_at" + direction + ", t.id" + direction;
        };
    return jdbc.query(
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
  }

  /**
   * How many tickets match, up to {@link #COUNT_LIMIT} ({@link #SELECTIVE_COUNT_LIMIT} with free
   * text or a part of the requester's name).
   */
  @Transactional(readOnly = true)
  public Count count(TicketSearchCriteria criteria, Reader reader, ZoneId zone) {
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    String where = where(criteria, reader, zone, parameters, true);
    if (!selective(criteria) || commonWordAlone(criteria, reader)) {
      return count(where, parameters, countLimit(criteria));
    }
    List<Long> candidates = candidates(criteria, reader, zone, parameters);
    if (unrestricted(reader) || candidates.isEmpty()) {
      return candidates.size() > SELECTIVE_COUNT_LIMIT
          ? new Count(SELECTIVE_COUNT_LIMIT, false)
          : new Count(candidates.size(), true);
    }
    if (candidates.size() <= SELECTIVE_COUNT_LIMIT) {
      parameters.addValue("candidates", candidates);
      return count(
          where + (where.isEmpty() ? " where" : " and") + " t.id in (:candidates)",
          parameters,
          SELECTIVE_COUNT_LIMIT);
    }
    return count(where, parameters, SELECTIVE_COUNT_LIMIT);
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
    return selective(criteria) ? SELECTIVE_COUNT_LIMIT : COUNT_LIMIT;
  }

  /** Free text or a part of the requester's name: found through their GIN indexes first. */
  private static boolean selective(TicketSearchCriteria criteria) {
    return criteria.text() != null || criteria.requester() != null;
  }

  /**
   * Is this search one word alone, known from the table's statistics to be in at least {@link
   * #COMMON_WORD_SHARE} of the tickets? Then the newest matches are found at once by walking the
   * received-date index, and the first 201 for the count soon after, whereas the GIN index would
   * first read all its postings (84,000 for "mensa" at 2.5 million tickets: 130–200 ms on a loaded
   * machine). Only for one word without other filters, read by staff: two common words may never be
   * in the same ticket, and a filter may leave few of a common word's tickets, both of which the
   * walk would look for through the whole table. A word the statistics do not list (a typo, a rare
   * word, no {@code ANALYZE} yet) goes through the index.
   */
  private boolean commonWordAlone(TicketSearchCriteria criteria, Reader reader) {
    if (criteria.text() == null
        || !unrestricted(reader)
        || !criteria.equals(onlyText(criteria.text()))) {
      return false;
    }
    List<Double> share =
        jdbc.queryForList(
            "select f.share from pg_catalog.pg_stats s cross join lateral"
                + " unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)"
                + " f(lexeme, share)"
                + " where s.schemaname = 'sportello' and s.tablename = 'ticket'"
                + " and s.attname = 'search_vector'"
                + " and numnode(websearch_to_tsquery('italian', :text)) = 1"
                + " and f.lexeme = (tsvector_to_array(to_tsvector('italian', :text)))[1]",
            new MapSqlParameterSource("text", criteria.text()),
            Double.class);
    return !share.isEmpty() && share.get(0) != null && share.get(0) >= COMMON_WORD_SHARE;
  }

  private static TicketSearchCriteria onlyText(String text) {
    return new TicketSearchCriteria(
        null, text, null, null, null, Set.of(), null, null, null, false, false, false, null, null,
        null);
  }

  /**
   * The ids of at most {@link #SELECTIVE_COUNT_LIMIT} + 1 tickets matching the criteria (without
   * the reader's restriction), read through the GIN indexes (full text, trigrams of the requester's
   * name) and never by walking the table in an order.
   *
   * <p>The planner cannot know how many tickets have a word: one that no ticket has (a typo) is
   * estimated as frequent as the least frequent common word, and it would walk the received-date
   * index newest first hoping for a page of matches, reading the whole table when there are none.
   * Here sequential and plain index scans are off for this one statement ({@code set local}, undone
   * right after), so the matches come from a bitmap of the GIN index: a word no ticket has costs a
   * look-up in the index, a rare word its few rows, a common word its postings and 201 rows.
   */
  private List<Long> candidates(
      TicketSearchCriteria criteria, Reader reader, ZoneId zone, MapSqlParameterSource parameters) {
    String filters = where(criteria, reader, zone, parameters, false);
    parameters.addValue("candidateLimit", SELECTIVE_COUNT_LIMIT + 1);
    jdbc.getJdbcTemplate().execute("set local enable_seqscan = off");
    jdbc.getJdbcTemplate().execute("set local enable_indexscan = off");
    List<Long> found =
        jdbc.queryForList(
            "select t.id from sportello.ticket t" + filters + " limit :candidateLimit",
            parameters,
            Long.class);
    // undone on success only: a failed statement (a count's statement_timeout) has aborted the
    // transaction, where any further statement fails and would hide the first error
    jdbc.getJdbcTemplate().execute("set local enable_seqscan to default");
    jdbc.getJdbcTemplate().execute("set local enable_indexscan to default");
    return found;
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

  /**
   * Staff who read every ticket the search can find: the candidates collected without the reader's
   * restriction are theirs, so their count is the result's count. Others (offices, external
   * systems, staff outside their need to know) have their rows and counts filtered by {@link
   * #where}.
   */
  private boolean unrestricted(Reader reader) {
    return reader.staff()
        && needToKnow.readsAll(reader)
        && needToKnow.barredQueues(reader).isEmpty();
  }

  private String where(
      TicketSearchCriteria criteria,
      Reader reader,
      ZoneId zone,
      MapSqlParameterSource parameters,
      boolean readerRestriction) {
    List<String> conditions = new ArrayList<>();
    if (readerRestriction && reader.staff()) {
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
    } else if (readerRestriction) {
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
