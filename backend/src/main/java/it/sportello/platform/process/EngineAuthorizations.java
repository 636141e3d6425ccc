package it.sportello.platform.process;

import static org.camunda.bpm.engine.authorization.Permissions.*;
import static org.camunda.bpm.engine.authorization.Resources.*;

import it.sportello.platform.security.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What each role may do in Camunda's own surfaces (Cockpit, Admin, {@code /engine-rest}, the
 * webapps' REST), where the engine's authorizations apply; our {@code /api} is authorized by Spring
 * Security and the application's services. Each role gets exactly what it needs and no more:
 *
 * <ul>
 *   <li>operators, offices, the secretariat, managers and KB staff work in Sportello's own
 *       application: nothing in the engine's surfaces (no Tasklist); the engine's per-task
 *       authorizations give a task's candidates {@code TASK_WORK} on it ({@link
 *       EngineRulesPlugin});
 *   <li>supervisors: Cockpit, reading definitions, instances, tasks and their history;
 *   <li>analysts: Cockpit and reading; no deployments (the studio deploys as the system after four
 *       eyes, so the engine itself refuses an analyst's {@code CREATE} on a deployment), no
 *       instance changes, deletions or task work;
 *   <li>{@code api-client}: starting the processes listed in {@code
 *       sportello.engine.api-client-processes}, nothing else (no reads, variables or history);
 *   <li>administrators: everything.
 * </ul>
 *
 * This table is authoritative for the roles' groups: at every start their grants on whole resource
 * types ({@code *}), applications and process definitions are set to it, and such grants the table
 * no longer lists are removed (the engine's per-task and per-user grants are left alone).
 */
@Component
class EngineAuthorizations {

  private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);
  private static final String ANY = "*";

  private final AuthorizationService authorizations;
  private final EngineAccessProperties access;

  EngineAuthorizations(AuthorizationService authorizations, EngineAccessProperties access) {
    this.authorizations = authorizations;
    this.access = access;
  }

  /** One role's permissions on one resource. */
  record Grant(Role role, Resource resource, String resourceId, Set<Permission> permissions) {}

  /** The whole table, for every role. */
  List<Grant> table() {
    List<Grant> grants = new ArrayList<>();
    for (Resources resource : Resources.values()) {
      grants.add(grant(Role.ADMIN, resource, ANY, ALL));
    }
    grants.add(grant(Role.SUPERVISOR, APPLICATION, "cockpit", ACCESS));
    grants.add(
        grant(
            Role.SUPERVISOR,
            PROCESS_DEFINITION,
            ANY,
            READ,
            READ_HISTORY,
            READ_INSTANCE,
            READ_TASK));
    grants.add(grant(Role.SUPERVISOR, PROCESS_INSTANCE, ANY, READ));
    grants.add(grant(Role.SUPERVISOR, TASK, ANY, READ));
    grants.add(grant(Role.SUPERVISOR, DECISION_DEFINITION, ANY, READ, READ_HISTORY));
    grants.add(grant(Role.SUPERVISOR, DEPLOYMENT, ANY, READ));
    grants.add(grant(Role.ANALYST, APPLICATION, "cockpit", ACCESS));
    grants.add(grant(Role.ANALYST, DEPLOYMENT, ANY, READ));
    grants.add(
        grant(Role.ANALYST, PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE, READ_TASK));
    grants.add(grant(Role.ANALYST, PROCESS_INSTANCE, ANY, READ));
    grants.add(grant(Role.ANALYST, DECISION_DEFINITION, ANY, READ, READ_HISTORY));
    grants.add(grant(Role.ANALYST, DECISION_REQUIREMENTS_DEFINITION, ANY, READ));
    for (String process : access.apiClientProcesses()) {
      grants.add(grant(Role.API_CLIENT, PROCESS_DEFINITION, process, READ, CREATE_INSTANCE));
    }
    if (!access.apiClientProcesses().isEmpty()) {
      grants.add(grant(Role.API_CLIENT, PROCESS_INSTANCE, ANY, CREATE));
    }
    return grants;
  }

  @EventListener(ApplicationStartedEvent.class)
  void applyTable() {
    List<Grant> table = table();
    Map<String, Grant> wanted = new LinkedHashMap<>();
    table.forEach(grant -> wanted.put(key(grant.role().groupId(), grant), grant));
    for (Role role : Role.values()) {
      for (Authorization existing :
          authorizations.createAuthorizationQuery().groupIdIn(role.groupId()).list()) {
        if (existing.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT) {
          continue;
        }
        Grant grant = wanted.remove(key(role.groupId(), existing));
        if (grant == null && isManaged(existing)) {
          log.info(
              "Engine authorization of group {} on {} {} withdrawn (not in the roles' table)",
              role.groupId(),
              existing.getResourceType(),
              existing.getResourceId());
          authorizations.deleteAuthorization(existing.getId());
        } else if (grant != null && !grantedExactly(existing, grant)) {
          save(existing, grant);
        }
      }
    }
    wanted.values().forEach(grant -> save(null, grant));
    narrowTaskGrants();
  }

  /**
   * Tasks created before candidates and assignees were given {@code TASK_WORK} ({@link
   * EngineRulesPlugin}) still carry the engine's former default, {@code UPDATE}: narrowed once,
   * page by page; later starts find none.
   */
  private void narrowTaskGrants() {
    int narrowed = 0;
    List<Authorization> page;
    do {
      page =
          authorizations
              .createAuthorizationQuery()
              .resourceType(TASK)
              .hasPermission(UPDATE)
              .listPage(0, 500);
      for (Authorization grant : page) {
        if (ANY.equals(grant.getResourceId())) {
          continue;
        }
        grant.removePermission(UPDATE);
        grant.addPermission(TASK_WORK);
        authorizations.saveAuthorization(grant);
        narrowed++;
      }
    } while (page.stream().anyMatch(grant -> !ANY.equals(grant.getResourceId())));
    if (narrowed > 0) {
      log.info("{} per-task grants narrowed from UPDATE to TASK_WORK", narrowed);
    }
  }

  /**
   * Grants the table owns: on whole resource types, on applications and on process definitions (the
   * ones listed for external systems); per-task and per-user grants are the engine's.
   */
  private static boolean isManaged(Authorization authorization) {
    return ANY.equals(authorization.getResourceId())
        || authorization.getResourceType() == APPLICATION.resourceType()
        || authorization.getResourceType() == PROCESS_DEFINITION.resourceType();
  }

  private void save(Authorization existing, Grant grant) {
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.role().groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
    authorizations.saveAuthorization(authorization);
  }

  private static boolean grantedExactly(Authorization existing, Grant grant) {
    int wanted =
        grant.permissions().stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
    return Arrays.stream(
            ResourceTypeUtil.getPermissionsByResourceType(grant.resource().resourceType()))
        .filter(permission -> permission.getValue() != 0 && permission.getValue() != ALL.getValue())
        .allMatch(
            permission ->
                existing.isPermissionGranted(permission)
                    == ((wanted & permission.getValue()) == permission.getValue()));
  }

  private static String key(String groupId, Grant grant) {
    return groupId + "|" + grant.resource().resourceType() + "|" + grant.resourceId();
  }

  private static String key(String groupId, Authorization authorization) {
    return groupId + "|" + authorization.getResourceType() + "|" + authorization.getResourceId();
  }

  private static Grant grant(
      Role role, Resource resource, String resourceId, Permission... permissions) {
    return new Grant(role, resource, Objects.requireNonNull(resourceId), Set.of(permissions));
  }
}
