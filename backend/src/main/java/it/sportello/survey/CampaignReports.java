package it.sportello.survey;

import it.sportello.survey.excel.Spreadsheets;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's figures: recipients per outcome (live while it runs), contacted, answered and
 * bounced per day in the service calendar's zone, the results per question, and a workbook with
 * every answer (no addresses: the answers are pseudonymous, by invitation).
 */
@Service
public class CampaignReports {

  /** The outcomes counted as "contacted" (a message sent or a call made). */
  private static final List<String> CONTACTED =
      List.of(
          "SENT",
          "BOUNCED",
          "ANSWERED",
          "INTERVIEWED",
          "REFUSED",
          "NOT_FOUND",
          "WRONG_NUMBER",
          "CALLING");

  public record CampaignDay(LocalDate day, int contacted, int answered, int bounced) {}

  public record QuestionOption(String value, int count) {}

  public record QuestionResult(
      String key, String type, int answers, List<QuestionOption> options) {}

  public record CampaignProgress(
      long campaignId,
      String status,
      int recipients,
      Map<String, Integer> outcomes,
      int contacted,
      int answered,
      double answerRate,
      List<CampaignDay> days,
      int tokens) {}

  private final JdbcClient jdbc;
  private final Campaigns campaigns;
  private final Questionnaires questionnaires;
  private final ZoneId zone;

