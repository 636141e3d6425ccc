package it.sportello.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One thing to record: who ({@code actor}, with their roles), did what ({@code action}) to which
 * resource, about whom ({@code subject}: a fiscal code, or {@code contact:<id>} when the person has
 * none), with what outcome; {@code reason} for a break-glass read.
 */
public record AuditEntry(
    String actor,
    String actorRoles,
    String action,
    String resourceType,
    String resourceId,
    String subject,
    String outcome,
    String reason,
    String clientAddress) {

  public static final String SUCCESS = "SUCCESS";
  public static final String DENIED = "DENIED";
  public static final String FAILURE = "FAILURE";

  /** A read outside the reader's need to know, allowed with a stated reason. */
  public static final String BREAK_GLASS = "BREAK_GLASS";

  public AuditEntry {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resourceType, "resourceType");
    actor = actor == null || actor.isBlank() ? "anonymous" : cut(actor, 100);
    actorRoles = actorRoles == null ? "" : cut(actorRoles, 500);
    outcome = outcome == null ? SUCCESS : outcome;
    resourceId = resourceId == null ? null : cut(resourceId, 200);
    reason = reason == null ? null : cut(reason, 500);
    clientAddress = clientAddress == null ? null : cut(clientAddress, 100);
  }

  /** A change made by the system or a user, recorded in the transaction that makes it. */
  public static AuditEntry change(
      String actor, String action, String resourceType, String resourceId, String subject) {
    return new AuditEntry(
        actor, null, action, resourceType, resourceId, subject, SUCCESS, null, null);
  }

  /**
   * Its values in the order of the trail's columns, which is also their order in the chain's
   * canonical form (nulls kept).
   */
  List<Object> columns() {
    return Arrays.asList(
        actor,
        actorRoles,
        action,
        resourceType,
        resourceId,
        subject,
        outcome,
        reason,
        clientAddress);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
