package it.sportello.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** The roles' engine permissions are the table's, whatever an older version or a hand granted. */
class EngineAuthorizationsIT extends IntegrationTest {

  @Autowired AuthorizationService authorizationService;
  @Autowired EngineAuthorizations engineAuthorizations;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;

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
                "analyst", java.util.List.of("analyst"), Permissions.READ, Resources.DEPLOYMENT))
        .isTrue();
  }

  @Test
  void analystsHoldNoEngineGrantToDeployAndAnOlderGrantIsWithdrawn() {
    // what an earlier version persisted: analysts could create deployments in the engine
    Authorization older = grantOf("analyst", Resources.DEPLOYMENT, "*");
    older.addPermission(Permissions.CREATE);
    older.addPermission(Permissions.DELETE);
    authorizationService.saveAuthorization(older);
    assertThat(analystMay(Permissions.CREATE)).isTrue();

    engineAuthorizations.applyTable();

    assertThat(analystMay(Permissions.CREATE)).isFalse();
    assertThat(analystMay(Permissions.DELETE)).isFalse();
    assertThat(analystMay(Permissions.READ)).isTrue();
    // the engine itself refuses an analyst's deployment, whatever door it comes through
    identityService.setAuthentication("analyst", List.of("analyst"));
    try {
      assertThatThrownBy(
              () ->
                  repositoryService
                      .createDeployment()
                      .name("analyst-behind-the-door")
                      .addModelInstance(
                          "analyst-behind-the-door.bpmn",
                          Bpmn.createExecutableProcess("analyst-behind-the-door")
                              .camundaHistoryTimeToLive(1)
                              .startEvent()
                              .endEvent()
                              .done())
                      .deploy())
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("analyst-behind-the-door")
                .count())
        .isZero();
  }

  @Test
  void theEngineRestApiAnswersAnAnalystThatDeployingIsNotTheirsOnEveryDeploymentEndpoint() {
    JsonNode check =
        get(
                "/engine-rest/authorization/check?permissionName=CREATE&resourceName=Deployment"
                    + "&resourceType="
                    + Resources.DEPLOYMENT.resourceType(),
                "analyst")
            .getBody();
    assertThat(check.path("authorized").asBoolean(true)).as("%s", check).isFalse();
    JsonNode read =
        get(
                "/engine-rest/authorization/check?permissionName=READ&resourceName=Deployment"
                    + "&resourceType="
                    + Resources.DEPLOYMENT.resourceType(),
                "analyst")
            .getBody();
    assertThat(read.path("authorized").asBoolean(false)).as("%s", read).isTrue();

    String deploymentId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("ticket")
            .latestVersion()
            .singleResult()
            .getDeploymentId();
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();

    assertThat(post("/engine-rest/deployment/create", "analyst", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post("/engine-rest/deployment/" + deploymentId + "/redeploy", "analyst", Map.of())
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            call(HttpMethod.DELETE, "/engine-rest/deployment/" + deploymentId, "analyst", null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            call(
                    HttpMethod.DELETE,
                    "/engine-rest/deployment/" + deploymentId + "?cascade=true",
                    "analyst",
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count())
        .isEqualTo(1);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
  }

  private boolean analystMay(Permissions permission) {
    return authorizationService.isUserAuthorized(
        "analyst", List.of("analyst"), permission, Resources.DEPLOYMENT);
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
