package it.sportello.platform.process;

import it.sportello.platform.security.GroupAuthorities;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting on a task: the authenticated user of the request, whatever the door. Camunda's
 * webapps and {@code /engine-rest} set the engine's authentication; our {@code /api} runs under
 * Spring Security's. The task's assignee is never taken as the actor while a user is known: anyone
 * allowed to assign could otherwise decide in someone else's name.
 */
@NamedInterface("process")
public final class TaskActors {

  private static final ThreadLocal<Boolean> APPLICATION = ThreadLocal.withInitial(() -> false);

  /** A user acting on a task and the groups they belong to. */
  public record Actor(String userId, List<String> groupIds) {

    public boolean isIn(String groupId) {
      return groupIds.contains(groupId);
    }
  }

  /** The user behind the current call; empty for the engine's own work (jobs, timers). */
  public static Optional<Actor> current(DelegateTask task) {
    Authentication engine =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (engine != null && engine.getUserId() != null) {
      return Optional.of(
          new Actor(
              engine.getUserId(),
              engine.getGroupIds() == null ? List.of() : List.copyOf(engine.getGroupIds())));
    }
    org.springframework.security.core.Authentication spring =
        SecurityContextHolder.getContext().getAuthentication();
    if (spring != null
        && spring.isAuthenticated()
        && !(spring instanceof AnonymousAuthenticationToken)) {
      return Optional.of(
          new Actor(spring.getName(), GroupAuthorities.groupIds(spring.getAuthorities())));
    }
    return Optional.empty();
  }

  /**
   * The user recorded as having taken a decision on the task: the authenticated user; the assignee
   * only when no user is behind the call (the application's own trusted code).
   */
  public static String decidedBy(DelegateTask task) {
    return current(task).map(Actor::userId).orElse(task.getAssignee());
  }

  /**
   * Runs engine work that the application itself does under its own rules, which {@link TaskRules}
   * then leaves alone: the intake closing at once the contact it has just registered (whoever may
   * register a contact may record it solved, though they are no candidate of the task the model
   * opens and never work it). Decisions inside are still recorded under the caller's name.
   */
  public static void asTheApplication(Runnable work) {
    boolean outer = APPLICATION.get();
    APPLICATION.set(true);
    try {
      work.run();
    } finally {
      APPLICATION.set(outer);
    }
  }

  /** Whether the current engine work is the application's own ({@link #asTheApplication}). */
  static boolean isTheApplication() {
    return APPLICATION.get();
  }

  private TaskActors() {}
}
