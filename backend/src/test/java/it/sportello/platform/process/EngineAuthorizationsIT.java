package it.sportello.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The roles' engine permissions are the table's, whatever an older version or a hand granted. */
class EngineAuthorizationsIT extends IntegrationTest {

  @Autowired AuthorizationService authorizationService;
  @Autowired EngineAuthorizations engineAuthorizations;

  @Test
  void grantsOutsideTheTableAreWithdrawnAndWideOnesNarrowed() {
    // what earlier versions granted: Tasklist for operators, everything on definitions for analysts
    Authorization tasklist =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    tasklist.setGroupId("level1");
    tasklist.setResource(Resources.APPLICATION);
    tasklist.setResourceId("tasklist");
    tasklist.addPermission(Permissions.ACCESS);
    authorizationService.saveAuthorization(tasklist);
    Authorization analyst = grantOf("analyst", Resources.PROCESS_DEFINITION, "*");
    analyst.setPermissions(new Permissions[] {Permissions.ALL});
    authorizationService.saveAuthorization(analyst);
    // and the engine's former default on a task for its candidate group
    Authorization task = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    task.setGroupId("general");
    task.setResource(Resources.TASK);
    task.setResourceId("an-old-task");
    task.addPermission(Permissions.UPDATE);
    authorizationService.saveAuthorization(task);

    engineAuthorizations.applyTable();

    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .groupIdIn("level1")
                .resourceType(Resources.APPLICATION)
                .count())
        .isZero();
    Authorization narrowed = grantOf("analyst", Resources.PROCESS_DEFINITION, "*");
    assertThat(narrowed.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(narrowed.isPermissionGranted(Permissions.DELETE_INSTANCE)).isFalse();
    assertThat(narrowed.isPermissionGranted(Permissions.UPDATE_INSTANCE)).isFalse();
    Authorization oldTask = grantOf("general", Resources.TASK, "an-old-task");
    assertThat(oldTask.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(oldTask.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(
            authorizationService.isUserAuthorized(
                "analyst", java.util.List.of("analyst"), Permissions.CREATE, Resources.DEPLOYMENT))
        .isTrue();
  }

  private Authorization grantOf(String group, Resources resource, String id) {
    return authorizationService
        .createAuthorizationQuery()
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(id)
        .singleResult();
  }
}
