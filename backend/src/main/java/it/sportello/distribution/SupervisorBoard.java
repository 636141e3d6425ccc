package it.sportello.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.distribution.Presences.OperatorPresence;
import it.sportello.distribution.QueuePolicies.QueuePolicy;
import it.sportello.worklist.GroupWork;
import it.sportello.worklist.Worklist;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The supervisors' live board: every queue with its policy and work, every operator. */
@Service
public class SupervisorBoard {

  private final QueuePolicies policies;
  private final Worklist worklist;
  private final QueueTasksPort tasks;
  private final Presences presences;
  private final Capacities capacities;
  private final Offers offers;
  private final Clock clock;

  SupervisorBoard(
      QueuePolicies policies,
      Worklist worklist,
      QueueTasksPort tasks,
      Presences presences,
      Capacities capacities,
      Offers offers,
      Clock clock) {
    this.policies = policies;
    this.worklist = worklist;
    this.tasks = tasks;
    this.presences = presences;
    this.capacities = capacities;
    this.offers = offers;
    this.clock = clock;
  }

  @Schema(description = "A queue on the board")
  public record QueueRow(
      String queue,
      @Schema(description = "The queue's name (its group's name)") String name,
      RoutingPolicy policy,
      RoutingMode mode,
      int offerTimeoutSeconds,
      @Schema(description = "Items nobody has taken") long waiting,
      @Schema(description = "Items someone has taken") long inProgress,
      @Schema(description = "Since when the oldest item has been waiting")
          Instant oldestWaitingSince,
      @Schema(description = "Seconds the oldest item has been waiting") Long oldestWaitSeconds,
      @Schema(description = "Past their follow-up date, not yet due") long atRisk,
      @Schema(description = "Past their SLA deadline") long breached,
      @Schema(description = "PUSH: offers waiting for an answer") long openOffers) {}

  @Schema(description = "An operator on the board")
  public record OperatorRow(
      String operator,
      PresenceState state,
      @Schema(description = "PAUSED: the reason's code") String reason,
      Instant since,
      boolean onCall,
      @Schema(description = "Work held now, per channel") Map<WorkChannel, Integer> load,
      @Schema(description = "Capacity per channel") Map<WorkChannel, Integer> capacity,
      @Schema(description = "The queues the operator works in") List<String> queues) {}

  @Schema(description = "The supervisors' live board")
  public record DistributionBoard(
      Instant asOf, List<QueueRow> queues, List<OperatorRow> operators) {}

  public DistributionBoard board() {
    Instant now = clock.instant();
    List<QueuePolicy> all = policies.all();
    Map<String, GroupWork> work =
        worklist.workload(all.stream().map(QueuePolicy::queue).toList()).stream()
            .collect(Collectors.toMap(GroupWork::group, Function.identity()));
    List<QueueRow> queues = new ArrayList<>();
    Map<String, TreeSet<String>> queuesOf = new TreeMap<>();
    for (QueuePolicy policy : all) {
      GroupWork w = work.get(policy.queue());
      for (String member : tasks.members(policy.queue())) {
        queuesOf.computeIfAbsent(member, m -> new TreeSet<>()).add(policy.queue());
      }
      Instant oldest = w == null ? null : w.oldestWaitingSince();
      queues.add(
          new QueueRow(
              policy.queue(),
              w == null ? policy.queue() : w.name(),
              policy.policy(),
              policy.mode(),
              policy.offerTimeoutSeconds(),
              w == null ? 0 : w.waiting(),
              w == null ? 0 : w.inProgress(),
              oldest,
              oldest == null ? null : Duration.between(oldest, now).toSeconds(),
              w == null ? 0 : w.atRisk(),
              w == null ? 0 : w.breached(),
              offers.open(policy.queue()).size()));
    }
    presences.all().forEach(p -> queuesOf.putIfAbsent(p.operator(), new TreeSet<>()));
    Map<String, OperatorPresence> presence = presences.of(queuesOf.keySet());
    Map<String, Map<WorkChannel, Integer>> load = capacities.load(queuesOf.keySet(), presence);
    List<OperatorRow> operators =
        queuesOf.entrySet().stream()
            .map(
                entry -> {
                  OperatorPresence p = presence.get(entry.getKey());
                  return new OperatorRow(
                      entry.getKey(),
                      p.state(),
                      p.reason(),
                      p.since(),
                      p.onCall(),
                      load.get(entry.getKey()),
                      capacities.of(entry.getKey()).max(),
                      List.copyOf(entry.getValue()));
                })
            .toList();
    return new DistributionBoard(now, queues, operators);
  }
}
