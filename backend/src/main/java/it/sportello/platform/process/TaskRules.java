package it.sportello.platform.process;

import it.sportello.platform.process.TaskActors.Actor;
import it.sportello.platform.security.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The rules of every user task, whatever the door (our {@code /api}, Camunda's Tasklist, {@code
 * /engine-rest}) and whatever the model: added by {@link EngineRulesPlugin} to every user task as a
 * built-in listener, which no model can leave out and no {@code skipCustomListeners} skips.
 *
 * <ul>
 *   <li>A task is assigned only to one of its candidates (a member of one of its candidate groups,
 *       or a candidate user); a task without candidates keeps the assignee its model gave it.
 *   <li>Only a candidate, a supervisor or an administrator assigns a task to someone else.
 *   <li>A task is completed by its assignee, or by a candidate while nobody holds it; never in
 *       somebody else's name.
 * </ul>
 *
 * Without a user behind the call (the engine's jobs) only the assignee is checked; the
 * application's own work under its own rules ({@link TaskActors#asTheApplication}) is not checked.
 */
class TaskRules implements TaskListener {

  private static final Set<String> MAY_ASSIGN_OTHERS =
      Set.of(Role.SUPERVISOR.groupId(), Role.ADMIN.groupId());

  @Override
  public void notify(DelegateTask task) {
    if (TaskActors.isTheApplication()) {
      return;
    }
    switch (task.getEventName()) {
      case EVENTNAME_ASSIGNMENT -> onAssignment(task);
      case EVENTNAME_COMPLETE -> onCompletion(task);
      default -> {}
    }
  }

  private void onAssignment(DelegateTask task) {
    String assignee = task.getAssignee();
    Optional<Actor> actor = TaskActors.current(task);
    Candidates candidates = Candidates.of(task);
    if (assignee == null) {
      return;
    }
    if (candidates.none()) {
      if (actor.isPresent() && !actor.get().isIn(Role.ADMIN.groupId())) {
        throw refused(task, "it is offered to nobody: only its model assigns it");
      }
      return;
    }
    // a user claiming for themself brings their groups; anyone else's are looked up
    List<String> assigneeGroups =
        actor
            .filter(user -> user.userId().equals(assignee))
            .map(Actor::groupIds)
            .orElseGet(() -> groupsOf(task, assignee));
    if (!candidates.includes(assignee, assigneeGroups)) {
      throw refused(
          task, "'" + assignee + "' is not a member of the groups it is offered to " + candidates);
    }
    if (actor.isPresent()
        && !actor.get().userId().equals(assignee)
        && !candidates.includes(actor.get().userId(), actor.get().groupIds())
        && actor.get().groupIds().stream().noneMatch(MAY_ASSIGN_OTHERS::contains)) {
      throw refused(task, "'" + actor.get().userId() + "' may not hand it to someone else");
    }
  }

  private void onCompletion(DelegateTask task) {
    Optional<Actor> actor = TaskActors.current(task);
    if (actor.isEmpty()) {
      return;
    }
    String user = actor.get().userId();
    String assignee = task.getAssignee();
    if (assignee != null && !assignee.equals(user)) {
      throw refused(task, "it is held by '" + assignee + "', not by '" + user + "'");
    }
    Candidates candidates = Candidates.of(task);
    if (candidates.none() ? assignee == null : !candidates.includes(user, actor.get().groupIds())) {
      throw refused(
          task, "'" + user + "' is not a member of the groups it is offered to " + candidates);
    }
  }

  private static List<String> groupsOf(DelegateTask task, String userId) {
    // the acting user may not read other users' groups: the rule reads them as the engine
    return Context.getCommandContext()
        .runWithoutAuthorization(
            () ->
                task
                    .getProcessEngineServices()
                    .getIdentityService()
                    .createGroupQuery()
                    .groupMember(userId)
                    .list()
                    .stream()
                    .map(Group::getId)
                    .toList());
  }

  private static AuthorizationException refused(DelegateTask task, String reason) {
    return new AuthorizationException(
        "Task '" + task.getName() + "' (" + task.getId() + ") refused: " + reason + ".");
  }

  /** The candidate groups and users of a task. */
  private record Candidates(Set<String> groups, Set<String> users) {

    static Candidates of(DelegateTask task) {
      Set<IdentityLink> links =
          task.getCandidates().stream()
              .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
              .collect(Collectors.toSet());
      return new Candidates(
          links.stream()
              .map(IdentityLink::getGroupId)
              .filter(id -> id != null)
              .collect(Collectors.toSet()),
          links.stream()
              .map(IdentityLink::getUserId)
              .filter(id -> id != null)
              .collect(Collectors.toSet()));
    }

    boolean none() {
      return groups.isEmpty() && users.isEmpty();
    }

    boolean includes(String userId, List<String> groupIds) {
      return users.contains(userId) || groupIds.stream().anyMatch(groups::contains);
    }

    @Override
    public String toString() {
      return groups.stream().sorted().toList().toString();
    }
  }
}
