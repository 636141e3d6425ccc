package it.sportello.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The history of assignments made through work distribution ({@code distribution_assignment}). */
@Service
public class Assignments {

  private final JdbcClient jdbc;
  private final Clock clock;

  Assignments(JdbcTemplate jdbcTemplate, Clock clock) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.clock = clock;
  }

  @Schema(description = "An item given to an operator")
  public record ItemAssignment(
      String taskId,
      String businessKey,
      String queue,
      String operator,
      @Schema(description = "OFFER (accepted offer) or REASSIGN (a supervisor)") String how,
      String assignedBy,
      Instant assignedAt) {}

  void record(
      String taskId, String businessKey, String queue, String operator, String how, String by) {
    jdbc.sql(
            """
            insert into sportello.distribution_assignment
                (task_id, business_key, queue, operator, how, assigned_by, assigned_at)
            values (:t, :key, :q, :o, :how, :by, :now)
            """)
        .param("t", taskId)
        .param("key", businessKey)
        .param("q", queue)
        .param("o", operator)
        .param("how", how)
        .param("by", by)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /** The assignments of a business object (a ticket), oldest first. */
  public List<ItemAssignment> of(String businessKey) {
    return jdbc.sql(
            """
            select task_id, business_key, queue, operator, how, assigned_by, assigned_at
            from sportello.distribution_assignment where business_key = :key order by id
            """)
        .param("key", businessKey)
        .query(
            (rs, row) ->
                new ItemAssignment(
                    rs.getString("task_id"),
                    rs.getString("business_key"),
                    rs.getString("queue"),
                    rs.getString("operator"),
                    rs.getString("how"),
                    rs.getString("assigned_by"),
                    rs.getTimestamp("assigned_at").toInstant()))
        .list();
  }
}
