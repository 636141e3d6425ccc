package it.sportello.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How the knowledge base was used in a period (days in the service calendar's zone, both ends
 * included): articles read by operators and by citizens, searches and the ones nothing answered
 * (the KB's gaps), opinions on the articles (the weak ones), and the topics of most interest.
 */
public record KbUsageReport(
    LocalDate from,
    LocalDate to,
    KbUsageTotals totals,
    List<KbUsageDay> days,
    List<ArticleUsage> topArticles,
    List<UnansweredQuery> unansweredQueries,
    List<TopicViews> topics) {

  /** How many articles, searches and queries the lists show at most. */
  public static final int TOP = 20;

  /**
   * @param helpfulPercent helpful opinions out of all opinions, one decimal; null without opinions
   * @param deflectedContacts web requests not written because a public article solved the problem
   */
  public record KbUsageTotals(
      long internalViews,
      long publicViews,
      long searches,
      long searchesWithoutResults,
      long helpful,
      long notHelpful,
      Double helpfulPercent,
      long deflectedContacts) {}

  /** Articles read (by operators and by citizens) and searches made on a day. */
  public record KbUsageDay(LocalDate date, long internalViews, long publicViews, long searches) {}

  /**
   * An article among the most read of the period, with the opinions given on it in the period.
   *
   * @param title the Italian title (else the first variant's)
   * @param categoryCode its classification (the reason, usually)
   * @param helpfulPercent helpful out of all its opinions, one decimal; null without opinions
   */
  public record ArticleUsage(
      long id,
      String title,
      String categoryCode,
      String categoryName,
      long views,
      long helpful,
      long notHelpful,
      Double helpfulPercent) {}

  /**
   * A text searched (as the usage log keeps it) that found no article, how often, and when last.
   */
  public record UnansweredQuery(String query, long searches, Instant lastSearchedAt) {}

  /** Article reads per top-level category (topic); {@code code} null for articles without one. */
  public record TopicViews(String code, String name, long views) {}

  static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }
}
