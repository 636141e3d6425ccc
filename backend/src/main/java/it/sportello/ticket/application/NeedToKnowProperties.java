package it.sportello.ticket.application;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read which ticket ({@code sportello.tickets.need-to-know.*}).
 *
 * @param readAllGroups the roles (their group ids) that read every ticket outside the restricted
 *     queues; the other staff read a ticket when they are a candidate of one of its tasks (its
 *     queue's members at level 1), have worked on it, or it was assigned to their office. The
 *     default keeps the workspace's search and inbox as they were: every operator and supervisor; a
 *     stricter administration lists {@code supervisor} only.
 * @param restrictedQueues queues readable only by their members (the privacy queue), whatever the
 *     role, except by a break-glass read with a reason
 */
@ConfigurationProperties("sportello.tickets.need-to-know")
public record NeedToKnowProperties(
    @DefaultValue({"level1", "level2", "level3", "supervisor"}) Set<String> readAllGroups,
    @DefaultValue("privacy") Set<String> restrictedQueues) {}
