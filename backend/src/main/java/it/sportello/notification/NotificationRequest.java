package it.sportello.notification;

import it.sportello.notification.Notification.RecipientKind;
import java.util.Map;

/**
 * A message to queue. {@code dedupKey} names the business event (e.g. {@code
 * RS-2026-000001:closed}), so that queuing it again is a no-op.
 */
public record NotificationRequest(
    String dedupKey,
    Long ticketId,
    RecipientKind recipientKind,
    String recipient,
    String channel,
    String template,
    String language,
    Map<String, String> payload) {}
