package it.sportello.shared;

/**
 * A user's password, groups or state changed (the register of user rights, the engine's identity
 * administration): credentials verified before it must be checked again.
 *
 * @param userId the user, or null for any user
 */
public record IdentityChanged(String userId) {

  /** Every user: what changed is not known exactly. */
  public static IdentityChanged anyUser() {
    return new IdentityChanged(null);
  }
}
