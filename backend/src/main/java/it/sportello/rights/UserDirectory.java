package it.sportello.rights;

import java.util.List;
import java.util.Optional;

/** The directory of local users and groups (the process engine's identity service today). */
public interface UserDirectory {

  /** A local user with the ids of their groups. */
  record DirectoryUser(
      String id, String firstName, String lastName, String email, List<String> groups) {}

  /** A group (a role of Sportello, or an office or queue group). */
  record DirectoryGroup(String id, String name) {}

  List<DirectoryUser> users();

  Optional<DirectoryUser> user(String id);

  List<DirectoryGroup> groups();

  boolean groupExists(String id);

  /**
   * What the directory's own password policy refuses in {@code password} for this user (empty:
   * none).
   */
  List<String> policyViolations(String userId, String password);

  void create(String id, String firstName, String lastName, String email, String password);

  void setPassword(String id, String password);

  /**
   * Makes the account's password unusable (a long random one nobody knows), so that no login that
   * asks the directory for the password succeeds: the engine's own web applications check it there.
   * Enabling the account again takes a password reset.
   */
  void lock(String id);

  void grant(String userId, String groupId);

  void revoke(String userId, String groupId);
}
