package it.sportello.distribution;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The routing decisions, pure: which item comes first, and which operator gets it. */
public final class Router {

  private static final Comparator<Instant> EARLIEST_FIRST =
      Comparator.nullsLast(Comparator.naturalOrder());

  /** Oldest deadline first, then the oldest item, then the task id (a stable order). */
  static final Comparator<QueueItem> BY_DEADLINE =
      Comparator.comparing(QueueItem::dueAt, EARLIEST_FIRST)
          .thenComparing(QueueItem::createdAt, EARLIEST_FIRST)
          .thenComparing(QueueItem::taskId);

  private Router() {}

  /**
   * The queue's items in the order the policy serves them: by deadline; under SKILLS, for an
   * operator, the items they fit best first (those in a language they do not speak last).
   */
  public static List<QueueItem> order(
      RoutingPolicy policy, List<QueueItem> items, Optional<Candidate> forOperator) {
    Comparator<QueueItem> order = BY_DEADLINE;
    if (policy == RoutingPolicy.SKILLS && forOperator.isPresent()) {
      Candidate me = forOperator.get();
      order = Comparator.comparingInt((QueueItem item) -> -me.match(item)).thenComparing(order);
    }
    return items.stream().sorted(order).toList();
  }

  /** The operator the policy gives the item to, among the suitable ones; empty if nobody fits. */
  public static Optional<Candidate> choose(
      RoutingPolicy policy, QueueItem item, List<Candidate> candidates) {
    Comparator<Candidate> longestIdle =
        Comparator.comparing(Candidate::idleSince, EARLIEST_FIRST)
            .thenComparing(Candidate::operator);
    return switch (policy) {
      case FIFO ->
          candidates.stream()
              .min(
                  Comparator.comparing(
                          Candidate::lastOfferAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                      .thenComparing(Candidate::operator));
      case LONGEST_IDLE -> candidates.stream().min(longestIdle);
      case SKILLS ->
          candidates.stream()
              .filter(candidate -> candidate.match(item) >= 0)
              .min(
                  Comparator.comparingInt((Candidate candidate) -> -candidate.match(item))
                      .thenComparing(longestIdle));
    };
  }
}
