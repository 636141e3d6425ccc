package it.sportello.reporting;

import it.sportello.reporting.KbQualityReport.Gap;
import it.sportello.reporting.KbQualityReport.KbGaps;
import it.sportello.reporting.KbQualityReport.KbWeakArticles;
import it.sportello.reporting.KbQualityReport.WeakArticle;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's gaps and weak articles, aggregated by PostgreSQL from the usage log the
 * {@code kb} module appends to ({@code kb_search} with its ticket and whether it was followed,
 * {@code kb_view}, {@code kb_feedback}).
 */
@Service
public class KbQualityReports {

  private final NamedParameterJdbcTemplate jdbc;
  private final SlaReports slaReports;

  KbQualityReports(NamedParameterJdbcTemplate jdbc, SlaReports slaReports) {
    this.jdbc = jdbc;
    this.slaReports = slaReports;
  }

  private MapSqlParameterSource period(LocalDate from, LocalDate to) {
    ZoneId zone = slaReports.zone();
    return new MapSqlParameterSource()
        .addValue("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
        .addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
        .addValue("top", KbQualityReport.TOP);
  }

  @Transactional(readOnly = true)
  public KbGaps gaps(LocalDate from, LocalDate to) {
    return new KbGaps(
        from,
        to,
        jdbc.query(
            """
            select query, count(*), count(*) filter (where results = 0),
                   count(distinct ticket_number), count(*) filter (where side = 'PUBLIC'),
                   max(occurred_at)
            from sportello.kb_search
            where occurred_at >= :from and occurred_at < :to and not followed
              and (ticket_number is not null or side = 'PUBLIC') and query <> ''
            group by query order by 2 desc, 6 desc, 1 limit :top""",
            period(from, to),
            (row, n) ->
                new Gap(
                    row.getString(1),
                    row.getLong(2),
                    row.getLong(3),
                    row.getLong(4),
                    row.getLong(5),
                    row.getTimestamp(6).toInstant())));
  }

  @Transactional(readOnly = true)
  public KbWeakArticles weakArticles(LocalDate from, LocalDate to, int minViews) {
    MapSqlParameterSource params = period(from, to).addValue("minViews", minViews);
    return new KbWeakArticles(
        from,
        to,
        minViews,
        jdbc.query(
            """
            with viewed as (
              select article_id, count(*) as views from sportello.kb_view
              where occurred_at >= :from and occurred_at < :to
              group by article_id having count(*) >= :minViews
            ), opinions as (
              select article_id, count(*) filter (where helpful) as helpful,
                     count(*) filter (where not helpful) as not_helpful
              from sportello.kb_feedback
              where occurred_at >= :from and occurred_at < :to
                and article_id in (select article_id from viewed)
              group by article_id
            )
            select v.article_id, v.views, o.helpful, o.not_helpful,
                   (select title from sportello.kb_article_variant t where t.article_id = v.article_id
                    order by (t.language = 'it') desc, t.language limit 1),
                   c.code
            from viewed v
            join opinions o on o.article_id = v.article_id
            join sportello.kb_article a on a.id = v.article_id
            left join sportello.kb_category c on c.id = a.category_id
            where o.not_helpful > 0 and o.not_helpful >= o.helpful
            order by o.not_helpful * 1.0 / (o.helpful + o.not_helpful) desc, v.views desc,
                     v.article_id
            limit :top""",
            params,
            (row, n) -> {
              long helpful = row.getLong(3);
              long notHelpful = row.getLong(4);
              return new WeakArticle(
                  row.getLong(1),
                  row.getString(5),
                  row.getString(6),
                  row.getLong(2),
                  helpful,
                  notHelpful,
                  KbUsageReport.percent(notHelpful, helpful + notHelpful));
            }));
  }
}
