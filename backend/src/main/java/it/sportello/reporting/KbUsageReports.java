package it.sportello.reporting;

import it.sportello.reporting.KbUsageReport.ArticleUsage;
import it.sportello.reporting.KbUsageReport.KbUsageDay;
import it.sportello.reporting.KbUsageReport.KbUsageTotals;
import it.sportello.reporting.KbUsageReport.TopicViews;
import it.sportello.reporting.KbUsageReport.UnansweredQuery;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KB usage report, aggregated by PostgreSQL from the usage log the {@code kb} module appends to
 * ({@code kb_view}, {@code kb_search}, {@code kb_feedback}), each read through its index on {@code
 * occurred_at}, with titles and categories from the KB's own tables.
 */
@Service
public class KbUsageReports {

  private final NamedParameterJdbcTemplate jdbc;
  private final SlaReports slaReports;

  KbUsageReports(NamedParameterJdbcTemplate jdbc, SlaReports slaReports) {
    this.jdbc = jdbc;
    this.slaReports = slaReports;
  }

  @Transactional(readOnly = true)
  public KbUsageReport report(LocalDate from, LocalDate to) {
    ZoneId zone = slaReports.zone();
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
            .addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
            .addValue("zone", zone.getId())
            .addValue("top", KbUsageReport.TOP);
    String in = " occurred_at >= :from and occurred_at < :to ";

    Map<LocalDate, long[]> days = new TreeMap<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      days.put(day, new long[3]);
    }
    jdbc.query(
        "select cast(occurred_at at time zone :zone as date),"
            + " count(*) filter (where side = 'INTERNAL'), count(*) filter (where side = 'PUBLIC')"
            + " from sportello.kb_view where"
            + in
            + "group by 1",
        params,
        (ResultSet row) -> {
          long[] counts = days.get(row.getObject(1, LocalDate.class));
          counts[0] = row.getLong(2);
          counts[1] = row.getLong(3);
        });
    long[] searches = new long[2];
    jdbc.query(
        "select cast(occurred_at at time zone :zone as date), count(*),"
            + " count(*) filter (where results = 0) from sportello.kb_search where"
            + in
            + "group by 1",
        params,
        (ResultSet row) -> {
          days.get(row.getObject(1, LocalDate.class))[2] = row.getLong(2);
          searches[0] += row.getLong(2);
          searches[1] += row.getLong(3);
        });
    List<KbUsageDay> dayList = new ArrayList<>();
    days.forEach(
        (day, counts) -> dayList.add(new KbUsageDay(day, counts[0], counts[1], counts[2])));

    long[] opinions =
        jdbc.queryForObject(
            "select count(*) filter (where helpful), count(*) filter (where not helpful)"
                + " from sportello.kb_feedback where"
                + in,
            params,
            (row, n) -> new long[] {row.getLong(1), row.getLong(2)});
    Long deflected =
        jdbc.queryForObject(
            "select count(*) from sportello.kb_deflection where" + in, params, Long.class);
    KbUsageTotals totals =
        new KbUsageTotals(
            dayList.stream().mapToLong(KbUsageDay::internalViews).sum(),
            dayList.stream().mapToLong(KbUsageDay::publicViews).sum(),
            searches[0],
            searches[1],
            opinions[0],
            opinions[1],
            KbUsageReport.percent(opinions[0], opinions[0] + opinions[1]),
            deflected == null ? 0 : deflected);

    return new KbUsageReport(
        from, to, totals, dayList, topArticles(params, in), unanswered(params, in), topics(params));
  }

  private List<ArticleUsage> topArticles(MapSqlParameterSource params, String in) {
    return jdbc.query(
        """
        with viewed as (
          select article_id, count(*) as views from sportello.kb_view where"""
            + in
            + """
          group by article_id order by views desc, article_id limit :top
        ), opinions as (
          select article_id, count(*) filter (where helpful) as helpful,
                 count(*) filter (where not helpful) as not_helpful
          from sportello.kb_feedback where"""
            + in
            + """
          and article_id in (select article_id from viewed) group by article_id
        )
        select v.article_id, v.views, coalesce(o.helpful, 0), coalesce(o.not_helpful, 0),
               (select title from sportello.kb_article_variant t where t.article_id = v.article_id
                order by (t.language = 'it') desc, t.language limit 1),
               c.code, c.name
        from viewed v
        join sportello.kb_article a on a.id = v.article_id
        left join sportello.kb_category c on c.id = a.category_id
        left join opinions o on o.article_id = v.article_id
        order by v.views desc, v.article_id""",
        params,
        (row, n) -> {
          long helpful = row.getLong(3);
          long notHelpful = row.getLong(4);
          return new ArticleUsage(
              row.getLong(1),
              row.getString(5),
              row.getString(6),
              row.getString(7),
              row.getLong(2),
              helpful,
              notHelpful,
              KbUsageReport.percent(helpful, helpful + notHelpful));
        });
  }

  private List<UnansweredQuery> unanswered(MapSqlParameterSource params, String in) {
    return jdbc.query(
        "select query, count(*), max(occurred_at) from sportello.kb_search where"
            + in
            + "and results = 0 group by query order by 2 desc, 1 limit :top",
        params,
        (row, n) ->
            new UnansweredQuery(row.getString(1), row.getLong(2), row.getTimestamp(3).toInstant()));
  }

  /** Each category's topic found by walking up the tree (any depth). */
  private List<TopicViews> topics(MapSqlParameterSource params) {
    return jdbc.query(
        """
        with recursive roots (id, root_id) as (
          select id, id from sportello.kb_category where parent_id is null
          union all
          select c.id, r.root_id from sportello.kb_category c join roots r on c.parent_id = r.id
        )
        select t.code, t.name, count(*)
        from sportello.kb_view v
        join sportello.kb_article a on a.id = v.article_id
        left join roots r on r.id = a.category_id
        left join sportello.kb_category t on t.id = r.root_id
        where v.occurred_at >= :from and v.occurred_at < :to
        group by t.code, t.name order by 3 desc, 1 nulls last""",
        params,
        (row, n) -> new TopicViews(row.getString(1), row.getString(2), row.getLong(3)));
  }
}
