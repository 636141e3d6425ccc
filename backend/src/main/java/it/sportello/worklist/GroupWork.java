package it.sportello.worklist;

import java.time.Instant;

/**
 * The open tasks offered to one group (a queue, a level, an office, the secretariat...): waiting
 * for someone to take them, in progress (taken), since when the oldest has been waiting, how many
 * are at risk (past their follow-up date, not yet due) and breached (past their due date).
 */
public record GroupWork(
    String group,
    String name,
    long waiting,
    long inProgress,
    Instant oldestWaitingSince,
    long atRisk,
    long breached) {}
