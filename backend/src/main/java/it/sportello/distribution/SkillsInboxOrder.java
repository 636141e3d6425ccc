package it.sportello.distribution;

import it.sportello.worklist.InboxOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The inbox of a SKILLS queue in PULL mode, for the operator viewing it: the items they fit best
 * first (language proficiency, then topic, as {@link Candidate#match}; items in a language they do
 * not speak last), each group by deadline (ADR 0032). FIFO and LONGEST_IDLE lists are the inbox's
 * own deadline order, so they need none.
 */
@Component
class SkillsInboxOrder implements InboxOrder {

  static final String LANGUAGE = "language";
  static final String TOPIC = "topic";

  private final QueuePolicies policies;
  private final Skills skills;

  SkillsInboxOrder(QueuePolicies policies, Skills skills) {
    this.policies = policies;
    this.skills = skills;
  }

  @Override
  public Optional<Ranking> of(String queue, String operator) {
    return policies
        .of(queue)
        .filter(
            policy -> policy.policy() == RoutingPolicy.SKILLS && policy.mode() == RoutingMode.PULL)
        .map(policy -> ranking(queue, operator));
  }

  private Ranking ranking(String queue, String operator) {
    Candidate me =
        new Candidate(
            operator,
            Instant.EPOCH,
            null,
            skills.byOperator(List.of(operator), SkillKind.LANGUAGE).get(operator),
            skills.byOperator(List.of(operator), SkillKind.TOPIC).get(operator));
    return new Ranking(
        Set.of(LANGUAGE, TOPIC),
        (Map<String, Object> variables) ->
            me.match(
                new QueueItem(
                    null,
                    null,
                    queue,
                    null,
                    null,
                    text(variables.get(LANGUAGE)),
                    text(variables.get(TOPIC)))));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
