package it.sportello.benchmark;

import it.sportello.distribution.Candidate;
import it.sportello.distribution.QueueItem;
import it.sportello.distribution.Router;
import it.sportello.distribution.RoutingPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The routing decision alone (issue 22's benchmark, in part): with {@code operators} available
 * operators and {@code items} waiting items, the time to order the items by the policy and choose
 * the operator of the first one, per policy; p50 and p95 over {@code rounds} repetitions. A
 * measurement, not a test: the database reads of a real round (waiting tasks, presence, skills,
 * offers) are not included. Then, per policy, offers per second sustained: full rounds in which
 * every available operator is offered one item (the items in the policy's order, each to the best
 * operator still free, as {@code Offers.round} does), repeated for {@code seconds}. Run with {@code
 * docs/benchmarks/routing [operators] [items] [rounds] [seconds]}.
 */
public final class RoutingDecisionBenchmark {

  private RoutingDecisionBenchmark() {}

  public static void main(String[] args) {
    int operators = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    Random random = new Random(22);
    Instant now = Instant.parse("2026-12-07T08:00:00Z");
    String[] languages = {"it", "de", "en", "fr"};
    String[] topics = {"tari", "imu", "anagrafe", "suap", "tpl"};
    List<QueueItem> waiting = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      waiting.add(
          new QueueItem(
              "task-" + i,
              "RS-" + i,
              "general",
              now.plusSeconds(random.nextInt(86_400 * 5)),
              now.minusSeconds(random.nextInt(86_400)),
              languages[random.nextInt(languages.length)],
              topics[random.nextInt(topics.length)]));
    }
    List<Candidate> available = new ArrayList<>();
    for (int i = 0; i < operators; i++) {
      Map<String, Integer> spoken = new java.util.HashMap<>();
      spoken.put("it", 1 + random.nextInt(5));
      spoken.put(languages[random.nextInt(languages.length)], 1 + random.nextInt(5));
      available.add(
          new Candidate(
              "operator-" + i,
              now.minusSeconds(random.nextInt(3_600)),
              random.nextBoolean() ? null : now.minusSeconds(random.nextInt(3_600)),
              spoken,
              Map.of(topics[random.nextInt(topics.length)], 1 + random.nextInt(5))));
    }
    for (RoutingPolicy policy : RoutingPolicy.values()) {
      long[] nanos = new long[rounds];
      for (int warm = 0; warm < 20; warm++) {
        decide(policy, waiting, available);
      }
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        decide(policy, waiting, available);
        nanos[round] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "%-13s operators=%d items=%d rounds=%d p50=%.2f ms p95=%.2f ms%n",
          policy,
          operators,
          items,
          rounds,
          nanos[rounds / 2] / 1e6,
          nanos[(int) Math.ceil(rounds * 0.95) - 1] / 1e6);
    }
    for (RoutingPolicy policy : RoutingPolicy.values()) {
      long offers = 0;
      long fullRounds = 0;
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      while (System.nanoTime() < end) {
        offers += fullRound(policy, waiting, available);
        fullRounds++;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%-13s offers/s sustained=%.0f (%d full rounds of %d offers in %.1f s)%n",
          policy, offers / elapsed, fullRounds, offers / Math.max(1, fullRounds), elapsed);
    }
  }

  /** One round: the items in the policy's order, each offered to the best operator still free. */
  private static int fullRound(
      RoutingPolicy policy, List<QueueItem> waiting, List<Candidate> available) {
    List<QueueItem> ordered = Router.order(policy, waiting, Optional.empty());
    List<Candidate> free = new ArrayList<>(available);
    int offers = 0;
    for (QueueItem item : ordered) {
      if (free.isEmpty()) {
        break;
      }
      Optional<Candidate> chosen = Router.choose(policy, item, free);
      if (chosen.isPresent()) {
        free.remove(chosen.get());
        offers++;
      }
    }
    return offers;
  }

  private static Optional<Candidate> decide(
      RoutingPolicy policy, List<QueueItem> waiting, List<Candidate> available) {
    List<QueueItem> ordered = Router.order(policy, waiting, Optional.empty());
    return Router.choose(policy, ordered.get(0), available);
  }
}
