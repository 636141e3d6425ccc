package it.sportello.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.distribution.Presences.OperatorPresence;
import it.sportello.distribution.QueuePolicies.QueuePolicy;
import it.sportello.shared.ConflictException;
import it.sportello.shared.NotFoundException;
import it.sportello.worklist.Worklist;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers of PUSH queues: a round offers each waiting item, in the policy's order, to one suitable
 * available operator (the policy's choice, within capacity, who has not already declined or let it
 * time out). Offers are rows of {@code distribution_offer}: one open offer per task and per
 * operator (unique indexes), and a round holds its queue's policy row ({@code for update skip
 * locked}), so two nodes never offer one task twice. Accepting claims the task through the
 * worklist; declining or a timeout offers it to the next operator; an operator who lets offers time
 * out is paused.
 */
@Service
public class Offers {

  /** How many waiting items a round looks at. */
  static final int ROUND_ITEMS = 500;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final QueuePolicies policies;
  private final Presences presences;
  private final Skills skills;
  private final Capacities capacities;
  private final QueueTasksPort tasks;
  private final Worklist worklist;
  private final Assignments assignments;
  private final DistributionProperties properties;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;

  Offers(
      JdbcTemplate jdbcTemplate,
      Clock clock,
      QueuePolicies policies,
      Presences presences,
      Skills skills,
      Capacities capacities,
      QueueTasksPort tasks,
      Worklist worklist,
      Assignments assignments,
      DistributionProperties properties,
      TransactionTemplate transactions,
      ApplicationEventPublisher events) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.clock = clock;
    this.policies = policies;
    this.presences = presences;
    this.skills = skills;
    this.capacities = capacities;
    this.tasks = tasks;
    this.worklist = worklist;
    this.assignments = assignments;
    this.properties = properties;
    this.transactions = transactions;
    this.events = events;
  }

  @Schema(description = "An item offered to an operator")
  public record WorkOffer(
      long id,
      String taskId,
      @Schema(description = "The business object's number (e.g. the ticket)") String businessKey,
      String queue,
      String operator,
      OfferState state,
      Instant offeredAt,
      @Schema(description = "Accept or decline before this instant") Instant expiresAt) {}

  public enum OfferState {
    OPEN,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    WITHDRAWN
  }

  /** Every few seconds, on every node: expire offers and make a round on each PUSH queue. */
  @Scheduled(
      fixedDelayString = "${sportello.distribution.round-interval:5s}",
      initialDelayString = "${sportello.distribution.round-interval:5s}")
  void scheduled() {
    if (properties.scheduleRounds()) {
      roundAll();
    }
  }

  /** Expires due offers and makes a round on every PUSH queue; the number of offers made. */
  public int roundAll() {
    transactions.executeWithoutResult(status -> expireDue());
    int made = 0;
    for (QueuePolicy policy : policies.all()) {
      if (policy.mode() == RoutingMode.PUSH) {
        made += transactions.execute(status -> round(policy.queue()));
      }
    }
    return made;
  }

  /**
   * One round on the queue: returns the offers made (zero if the queue is PULL or another node is
   * making its round now).
   */
  @Transactional
  public int round(String queue) {
    expireDue();
    Optional<QueuePolicy> locked = policies.lockForRound(queue);
    if (locked.isEmpty() || locked.get().mode() != RoutingMode.PUSH) {
      return 0;
    }
    QueuePolicy policy = locked.get();
    Set<String> offered = new HashSet<>(openTasks(queue));
    List<QueueItem> items =
        tasks.waiting(queue, ROUND_ITEMS).stream()
            .filter(item -> !offered.contains(item.taskId()))
            .toList();
    if (items.isEmpty()) {
      return 0;
    }
    List<Candidate> candidates = new ArrayList<>(candidates(queue));
    Instant now = clock.instant();
    int made = 0;
    for (QueueItem item : Router.order(policy.policy(), items, Optional.empty())) {
      if (candidates.isEmpty()) {
        break;
      }
      Set<String> refused = refusedBy(item.taskId());
      List<Candidate> suitable =
          candidates.stream().filter(c -> !refused.contains(c.operator())).toList();
      Optional<Candidate> chosen = Router.choose(policy.policy(), item, suitable);
      if (chosen.isEmpty()) {
        continue;
      }
      if (insert(item, chosen.get().operator(), now, policy.offerTimeoutSeconds())) {
        made++;
        candidates.remove(chosen.get());
      }
    }
    return made;
  }

  /** The operators of the queue who may be offered an item now, as the policy sees them. */
  List<Candidate> candidates(String queue) {
    List<String> members = tasks.members(queue);
    if (members.isEmpty()) {
      return List.of();
    }
    Map<String, OperatorPresence> presence = presences.of(members);
    Set<String> withOffer = new HashSet<>(operatorsWithOpenOffer());
    Map<String, Map<WorkChannel, Integer>> load = capacities.load(members, presence);
    Map<String, Map<String, Integer>> languages = skills.byOperator(members, SkillKind.LANGUAGE);
    Map<String, Map<String, Integer>> topics = skills.byOperator(members, SkillKind.TOPIC);
    Map<String, Instant> lastOffers = lastOffers(queue);
    List<Candidate> candidates = new ArrayList<>();
    for (String operator : members) {
      OperatorPresence p = presence.get(operator);
      if (p.state() == PresenceState.BUSY && p.source() == PresenceSource.WORK) {
        // busy by the work: free again once below capacity
        if (capacities.of(operator).allows(WorkChannel.OFFLINE, load.get(operator))) {
          p = presences.change(operator, PresenceState.AVAILABLE, null, PresenceSource.WORK);
        }
      }
      if (p.state() != PresenceState.AVAILABLE
          || withOffer.contains(operator)
          || !capacities.of(operator).allows(WorkChannel.OFFLINE, load.get(operator))) {
        continue;
      }
      candidates.add(
          new Candidate(
              operator,
              p.idleSince() != null ? p.idleSince() : p.since(),
              lastOffers.get(operator),
              languages.get(operator),
              topics.get(operator)));
    }
    return candidates;
  }

  /**
   * The operator's open offer, after expiring due offers and a round on the operator's PUSH queues.
   */
  public Optional<WorkOffer> current(String operator) {
    transactions.executeWithoutResult(status -> expireDue());
    for (QueuePolicy policy : policies.all()) {
      if (policy.mode() == RoutingMode.PUSH && tasks.members(policy.queue()).contains(operator)) {
        transactions.execute(status -> round(policy.queue()));
      }
    }
    return jdbc.sql(SELECT + " where o.operator = :o and o.state = 'OPEN'")
        .param("o", operator)
        .query(this::offer)
        .optional();
  }

  /** Accepts the operator's open offer: the task becomes theirs. */
  @Transactional
  public WorkOffer accept(long id, String operator) {
    WorkOffer offer = lockOpen(id, operator);
    if (!tasks.isWaiting(offer.taskId())) {
      answer(id, OfferState.WITHDRAWN);
      throw new ConflictException(409, "The item of offer " + id + " has been taken meanwhile.");
    }
    worklist.assign(offer.taskId(), operator, operator);
    answer(id, OfferState.ACCEPTED);
    presences.answeredOffer(operator);
    assignments.record(
        offer.taskId(), offer.businessKey(), offer.queue(), operator, "OFFER", operator);
    OperatorPresence p = presences.of(operator);
    // offline work up to the capacity: busy until some is done
    if (p.state() == PresenceState.AVAILABLE
        && !capacities
            .of(operator)
            .allows(
                WorkChannel.OFFLINE,
                capacities.load(List.of(operator), Map.of(operator, p)).get(operator))) {
      presences.change(operator, PresenceState.BUSY, null, PresenceSource.WORK);
    }
    return get(id);
  }

  /** Declines the operator's open offer: the item goes to the next operator. */
  @Transactional
  public WorkOffer decline(long id, String operator) {
    WorkOffer offer = lockOpen(id, operator);
    answer(id, OfferState.DECLINED);
    presences.answeredOffer(operator);
    round(offer.queue());
    return get(id);
  }

  /**
   * Expires the open offers past their time: each counts as missed for its operator (paused after
   * the queue's threshold).
   */
  @Transactional
  public int expireDue() {
    List<Map<String, Object>> expired =
        jdbc.sql(
                """
                update sportello.distribution_offer set state = 'EXPIRED', answered_at = :now
                where state = 'OPEN' and expires_at <= :now returning operator, queue
                """)
            .param("now", Timestamp.from(clock.instant()))
            .query()
            .listOfRows();
    for (Map<String, Object> row : expired) {
      String queue = (String) row.get("queue");
      int threshold = policies.of(queue).map(QueuePolicy::missedOffersToPause).orElse(1);
      presences.missedOffer((String) row.get("operator"), threshold);
    }
    return expired.size();
  }

  /** The offers of a task, oldest first (who was offered it, and what they did). */
  public List<WorkOffer> ofTask(String taskId) {
    return jdbc.sql(SELECT + " where o.task_id = :t order by o.id")
        .param("t", taskId)
        .query(this::offer)
        .list();
  }

  /** The open offers of a queue, for the board. */
  public List<WorkOffer> open(String queue) {
    return jdbc.sql(SELECT + " where o.queue = :q and o.state = 'OPEN' order by o.id")
        .param("q", queue)
        .query(this::offer)
        .list();
  }

  private WorkOffer lockOpen(long id, String operator) {
    WorkOffer offer =
        jdbc.sql(SELECT + " where o.id = :id for update")
            .param("id", id)
            .query(this::offer)
            .optional()
            .orElseThrow(() -> new NotFoundException("No offer " + id));
    if (!offer.operator().equals(operator)) {
      throw new NotFoundException("No offer " + id);
    }
    if (offer.state() != OfferState.OPEN || !clock.instant().isBefore(offer.expiresAt())) {
      throw new ConflictException(409, "WorkOffer " + id + " is no longer open.");
    }
    return offer;
  }

  private WorkOffer get(long id) {
    return jdbc.sql(SELECT + " where o.id = :id").param("id", id).query(this::offer).single();
  }

  private void answer(long id, OfferState state) {
    jdbc.sql(
            "update sportello.distribution_offer set state = :s, answered_at = :now where id ="
                + " :id")
        .param("s", state.name())
        .param("now", Timestamp.from(clock.instant()))
        .param("id", id)
        .update();
  }

  /** Claims the offer in the database; false if another node offered the task or the operator. */
  private boolean insert(QueueItem item, String operator, Instant now, int timeoutSeconds) {
    boolean inserted =
        jdbc.sql(
                    """
                insert into sportello.distribution_offer
                    (task_id, business_key, queue, operator, state, offered_at, expires_at)
                values (:t, :key, :q, :o, 'OPEN', :now, :expires)
                on conflict do nothing
                """)
                .param("t", item.taskId())
                .param("key", item.businessKey())
                .param("q", item.queue())
                .param("o", operator)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plusSeconds(timeoutSeconds)))
                .update()
            == 1;
    if (inserted) {
      // pushed to the operator's open stream once the round commits (the poll stays the fallback)
      events.publishEvent(new OfferMade(operator, item.taskId()));
    }
    return inserted;
  }

  private List<String> openTasks(String queue) {
    return jdbc.sql(
            "select task_id from sportello.distribution_offer where queue = :q and state = 'OPEN'")
        .param("q", queue)
        .query(String.class)
        .list();
  }

  private List<String> operatorsWithOpenOffer() {
    return jdbc.sql("select operator from sportello.distribution_offer where state = 'OPEN'")
        .query(String.class)
        .list();
  }

  private Set<String> refusedBy(String taskId) {
    return new HashSet<>(
        jdbc.sql(
                "select operator from sportello.distribution_offer where task_id = :t"
                    + " and state in ('DECLINED', 'EXPIRED')")
            .param("t", taskId)
            .query(String.class)
            .list());
  }

  private Map<String, Instant> lastOffers(String queue) {
    Map<String, Instant> last = new HashMap<>();
    jdbc.sql(
            "select operator, max(offered_at) as last from sportello.distribution_offer"
                + " where queue = :q group by operator")
        .param("q", queue)
        .query(
            rs -> {
              last.put(rs.getString("operator"), rs.getTimestamp("last").toInstant());
            });
    return last;
  }

  private static final String SELECT =
      "select o.id, o.task_id, o.business_key, o.queue, o.operator, o.state, o.offered_at,"
          + " o.expires_at from sportello.distribution_offer o";

  private WorkOffer offer(ResultSet rs, int row) throws SQLException {
    return new WorkOffer(
        rs.getLong("id"),
        rs.getString("task_id"),
        rs.getString("business_key"),
        rs.getString("queue"),
        rs.getString("operator"),
        OfferState.valueOf(rs.getString("state")),
        rs.getTimestamp("offered_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant());
  }
}
