package it.sportello.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The routing policy of each queue ({@code distribution_policy}): configuration a supervisor
 * changes live; every change is kept ({@code distribution_policy_log}).
 */
@Service
public class QueuePolicies {

  private final JdbcClient jdbc;
  private final Clock clock;

  QueuePolicies(JdbcTemplate jdbcTemplate, Clock clock) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.clock = clock;
  }

  @Schema(description = "How a queue's items reach its operators")
  public record QueuePolicy(
      String queue,
      RoutingPolicy policy,
      RoutingMode mode,
      @Schema(description = "PUSH: seconds an operator has to accept or decline an offer")
          int offerTimeoutSeconds,
      @Schema(description = "PUSH: offers let time out in a row before the operator is paused")
          int missedOffersToPause,
      String updatedBy,
      Instant updatedAt) {}

  public List<QueuePolicy> all() {
    return jdbc.sql(SELECT + " order by queue").query(QueuePolicies::policy).list();
  }

  public Optional<QueuePolicy> of(String queue) {
    return jdbc.sql(SELECT + " where queue = :q")
        .param("q", queue)
        .query(QueuePolicies::policy)
        .optional();
  }

  /**
   * The queue's policy locked for one offer round, or empty when another node holds it (it is
   * making the round now).
   */
  Optional<QueuePolicy> lockForRound(String queue) {
    return jdbc.sql(SELECT + " where queue = :q for update skip locked")
        .param("q", queue)
        .query(QueuePolicies::policy)
        .optional();
  }

  /** Sets a queue's policy (a queue without one gets it), kept with who and when. */
  @Transactional
  public QueuePolicy set(
      String queue,
      RoutingPolicy policy,
      RoutingMode mode,
      int offerTimeoutSeconds,
      Integer missedOffersToPause,
      String by) {
    if (offerTimeoutSeconds < 5 || offerTimeoutSeconds > 600) {
      throw new InvalidRequestException("offerTimeoutSeconds", "must be between 5 and 600");
    }
    if (missedOffersToPause != null && missedOffersToPause < 1) {
      throw new InvalidRequestException("missedOffersToPause", "must be at least 1");
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into sportello.distribution_policy
                (queue, policy, mode, offer_timeout_seconds, missed_offers_to_pause, updated_by,
                 updated_at)
            values (:q, :policy, :mode, :timeout, coalesce(:missed, 2), :by, :now)
            on conflict (queue) do update set policy = excluded.policy, mode = excluded.mode,
                offer_timeout_seconds = excluded.offer_timeout_seconds,
                missed_offers_to_pause = coalesce(:missed,
                    sportello.distribution_policy.missed_offers_to_pause),
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """)
        .param("q", queue)
        .param("policy", policy.name())
        .param("mode", mode.name())
        .param("timeout", offerTimeoutSeconds)
        .param("missed", missedOffersToPause, java.sql.Types.INTEGER)
        .param("by", by)
        .param("now", now)
        .update();
    jdbc.sql(
            """
            insert into sportello.distribution_policy_log
                (queue, policy, mode, offer_timeout_seconds, changed_by, changed_at)
            values (:q, :policy, :mode, :timeout, :by, :now)
            """)
        .param("q", queue)
        .param("policy", policy.name())
        .param("mode", mode.name())
        .param("timeout", offerTimeoutSeconds)
        .param("by", by)
        .param("now", now)
        .update();
    return of(queue).orElseThrow(() -> new NotFoundException("No queue " + queue));
  }

  private static final String SELECT =
      "select queue, policy, mode, offer_timeout_seconds, missed_offers_to_pause, updated_by,"
          + " updated_at from sportello.distribution_policy";

  private static QueuePolicy policy(ResultSet rs, int row) throws SQLException {
    return new QueuePolicy(
        rs.getString("queue"),
        RoutingPolicy.valueOf(rs.getString("policy")),
        RoutingMode.valueOf(rs.getString("mode")),
        rs.getInt("offer_timeout_seconds"),
        rs.getInt("missed_offers_to_pause"),
        rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
