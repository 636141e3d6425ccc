package it.sportello.procedure.process;

import it.sportello.procedure.Procedure;
import it.sportello.procedure.Procedures;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The procedures as the engine holds them: the latest definitions, their deployments (a handful:
 * models are deployed together), and the statistics of every version (instances and incidents).
 */
@Component
class CamundaProcedures implements Procedures {

  private final RepositoryService repository;
  private final ManagementService management;

  CamundaProcedures(RepositoryService repository, ManagementService management) {
    this.repository = repository;
    this.management = management;
  }

  @Override
  public List<Procedure> latest() {
    List<ProcessDefinition> definitions =
        repository.createProcessDefinitionQuery().latestVersion().list();
    Set<String> deploymentIds =
        definitions.stream().map(ProcessDefinition::getDeploymentId).collect(Collectors.toSet());
    Map<String, Instant> deployedAt = new HashMap<>();
    for (String deploymentId : deploymentIds) {
      Deployment deployment =
          repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
      if (deployment != null) {
        deployedAt.put(deploymentId, deployment.getDeploymentTime().toInstant());
      }
    }
    Map<String, List<ProcessDefinitionStatistics>> statistics =
        management.createProcessDefinitionStatisticsQuery().includeIncidents().list().stream()
            .collect(Collectors.groupingBy(ProcessDefinitionStatistics::getKey));
    return definitions.stream()
        .map(
            definition -> {
              List<ProcessDefinitionStatistics> versions =
                  statistics.getOrDefault(definition.getKey(), List.of());
              return new Procedure(
                  definition.getKey(),
                  definition.getName() == null ? definition.getKey() : definition.getName(),
                  definition.getVersion(),
                  definition.getVersionTag(),
                  definition.getId(),
                  definition.getResourceName(),
                  deployedAt.get(definition.getDeploymentId()),
                  versions.stream().mapToLong(ProcessDefinitionStatistics::getInstances).sum(),
                  versions.stream()
                      .flatMap(version -> version.getIncidentStatistics().stream())
                      .mapToLong(incident -> incident.getIncidentCount())
                      .sum(),
                  definition.isSuspended());
            })
        .sorted(Comparator.comparing(Procedure::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }
}
