package it.sportello.retention;

import it.sportello.shared.RetentionTask;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A kind of data whose candidates one SQL clause names: {@code from ... where ... < :cutoff}, with
 * the column that identifies an item and the one that dates it. A batch locks its candidates
 * ({@code for update skip locked}: a second run side by side takes other rows) and removes them in
 * one transaction.
 */
final class SqlRetentionTask implements RetentionTask {

  /** Removes the items of one batch (their ids), in the batch's transaction. */
  @FunctionalInterface
  interface Removal {
    void remove(NamedParameterJdbcTemplate jdbc, List<Object> ids, Timestamp now);
  }

  private final String kind;
  private final Action action;
  private final String candidates;
  private final String id;
  private final String date;
  private final String lockOf;
  private final Removal removal;
  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SqlRetentionTask(
      String kind,
      Action action,
      String candidates,
      String id,
      String date,
      String lockOf,
      Removal removal,
      NamedParameterJdbcTemplate jdbc,
      TransactionTemplate transactions,
      Clock clock) {
    this.kind = kind;
    this.action = action;
    this.candidates = candidates;
    this.id = id;
    this.date = date;
    this.lockOf = lockOf;
    this.removal = removal;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public Action action() {
    return action;
  }

  @Override
  public Preview preview(Instant cutoff) {
    return jdbc.queryForObject(
        "select count(*), min(" + date + ") " + candidates,
        new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)),
        Preview.COUNT_AND_OLDEST);
  }

  @Override
  public int purgeBatch(Instant cutoff, int batchSize) {
    Integer removed =
        transactions.execute(
            status -> {
              List<Object> ids =
                  jdbc.queryForList(
                      "select "
                          + id
                          + " "
                          + candidates
                          + " order by "
                          + date
                          + " limit :limit for update of "
                          + lockOf
                          + " skip locked",
                      new MapSqlParameterSource("cutoff", Timestamp.from(cutoff))
                          .addValue("limit", batchSize),
                      Object.class);
              if (!ids.isEmpty()) {
                removal.remove(jdbc, ids, Timestamp.from(clock.instant()));
              }
              return ids.size();
            });
    return removed == null ? 0 : removed;
  }
}
