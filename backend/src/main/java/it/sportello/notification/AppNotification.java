package it.sportello.notification;

import java.time.Instant;
import java.util.Map;

/**
 * A notification in the application as its reader sees it, with the open task of its ticket when
 * there is one.
 */
public record AppNotification(
    long id,
    AppNotificationKind kind,
    String ticketNumber,
    Map<String, String> params,
    Instant createdAt,
    boolean read,
    String taskId) {}
