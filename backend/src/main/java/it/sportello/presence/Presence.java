package it.sportello.presence;

import java.time.Instant;

/** Someone else on the same ticket: since when they have it open, and their current activity. */
public record Presence(String userId, Activity activity, Instant since, Instant activitySince) {}
