package it.sportello;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/** Users and queues the wiring tests make for themselves in the engine's identity tables. */
public final class TestUsers {

  private TestUsers() {}

  /**
   * A new user {@code id} with the tests' shared password, like the demo users (saved without the
   * password policy), member of {@code groups}.
   */
  public static String create(IdentityService identityService, String id, String... groups) {
    User user = identityService.newUser(id);
    user.setFirstName(id);
    user.setLastName("(test)");
    user.setPassword("demo");
    ((IdentityServiceImpl) identityService).saveUser(user, true);
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
    return id;
  }

  /** A new queue: a group of type WORKFLOW named {@code name}. */
  public static String queue(IdentityService identityService, String id, String name) {
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
    return id;
  }
}
