package it.sportello.worklist;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A user task as the worklist shows it. {@code businessKey} is the business object's number (e.g.
 * the ticket). {@code subjectKind} says what kind of case the task is about where one process
 * serves several (the approval: {@code LETTER} or {@code COMPLAINT}, from its {@code subjectKind}
 * variable); null for the others, whose process says it.
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
    int priority,
    @Schema(
            description =
                "The kind of case the task is about where its process serves several (approval: LETTER"
                    + " or COMPLAINT); null otherwise")
        String subjectKind) {}
