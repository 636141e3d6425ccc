package it.sportello.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail: appends entries to the hash chain, verifies it, and searches it.
 *
 * <p>Writers are serialised by a transaction-scoped PostgreSQL advisory lock, taken only while
 * appending: an entry recorded inside a writing transaction is kept until just before that
 * transaction commits, then appended in it (the change and its audit row commit or roll back
 * together, and the lock is held for the last moments of the transaction only); an entry recorded
 * outside one (a read, a login) is appended in a short transaction of its own. Under the lock a
 * writer reads the last row and writes {@code seq = last + 1} chained to its hash: no lost rows, no
 * forks, no gaps.
 */
@Service
public class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  /** The advisory lock's key: "audit" in ASCII. */
  private static final long LOCK = 0x6175646974L;

  private static final String PENDING = AuditLog.class.getName() + ".pending";

  private static final String COLUMNS =
      "seq, at, actor, actor_roles, action, resource_type, resource_id, subject, outcome, reason,"
          + " client_address, prev_hash, hash";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  /** The same database, read in pages of 1,000 rows (the export of a long trail). */
  private final NamedParameterJdbcTemplate streaming;

  private final TransactionTemplate ownTransaction;
  private final TransactionTemplate readTransaction;
  private final Clock clock;
  private volatile boolean enabled;

  AuditLog(
      JdbcTemplate jdbc,
      NamedParameterJdbcTemplate named,
      PlatformTransactionManager transactions,
      Clock clock,
      AuditProperties properties) {
    this.jdbc = jdbc;
    this.named = named;
    JdbcTemplate paged = new JdbcTemplate(named.getJdbcTemplate().getDataSource());
    paged.setFetchSize(1000);
    this.streaming = new NamedParameterJdbcTemplate(paged);
    this.clock = clock;
    this.enabled = properties.enabled();
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.readTransaction = new TransactionTemplate(transactions);
    readTransaction.setReadOnly(true);
  }

  /** A row of the trail, as stored. */
  public record AuditRow(
      long seq,
      OffsetDateTime at,
      String actor,
      String actorRoles,
      String action,
      String resourceType,
      String resourceId,
      String subject,
      String outcome,
      String reason,
      String clientAddress,
      String prevHash,
      String hash) {}

  /** The chain's state: intact with its rows, or the first bad row and what is wrong with it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Verification(boolean intact, long rows, Long firstBadSeq, String problem) {}

  /** Filters of a search; null means "any". {@code to} is exclusive. */
  public record AuditQuery(String subject, String actor, String action, Instant from, Instant to) {}

  /**
   * Records an entry: in the current writing transaction (just before it commits), else at once in
   * a transaction of its own. Nothing when the trail is switched off.
   */
  public void record(AuditEntry entry) {
    if (!enabled) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.isActualTransactionActive()
        && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
      pendingInThisTransaction().add(entry);
    } else {
      if (TransactionSynchronizationManager.isActualTransactionActive()) {
        // the caller's read-only transaction holds a connection while this one takes a second: a
        // full pool then waits on itself (issue 26, ADR 0028); audited reads use a writing one
        log.warn(
            "Audit entry {} {} recorded from a read-only transaction: a second connection",
            entry.action(),
            entry.resourceType());
      }
      ownTransaction.executeWithoutResult(status -> append(List.of(entry)));
    }
  }

  /** Whether entries are recorded. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Switches the trail on or off, for measuring its cost (the benchmark); the configuration's
   * {@code sportello.audit.enabled} sets it at start.
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  @SuppressWarnings("unchecked")
  private List<AuditEntry> pendingInThisTransaction() {
    List<AuditEntry> pending =
        (List<AuditEntry>) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      List<AuditEntry> entries = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(PENDING, entries);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              append(entries);
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
            }
          });
      pending = entries;
    }
    return pending;
  }

  private void append(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    jdbc.query("select pg_advisory_xact_lock(?)", resultSet -> {}, LOCK);
    List<Object[]> last =
        jdbc.query(
            "select seq, hash from sportello.audit_event order by seq desc limit 1",
            (resultSet, row) -> new Object[] {resultSet.getLong(1), resultSet.getString(2)});
    long seq = last.isEmpty() ? 0 : (Long) last.get(0)[0];
    String previous = last.isEmpty() ? AuditChain.GENESIS : (String) last.get(0)[1];
    List<Object[]> rows = new ArrayList<>(entries.size());
    for (AuditEntry entry : entries) {
      seq++;
      Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
      String hash = AuditChain.hash(previous, AuditChain.canonical(seq, at, entry));
      List<Object> row = new ArrayList<>(List.of(seq, Timestamp.from(at)));
      row.addAll(entry.columns());
      row.add(previous);
      row.add(hash);
      rows.add(row.toArray());
      previous = hash;
    }
    jdbc.batchUpdate(
        "insert into sportello.audit_event ("
            + COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** Recomputes the whole chain, in order; stops at the first bad row. */
  public Verification verify() {
    return readTransaction.execute(
        status -> {
          long[] checked = {0};
          long[] expectedSeq = {1};
          String[] previous = {AuditChain.GENESIS};
          Verification[] broken = {null};
          jdbc.query(
              connection -> {
                var statement =
                    connection.prepareStatement(
                        "select " + COLUMNS + " from sportello.audit_event order by seq");
                statement.setFetchSize(1000);
                return statement;
              },
              resultSet -> {
                if (broken[0] != null) {
                  return;
                }
                AuditRow row = row(resultSet);
                String problem = null;
                if (row.seq() != expectedSeq[0]) {
                  problem = "row " + expectedSeq[0] + " is missing";
                } else if (!row.prevHash().equals(previous[0])) {
                  problem = "its previous hash does not match the row before it";
                } else if (!row.hash()
                    .equals(
                        AuditChain.hash(
                            previous[0],
                            AuditChain.canonical(row.seq(), row.at().toInstant(), entryOf(row))))) {
                  problem = "its content does not match its hash";
                }
                if (problem != null) {
                  broken[0] = new Verification(false, checked[0], row.seq(), problem);
                  return;
                }
                checked[0]++;
                expectedSeq[0]++;
                previous[0] = row.hash();
              });
          return broken[0] != null ? broken[0] : new Verification(true, checked[0], null, null);
        });
  }

  /** One page of the rows that match, newest first. */
  public Page<AuditRow> search(AuditQuery query, int page, int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    String where = where(query, parameters);
    Long total =
        named.queryForObject(
            "select count(*) from sportello.audit_event" + where, parameters, Long.class);
    parameters.addValue("limit", size).addValue("offset", (long) page * size);
    List<AuditRow> rows =
        named.query(
            "select "
                + COLUMNS
                + " from sportello.audit_event"
                + where
                + " order by seq desc limit :limit offset :offset",
            parameters,
            (resultSet, number) -> row(resultSet));
    return new PageImpl<>(rows, PageRequest.of(page, size), total == null ? 0 : total);
  }

  /** Every row that matches, oldest first, one at a time (an export). */
  public void forEach(AuditQuery query, Consumer<AuditRow> consumer) {
    readTransaction.executeWithoutResult(
        status -> {
          MapSqlParameterSource parameters = new MapSqlParameterSource();
          String where = where(query, parameters);
          // streamed in pages of rows (the driver otherwise reads the whole result into memory)
          streaming.query(
              "select " + COLUMNS + " from sportello.audit_event" + where + " order by seq",
              parameters,
              resultSet -> {
                consumer.accept(row(resultSet));
              });
        });
  }

  private static String where(AuditQuery query, MapSqlParameterSource parameters) {
    List<String> conditions = new ArrayList<>();
    if (query.subject() != null) {
      conditions.add("subject = :subject");
      parameters.addValue("subject", query.subject());
    }
    if (query.actor() != null) {
      conditions.add("actor = :actor");
      parameters.addValue("actor", query.actor());
    }
    if (query.action() != null) {
      conditions.add("action = :action");
      parameters.addValue("action", query.action());
    }
    if (query.from() != null) {
      conditions.add("at >= :from");
      parameters.addValue("from", Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      conditions.add("at < :to");
      parameters.addValue("to", Timestamp.from(query.to()));
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static AuditEntry entryOf(AuditRow row) {
    return new AuditEntry(
        row.actor(),
        row.actorRoles(),
        row.action(),
        row.resourceType(),
        row.resourceId(),
        row.subject(),
        row.outcome(),
        row.reason(),
        row.clientAddress());
  }

  private static AuditRow row(ResultSet resultSet) throws SQLException {
    return new AuditRow(
        resultSet.getLong("seq"),
        resultSet.getObject("at", OffsetDateTime.class),
        resultSet.getString("actor"),
        resultSet.getString("actor_roles"),
        resultSet.getString("action"),
        resultSet.getString("resource_type"),
        resultSet.getString("resource_id"),
        resultSet.getString("subject"),
        resultSet.getString("outcome"),
        resultSet.getString("reason"),
        resultSet.getString("client_address"),
        resultSet.getString("prev_hash"),
        resultSet.getString("hash"));
  }
}
