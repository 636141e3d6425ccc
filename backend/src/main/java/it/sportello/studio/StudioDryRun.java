package it.sportello.studio;

import java.util.Map;

/**
 * A dry run: a checked process model deployed to a throwaway engine on a schema of its own, one
 * instance started with sample variables, its user tasks completed with them, its path recorded;
 * afterwards the deployment and everything it made are deleted. Nothing reaches the production
 * engine's or the application's tables, and no delegate runs: allowlisted beans are replaced by
 * stubs that record the call (implemented in {@code process}).
 */
public interface StudioDryRun {

  DryRunResult run(String resourceName, String bpmn, Map<String, Object> variables);
}
