package it.sportello.survey;

import it.sportello.survey.SatisfactionReport.SatisfactionAnswer;
import it.sportello.survey.SatisfactionReport.SatisfactionFigures;
import it.sportello.survey.SatisfactionReport.SatisfactionGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction results, grouped by PostgreSQL over the invitations made in the period (their
 * {@code created_at}, i.e. the ticket's closure), with the answers behind the figures.
 */
@Service
public class SatisfactionResults {

  /** The most answer rows a report lists (the figures count them all). */
  public static final int MAX_ANSWERS = 2000;

  private static final String FIGURES =
      """
      count(*) filter (where status <> 'OPTED_OUT') as invited,
      count(*) filter (where status = 'ANSWERED') as answered,
      avg(score) filter (where status = 'ANSWERED') as average,
      count(*) filter (where status = 'ANSWERED' and low_score) as low""";

  private final NamedParameterJdbcTemplate jdbc;

  SatisfactionResults(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Only the invitations of this operator, queue and channel (null: any). */
  public record Filter(String operator, String queue, String channel) {}

  @Transactional(readOnly = true)
  public SatisfactionReport report(LocalDate from, LocalDate to, ZoneId zone, Filter filter) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
            .addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
            .addValue("operator", filter.operator())
            .addValue("queue", filter.queue())
            .addValue("channel", filter.channel());
    String where =
        """
        purpose = 'SATISFACTION' and created_at >= :from and created_at < :to
        and (cast(:operator as varchar) is null or operator = :operator)
        and (cast(:queue as varchar) is null or queue = :queue)
        and (cast(:channel as varchar) is null or channel = :channel)""";
    SatisfactionFigures total =
        jdbc.queryForObject(
            "select " + FIGURES + " from sportello.survey_invitation where " + where,
            params,
            (rs, row) -> figures(rs));
    List<SatisfactionAnswer> answers = new ArrayList<>();
    Map<Long, SatisfactionAnswer> byId = new LinkedHashMap<>();
    jdbc.query(
        "select * from sportello.survey_invitation where "
            + where
            + " and status = 'ANSWERED' order by answered_at, id limit "
            + MAX_ANSWERS,
        params,
        rs -> {
          SatisfactionAnswer row =
              new SatisfactionAnswer(
                  rs.getString("ticket_number"),
                  rs.getString("operator"),
                  rs.getString("queue"),
                  rs.getString("channel"),
                  rs.getInt("questionnaire_version"),
                  rs.getTimestamp("answered_at").toInstant(),
                  (Integer) rs.getObject("score"),
                  rs.getBoolean("low_score"),
                  rs.getString("follow_up_outcome"),
                  new LinkedHashMap<>());
          byId.put(rs.getLong("id"), row);
          answers.add(row);
        });
    if (!byId.isEmpty()) {
      jdbc.query(
          "select invitation_id, question_key, value from sportello.survey_answer"
              + " where invitation_id in (:ids) order by invitation_id, question_key, ordinal",
          new MapSqlParameterSource("ids", byId.keySet()),
          rs -> {
            byId.get(rs.getLong("invitation_id"))
                .answers()
                .computeIfAbsent(rs.getString("question_key"), k -> new ArrayList<>())
                .add(rs.getString("value"));
          });
    }
    return new SatisfactionReport(
        from,
        to,
        total,
        groups("operator", where, params),
        groups("queue", where, params),
        groups("channel", where, params),
        answers);
  }

  private List<SatisfactionGroup> groups(
      String column, String where, MapSqlParameterSource params) {
    return jdbc.query(
        "select "
            + column
            + " as key, "
            + FIGURES
            + " from sportello.survey_invitation where "
            + where
            + " group by "
            + column
            + " order by "
            + column
            + " nulls last",
        params,
        (rs, row) -> new SatisfactionGroup(rs.getString("key"), figures(rs)));
  }

  private static SatisfactionFigures figures(ResultSet rs) throws SQLException {
    java.math.BigDecimal average = rs.getBigDecimal("average");
    return new SatisfactionFigures(
        rs.getLong("invited"),
        rs.getLong("answered"),
        average == null ? null : Math.round(average.doubleValue() * 100) / 100.0,
        rs.getLong("low"));
  }
}
