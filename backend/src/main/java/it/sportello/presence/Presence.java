package it.sportello.presence;

import java.time.Instant;

/**
 * Someone else on the same ticket: since when they have it open, and their current activity.
 *
 * @param name their display name ("Mario Rossi"), null when the directory has none
 */
public record Presence(
    String userId, Activity activity, Instant since, Instant activitySince, String name) {

  public Presence(String userId, Activity activity, Instant since, Instant activitySince) {
    this(userId, activity, since, activitySince, null);
  }

  /** The same presence with the display name. */
  public Presence named(String displayName) {
    return new Presence(userId, activity, since, activitySince, displayName);
  }
}
