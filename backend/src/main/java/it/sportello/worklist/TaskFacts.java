package it.sportello.worklist;

import java.time.Instant;
import java.util.Map;

/** A task's place in an inbox: its deadline, creation and the variables a ranking reads. */
public record TaskFacts(
    String taskId, Instant dueAt, Instant createdAt, Map<String, Object> variables) {}
