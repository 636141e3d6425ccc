package it.sportello.distribution;

import java.time.Instant;

/**
 * A waiting item of a queue (an unassigned user task offered to the queue's group).
 *
 * @param dueAt the SLA deadline (the task's due date), null if none
 * @param language the requester's language (ISO 639-1), null if unknown
 * @param topic the topic of the classification tree, null if not classified
 */
public record QueueItem(
    String taskId,
    String businessKey,
    String queue,
    Instant dueAt,
    Instant createdAt,
    String language,
    String topic) {}
