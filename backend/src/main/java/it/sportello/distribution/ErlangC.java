package it.sportello.distribution;

/**
 * Erlang C (M/M/N with an unlimited queue and no abandonment): the probability that a call waits,
 * the share answered within a target time, and the fewest agents that reach a service level. Pure
 * arithmetic; the probability of waiting is computed from Erlang B's stable recursion, never from
 * factorials.
 */
public final class ErlangC {

  private ErlangC() {}

  /** Offered traffic in Erlangs: calls in the period × handling time ÷ the period's length. */
  public static double traffic(double calls, double handlingSeconds, double periodSeconds) {
    return calls * handlingSeconds / periodSeconds;
  }

  /** Erlang B: the share of calls blocked with {@code agents} lines and {@code traffic} Erlangs. */
  public static double blocking(int agents, double traffic) {
    double b = 1.0;
    for (int n = 1; n <= agents; n++) {
      b = traffic * b / (n + traffic * b);
    }
    return b;
  }

  /** Erlang C: the probability a call waits; 1 when the agents cannot keep up ({@code N ≤ A}). */
  public static double waitProbability(int agents, double traffic) {
    if (traffic <= 0) {
      return 0;
    }
    if (agents <= traffic) {
      return 1;
    }
    double b = blocking(agents, traffic);
    return agents * b / (agents - traffic * (1 - b));
  }

  /** The share of calls answered within {@code targetSeconds}. */
  public static double serviceLevel(
      int agents, double traffic, double handlingSeconds, double targetSeconds) {
    if (traffic <= 0) {
      return 1;
    }
    if (agents <= traffic) {
      return 0;
    }
    return 1
        - waitProbability(agents, traffic)
            * Math.exp(-(agents - traffic) * targetSeconds / handlingSeconds);
  }

  /** The average speed of answer in seconds. */
  public static double averageSpeedOfAnswer(int agents, double traffic, double handlingSeconds) {
    if (traffic <= 0) {
      return 0;
    }
    if (agents <= traffic) {
      return Double.POSITIVE_INFINITY;
    }
    return waitProbability(agents, traffic) * handlingSeconds / (agents - traffic);
  }

  /**
   * The fewest agents answering at least {@code share} of the calls within {@code targetSeconds} (0
   * when no calls are expected).
   */
  public static int agentsFor(
      double calls,
      double handlingSeconds,
      double periodSeconds,
      double share,
      double targetSeconds) {
    double traffic = traffic(calls, handlingSeconds, periodSeconds);
    if (traffic <= 0) {
      return 0;
    }
    int agents = Math.max(1, (int) Math.floor(traffic) + 1);
    while (serviceLevel(agents, traffic, handlingSeconds, targetSeconds) < share) {
      agents++;
    }
    return agents;
  }
}
