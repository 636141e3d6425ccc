package it.sportello.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.shared.InvalidRequestException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' skills (languages, topics, levels) with a proficiency from 1 to 5, managed by
 * supervisors; every change is kept with who and when ({@code distribution_skill_log}).
 */
@Service
public class Skills {

  private final JdbcClient jdbc;
  private final Clock clock;

  Skills(JdbcTemplate jdbcTemplate, Clock clock) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.clock = clock;
  }

  @Schema(description = "A skill of an operator")
  public record OperatorSkill(
      String operator,
      SkillKind kind,
      String code,
      @Schema(description = "1 (basic) to 5 (expert)") int proficiency,
      String updatedBy,
      Instant updatedAt) {}

  @Schema(description = "A change of a skill: proficiency null when it was removed")
  public record OperatorSkillChange(
      String operator,
      SkillKind kind,
      String code,
      Integer proficiency,
      String changedBy,
      Instant changedAt) {}

  /** Every operator's skills, or one operator's. */
  public List<OperatorSkill> list(String operator) {
    return jdbc.sql(
            """
            select operator, kind, code, proficiency, updated_by, updated_at
            from sportello.distribution_skill
            where (cast(:o as varchar) is null or operator = :o) order by operator, kind, code
            """)
        .param("o", operator, java.sql.Types.VARCHAR)
        .query(
            (rs, row) ->
                new OperatorSkill(
                    rs.getString("operator"),
                    SkillKind.valueOf(rs.getString("kind")),
                    rs.getString("code"),
                    rs.getInt("proficiency"),
                    rs.getString("updated_by"),
                    rs.getTimestamp("updated_at").toInstant()))
        .list();
  }

  /** The history of changes, newest first (one operator's, or everyone's). */
  public List<OperatorSkillChange> history(String operator) {
    return jdbc.sql(
            """
            select operator, kind, code, proficiency, changed_by, changed_at
            from sportello.distribution_skill_log
            where (cast(:o as varchar) is null or operator = :o) order by changed_at desc, id desc
            limit 500
            """)
        .param("o", operator, java.sql.Types.VARCHAR)
        .query(
            (rs, row) ->
                new OperatorSkillChange(
                    rs.getString("operator"),
                    SkillKind.valueOf(rs.getString("kind")),
                    rs.getString("code"),
                    (Integer) rs.getObject("proficiency"),
                    rs.getString("changed_by"),
                    rs.getTimestamp("changed_at").toInstant()))
        .list();
  }

  /** Sets (or removes, with {@code proficiency} null) a skill, kept with who and when. */
  @Transactional
  public void set(String operator, SkillKind kind, String code, Integer proficiency, String by) {
    if (code == null || code.isBlank() || code.length() > 100) {
      throw new InvalidRequestException("code", "must be 1 to 100 characters");
    }
    if (proficiency != null && (proficiency < 1 || proficiency > 5)) {
      throw new InvalidRequestException("proficiency", "must be between 1 and 5");
    }
    Timestamp now = Timestamp.from(clock.instant());
    if (proficiency == null) {
      jdbc.sql(
              "delete from sportello.distribution_skill where operator = :o and kind = :k"
                  + " and code = :c")
          .param("o", operator)
          .param("k", kind.name())
          .param("c", code)
          .update();
    } else {
      jdbc.sql(
              """
              insert into sportello.distribution_skill
                  (operator, kind, code, proficiency, updated_by, updated_at)
              values (:o, :k, :c, :p, :by, :now)
              on conflict (operator, kind, code) do update set proficiency = excluded.proficiency,
                  updated_by = excluded.updated_by, updated_at = excluded.updated_at
              """)
          .param("o", operator)
          .param("k", kind.name())
          .param("c", code)
          .param("p", proficiency)
          .param("by", by)
          .param("now", now)
          .update();
    }
    jdbc.sql(
            """
            insert into sportello.distribution_skill_log
                (operator, kind, code, proficiency, changed_by, changed_at)
            values (:o, :k, :c, :p, :by, :now)
            """)
        .param("o", operator)
        .param("k", kind.name())
        .param("c", code)
        .param("p", proficiency, java.sql.Types.INTEGER)
        .param("by", by)
        .param("now", now)
        .update();
  }

  /** Proficiency per code of one kind, for each of the operators. */
  Map<String, Map<String, Integer>> byOperator(Collection<String> operators, SkillKind kind) {
    Map<String, Map<String, Integer>> all = new HashMap<>();
    operators.forEach(operator -> all.put(operator, new HashMap<>()));
    if (operators.isEmpty()) {
      return all;
    }
    jdbc.sql(
            "select operator, code, proficiency from sportello.distribution_skill"
                + " where kind = :k and operator in (:ops)")
        .param("k", kind.name())
        .param("ops", operators)
        .query(
            rs -> {
              all.get(rs.getString("operator")).put(rs.getString("code"), rs.getInt("proficiency"));
            });
    return all;
  }
}
