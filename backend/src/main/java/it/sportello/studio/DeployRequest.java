package it.sportello.studio;

import java.time.Instant;
import java.util.List;

/** A request to deploy a draft, and its four-eyes decision. */
public record DeployRequest(
    long id,
    long draftId,
    DraftKind kind,
    String key,
    String sha256,
    List<String> resources,
    String diffSummary,
    String requestedBy,
    Instant requestedAt,
    String decision,
    String decidedBy,
    Instant decidedAt,
    String comments,
    String deploymentId) {

  public boolean pending() {
    return decision == null;
  }
}
