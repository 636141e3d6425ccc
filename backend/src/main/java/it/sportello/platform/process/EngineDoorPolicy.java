package it.sportello.platform.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import it.sportello.platform.security.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which calls each role may make on the engine's REST resources, whatever door they come through
 * ({@code /engine-rest}, the webapps' {@code /camunda/api/engine}) and however the path is spelled
 * ({@code /engine/default/...}, trailing or doubled slashes). It closes what the engine's
 * authorizations cannot express:
 *
 * <ul>
 *   <li>nobody but administrators changes tasks there (claims, assignments, completions, task
 *       variables): Sportello's own application is where work is done, under its rules;
 *   <li>nobody but administrators changes running processes there (variables, modification,
 *       suspension, deletion, messages, signals, jobs, history) or deploys: analysts deploy through
 *       the studio under four eyes, administrators here only as an emergency; supervisors and
 *       analysts read and query;
 *   <li>an external system ({@code api-client}) only starts the processes listed for it, at their
 *       start events: a start with {@code startInstructions} would begin anywhere in the model
 *       (Camunda counts that as a plain start), {@code skipCustomListeners} and {@code
 *       skipIoMappings} would leave out the model's own rules.
 * </ul>
 *
 * Reads stay with the engine's authorizations ({@link EngineAuthorizations}); an administrator's
 * calls are left to them too.
 */
final class EngineDoorPolicy {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Pattern ENGINE_PREFIX = Pattern.compile("^/engine/[^/]+(?=/|$)");

  /** Queries sent as POST (their filters in the body): they read, they change nothing. */
  private static final Pattern QUERY =
      Pattern.compile(
          "^/(task|process-instance|execution|variable-instance|job|job-definition|external-task|incident)"
              + "(/count)?$"
              + "|^/history/(?!cleanup$)[a-z-]+(/count)?$"
              + "|^/filter/[^/]+/(list|count|singleResult)$");

  private static final Pattern START = Pattern.compile("^/process-definition/key/([^/]+)/start$");
  private static final List<String> START_FIELDS_REFUSED =
      List.of(
          "startInstructions", "skipCustomListeners", "skipIoMappings", "withVariablesInReturn");

  private final Set<String> apiClientProcesses;

  EngineDoorPolicy(Collection<String> apiClientProcesses) {
    this.apiClientProcesses = Set.copyOf(apiClientProcesses);
  }

  /**
   * The engine resource a request path names, with the engine's name and stray slashes taken out.
   */
  static String resource(String path) {
    String clean = path.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
    if (clean.length() > 1 && clean.endsWith("/")) {
      clean = clean.substring(0, clean.length() - 1);
    }
    clean = ENGINE_PREFIX.matcher(clean).replaceFirst("");
    return clean.isEmpty() ? "/" : clean;
  }

  /**
   * Why the call is refused, or empty when it may go on to the engine (and its authorizations).
   *
   * @param groups the caller's groups
   * @param body the request's JSON body, read only when a rule needs it
   */
  /** Whether the call deploys: allowed to administrators only, recorded as an emergency. */
  static boolean isDeployment(String method, String path) {
    return "POST".equals(method) && resource(path).equals("/deployment/create");
  }

  Optional<String> refusal(
      Collection<String> groups, String method, String path, Supplier<JsonNode> body) {
    if (groups.contains(Role.ADMIN.groupId())) {
      return Optional.empty();
    }
    String resource = resource(path);
    boolean apiClient = groups.contains(Role.API_CLIENT.groupId());
    if (READS.contains(method)) {
      if (apiClient && !resource.startsWith("/process-definition")) {
        return refuse("an external system reads only the definitions of the processes it starts");
      }
      return Optional.empty();
    }
    if ("POST".equals(method) && QUERY.matcher(resource).matches() && !apiClient) {
      return Optional.empty();
    }
    if ("POST".equals(method) && resource.equals("/deployment/create")) {
      return refuse(
          "deployments go through the analysts' studio (/studio), under four eyes; only"
              + " administrators deploy here, as an emergency");
    }
    Matcher start = START.matcher(resource);
    if ("POST".equals(method) && apiClient && start.matches()) {
      if (!apiClientProcesses.contains(start.group(1))) {
        return refuse("an external system may not start '" + start.group(1) + "'");
      }
      JsonNode request = body.get();
      for (String field : START_FIELDS_REFUSED) {
        JsonNode value = request == null ? null : request.get(field);
        boolean unset =
            value == null
                || value.isNull()
                || value.equals(BooleanNode.FALSE)
                || value.isContainerNode() && value.isEmpty();
        if (!unset) {
          return refuse("a process is started at its start event: '" + field + "' is not allowed");
        }
      }
      return Optional.empty();
    }
    if (resource.startsWith("/task")) {
      return refuse("tasks are worked in Sportello's application (/api), not here");
    }
    return refuse(method + " " + resource + " is not open to your role");
  }

  private static Optional<String> refuse(String reason) {
    return Optional.of(reason);
  }
}
