package it.sportello.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where the knowledge base falls short in a period (days in the service calendar's zone, both ends
 * included): its gaps, the searches that led to tickets or came from citizens and found nothing
 * anybody opened or used, and its weak articles, read often but rated unhelpful.
 */
public final class KbQualityReport {

  /** How many gaps and weak articles a report lists at most. */
  public static final int TOP = 50;

  private KbQualityReport() {}

  /**
   * @param gaps the commonest first
   */
  public record KbGaps(LocalDate from, LocalDate to, List<Gap> gaps) {}

  /**
   * A text searched (as the usage log keeps it: lower case, personal data replaced) from a ticket
   * or by a citizen, whose results nobody opened or used.
   *
   * @param searches such searches in the period
   * @param withoutResults those that found no article at all
   * @param tickets distinct tickets the operators searched it for
   * @param publicSearches those made by citizens in self-service
   */
  public record Gap(
      String query,
      long searches,
      long withoutResults,
      long tickets,
      long publicSearches,
      Instant lastSearchedAt) {}

  /**
   * @param minViews the reads an article needs in the period to be listed
   * @param articles the least helpful first, then the most read
   */
  public record KbWeakArticles(
      LocalDate from, LocalDate to, int minViews, List<WeakArticle> articles) {}

  /**
   * An article read at least {@code minViews} times in the period whose opinions in the period are
   * at least half unhelpful.
   *
   * @param unhelpfulPercent unhelpful out of all its opinions, one decimal
   */
  public record WeakArticle(
      long id,
      String title,
      String categoryCode,
      long views,
      long helpful,
      long notHelpful,
      double unhelpfulPercent) {}
}
