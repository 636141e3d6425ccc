package it.sportello.platform.process;

import static org.camunda.bpm.engine.authorization.Permissions.*;
import static org.camunda.bpm.engine.authorization.Resources.*;

import it.sportello.platform.security.Role;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What each role may do in Camunda's own surfaces (Cockpit, Tasklist, Admin, {@code /engine-rest}),
 * where the engine's authorizations apply. Our {@code /api} is authorized by Spring Security
 * instead. Granted at every start, idempotently; administrators can add more in Camunda Admin.
 * Tasks are visible to their candidate groups through the engine's automatic identity-link
 * authorizations.
 */
@Component
class EngineAuthorizations {

  private static final String ANY = "*";

  private final AuthorizationService authorizations;

  EngineAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationStartedEvent.class)
  void grantRolePermissions() {
    for (Resources resource : Resources.values()) {
      grant(Role.ADMIN, resource, ANY, ALL);
    }
    for (Role worker :
        List.of(
            Role.LEVEL1, Role.LEVEL2, Role.LEVEL3, Role.OFFICE, Role.KB_EDITOR, Role.KB_REVIEWER)) {
      grant(worker, APPLICATION, "tasklist", ACCESS);
      grant(worker, PROCESS_DEFINITION, ANY, READ);
      grant(worker, FILTER, ANY, READ);
    }
    grant(Role.SUPERVISOR, APPLICATION, "cockpit", ACCESS);
    grant(Role.SUPERVISOR, APPLICATION, "tasklist", ACCESS);
    grant(Role.SUPERVISOR, PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE, READ_TASK);
    grant(Role.SUPERVISOR, PROCESS_INSTANCE, ANY, READ);
    grant(Role.SUPERVISOR, TASK, ANY, READ);
    grant(Role.SUPERVISOR, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
    grant(Role.SUPERVISOR, DEPLOYMENT, ANY, READ);
    grant(Role.SUPERVISOR, FILTER, ANY, READ);
    grant(Role.ANALYST, APPLICATION, "cockpit", ACCESS);
    grant(Role.ANALYST, DEPLOYMENT, ANY, ALL);
    grant(Role.ANALYST, PROCESS_DEFINITION, ANY, ALL);
    grant(Role.ANALYST, DECISION_DEFINITION, ANY, ALL);
    grant(Role.ANALYST, DECISION_REQUIREMENTS_DEFINITION, ANY, ALL);
    grant(Role.ANALYST, PROCESS_INSTANCE, ANY, READ);
    grant(Role.API_CLIENT, PROCESS_DEFINITION, ANY, READ, CREATE_INSTANCE);
    grant(Role.API_CLIENT, PROCESS_INSTANCE, ANY, CREATE, READ, UPDATE);
  }

  private void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(role.groupId())
            .resourceType(resource)
            .resourceId(resourceId)
            .list()
            .stream()
            .filter(existing -> existing.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
            .findFirst()
            .orElse(null);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(role.groupId());
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    List<Permission> missing = new ArrayList<>();
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        missing.add(permission);
      }
    }
    if (missing.isEmpty() && authorization.getId() != null) {
      return;
    }
    missing.forEach(authorization::addPermission);
    authorizations.saveAuthorization(authorization);
  }
}
