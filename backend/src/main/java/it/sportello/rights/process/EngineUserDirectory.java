package it.sportello.rights.process;

import it.sportello.rights.UserDirectory;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The users and groups of the process engine's identity service (ADR 3). */
@Component
class EngineUserDirectory implements UserDirectory {

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private final IdentityService identityService;

  EngineUserDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public List<DirectoryUser> users() {
    return identityService.createUserQuery().orderByUserId().asc().list().stream()
        .map(this::of)
        .toList();
  }

  @Override
  public Optional<DirectoryUser> user(String id) {
    return Optional.ofNullable(identityService.createUserQuery().userId(id).singleResult())
        .map(this::of);
  }

  private DirectoryUser of(User user) {
    return new DirectoryUser(
        user.getId(),
        user.getFirstName(),
        user.getLastName(),
        user.getEmail(),
        identityService
            .createGroupQuery()
            .groupMember(user.getId())
            .orderByGroupId()
            .asc()
            .list()
            .stream()
            .map(Group::getId)
            .toList());
  }

  @Override
  public List<DirectoryGroup> groups() {
    return identityService.createGroupQuery().orderByGroupId().asc().list().stream()
        .map(group -> new DirectoryGroup(group.getId(), group.getName()))
        .toList();
  }

  @Override
  public boolean groupExists(String id) {
    return identityService.createGroupQuery().groupId(id).count() == 1;
  }

  @Override
  public List<String> policyViolations(String userId, String password) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identityService.newUser(userId);
    }
    return identityService.checkPasswordAgainstPolicy(password, user).getViolatedRules().stream()
        .map(EngineUserDirectory::describe)
        .toList();
  }

  private static String describe(PasswordPolicyRule rule) {
    String placeholder = rule.getPlaceholder();
    return switch (placeholder) {
      case "PASSWORD_POLICY_LOWERCASE" -> "needs a lower-case letter";
      case "PASSWORD_POLICY_UPPERCASE" -> "needs an upper-case letter";
      case "PASSWORD_POLICY_DIGIT" -> "needs a digit";
      case "PASSWORD_POLICY_SPECIAL" -> "needs a special character";
      case "PASSWORD_POLICY_LENGTH" -> "is too short";
      case "PASSWORD_POLICY_USER_DATA" -> "contains the user's id, name or e-mail";
      default -> "breaks the rule " + placeholder;
    };
  }

  @Override
  public void create(String id, String firstName, String lastName, String email, String password) {
    User user = identityService.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    user.setPassword(password);
    identityService.saveUser(user);
  }

  @Override
  public void setPassword(String id, String password) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    user.setPassword(password);
    identityService.saveUser(user);
  }

  @Override
  public void lock(String id) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    // within the engine's password policy (upper and lower case, digit, special character)
    setPassword(id, java.util.Base64.getEncoder().encodeToString(random) + "Aa1!");
  }

  @Override
  public void grant(String userId, String groupId) {
    identityService.createMembership(userId, groupId);
  }

  @Override
  public void revoke(String userId, String groupId) {
    identityService.deleteMembership(userId, groupId);
  }
}
