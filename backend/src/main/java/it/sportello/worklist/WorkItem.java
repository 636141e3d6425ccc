package it.sportello.worklist;

import java.time.Instant;

/**
 * A user task as the worklist shows it. {@code businessKey} is the business object's number (e.g.
 * the ticket).
 */
public record WorkItem(
    String id,
    String name,
    String taskKey,
    String processKey,
    String processInstanceId,
    String businessKey,
    String assignee,
    Instant createdAt,
    Instant dueAt,
    int priority) {}