  CampaignReports(
      JdbcClient jdbc,
      Campaigns campaigns,
      Questionnaires questionnaires,
      it.sportello.sla.SlaService sla) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.questionnaires = questionnaires;
    this.zone = sla.calendar().zone();
  }

  @Transactional(readOnly = true)
  public CampaignProgress progress(long campaignId) {
    Campaigns.Campaign campaign = campaigns.get(campaignId);
    Map<String, Integer> outcomes = new TreeMap<>();
    jdbc.sql(
            """
            select status, count(*) as n from sportello.campaign_recipient where campaign_id = ?
            group by status""")
        .param(campaignId)
        .query(
            rs -> {
              outcomes.put(rs.getString("status"), rs.getInt("n"));
            });
    int recipients = outcomes.values().stream().mapToInt(Integer::intValue).sum();
    int contacted = CONTACTED.stream().mapToInt(s -> outcomes.getOrDefault(s, 0)).sum();
    int answered =
        jdbc.sql(
                "select count(*) from sportello.survey_invitation where campaign_id = ? and status"
                    + " = 'ANSWERED'")
            .param(campaignId)
            .query(Integer.class)
            .single();
    Map<LocalDate, int[]> days = new TreeMap<>();
    collect(
        days,
        0,
        "select contacted_at as at from sportello.campaign_recipient where campaign_id = ? and"
            + " contacted_at is not null",
        campaignId);
    collect(
        days,
        1,
        "select answered_at as at from sportello.survey_invitation where campaign_id = ? and"
            + " answered_at is not null",
        campaignId);
    collect(
        days,
        2,
        "select outcome_at as at from sportello.campaign_recipient where campaign_id = ? and"
            + " status = 'BOUNCED'",
        campaignId);
    List<CampaignDay> perDay = new ArrayList<>();
    days.forEach((day, n) -> perDay.add(new CampaignDay(day, n[0], n[1], n[2])));
    // a WEB campaign's rate: of its single-use tokens, or (open link) every answer counts
    int tokens = campaigns.webTokenCount(campaignId);
    int base =
        campaign.channel() != Campaigns.Channel.WEB
            ? contacted
            : campaign.webAccess() == Campaigns.WebAccess.TOKENS ? tokens : answered;
    return new CampaignProgress(
        campaignId,
        campaign.status().name(),
        recipients,
        outcomes,
        contacted,
        answered,
        base == 0 ? 0 : Math.round(1000.0 * answered / base) / 10.0,
        perDay,
        tokens);
  }

  private void collect(Map<LocalDate, int[]> days, int index, String sql, long campaignId) {
    // per day in the service calendar's zone (a few hundred thousand instants at most)
    jdbc.sql(sql)
        .param(campaignId)
        .query(
            rs -> {
              Timestamp at = rs.getTimestamp("at");
              days.computeIfAbsent(at.toInstant().atZone(zone).toLocalDate(), d -> new int[3])[
                  index]++;
            });
  }

  /** Per question of the campaign's questionnaire: how many answered, and each option's count. */
  @Transactional(readOnly = true)
  public List<QuestionResult> results(long campaignId) {
    Campaigns.Campaign campaign = campaigns.get(campaignId);
    var summary = questionnaires.summary(campaign.questionnaireId()).orElseThrow();
    var version = questionnaires.version(summary.id(), summary.currentVersion());
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    Map<String, Integer> answers = new LinkedHashMap<>();
    jdbc.sql(
            """
            select a.question_key, a.value, count(*) as n,
                count(distinct a.invitation_id) as people
            from sportello.survey_answer a
            join sportello.survey_invitation i on i.id = a.invitation_id
            where i.campaign_id = ? group by a.question_key, a.value""")
        .param(campaignId)
        .query(
            rs -> {
              counts
                  .computeIfAbsent(rs.getString("question_key"), k -> new LinkedHashMap<>())
                  .put(rs.getString("value"), rs.getInt("n"));
            });
    jdbc.sql(
            """
            select a.question_key, count(distinct a.invitation_id) as people
            from sportello.survey_answer a
            join sportello.survey_invitation i on i.id = a.invitation_id
            where i.campaign_id = ? group by a.question_key""")
        .param(campaignId)
        .query(
            rs -> {
              answers.put(rs.getString("question_key"), rs.getInt("people"));
            });
    List<QuestionResult> results = new ArrayList<>();
    for (Question question : version.questions()) {
      Map<String, Integer> byValue = counts.getOrDefault(question.key(), Map.of());
      List<QuestionOption> options = new ArrayList<>();
      // choices in the questionnaire's order (zero counts too); free text is not charted
      for (String value : question.values()) {
        options.add(new QuestionOption(value, byValue.getOrDefault(value, 0)));
      }
      results.add(
          new QuestionResult(
              question.key(), question.type(), answers.getOrDefault(question.key(), 0), options));
    }
    return results;
  }

  /** The workbook: the figures per day, the results per question, every answer. */
  @Transactional(readOnly = true)
  public void workbook(long campaignId, OutputStream out) throws IOException {
    Campaigns.Campaign campaign = campaigns.get(campaignId);
    CampaignProgress progress = progress(campaignId);
    var summary = questionnaires.summary(campaign.questionnaireId()).orElseThrow();
    List<Question> questions =
        questionnaires.version(summary.id(), summary.currentVersion()).questions();
    DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    try (Spreadsheets.Writer book = new Spreadsheets.Writer()) {
      book.sheet("Per day")
          .row("Campaign", campaign.name())
          .row("Legal basis", campaign.legalBasis().name())
          .row("Recipients", progress.recipients())
          .row("Answer rate %", progress.answerRate())
          .blank()
          .row("Day", "Contacted", "Answered", "Bounced");
      for (CampaignDay day : progress.days()) {
        book.row(day.day().toString(), day.contacted(), day.answered(), day.bounced());
      }
      book.sheet("Outcomes").row("Outcome", "Recipients");
      progress.outcomes().forEach((outcome, count) -> book.row(outcome, count));
      book.sheet("Results").row("Question", "Option", "Answers");
      for (QuestionResult result : results(campaignId)) {
        book.row(result.key(), "(answered)", result.answers());
        for (QuestionOption option : result.options()) {
          book.row(result.key(), option.value(), option.count());
        }
      }
      List<Object> header =
          new ArrayList<>(List.of("Invitation", "Language", "Answered", "Version"));
      questions.forEach(q -> header.add(q.key()));
      book.sheet("Answers").row(header.toArray());
      // one row per answered invitation, streamed in invitation order
      Object[][] current = {null};
      Map<String, String> values = new LinkedHashMap<>();
      Runnable flush =
          () -> {
            List<Object> cells = new ArrayList<>(List.of(current[0]));
            questions.forEach(q -> cells.add(values.getOrDefault(q.key(), "")));
            book.row(cells.toArray());
            values.clear();
          };
      jdbc.sql(
              """
              select i.id, i.language, i.answered_at, i.questionnaire_version, a.question_key,
                  a.value
              from sportello.survey_invitation i
              join sportello.survey_answer a on a.invitation_id = i.id
              where i.campaign_id = ? order by i.id, a.question_key, a.ordinal""")
          .param(campaignId)
          .query(
              rs -> {
                long id = rs.getLong("id");
                if (current[0] != null && !current[0][0].equals(id)) {
                  flush.run();
                }
                if (current[0] == null || !current[0][0].equals(id)) {
                  current[0] =
                      new Object[] {
                        id,
                        rs.getString("language"),
                        time.format(rs.getTimestamp("answered_at").toInstant()),
                        rs.getInt("questionnaire_version")
                      };
                }
                values.merge(
                    rs.getString("question_key"), rs.getString("value"), (a, b) -> a + "; " + b);
              });
      if (current[0] != null) {
        flush.run();
      }
      book.write(out);
    }
  }
}
