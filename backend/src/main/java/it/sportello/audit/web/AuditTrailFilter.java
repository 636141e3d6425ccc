package it.sportello.audit.web;

import it.sportello.audit.AuditEntry;
import it.sportello.audit.AuditLog;
import it.sportello.audit.AuditSubjects;
import it.sportello.shared.AuditRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Records the requests that read personal data, change anything, log in or out, grant or revoke
 * rights, deploy or administer the engine: one audit row per request, after it was answered, with
 * its outcome (refusals included). Behind Spring Security's filter chain, so it knows the caller.
 * The rules, first match wins, are in {@link #RULES}; a request no rule matches is not recorded.
 */
class AuditTrailFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(AuditTrailFilter.class);
  private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
  private static final String ANY = "ANY";
  private static final String REST = "/engine-rest";
  private static final String WEBAPP = "/camunda/api/engine/engine/{engine}";

  enum Subject {
    NONE,
    TICKET,
    CONTACT,
    CALL,
    QUERY
  }

  /**
   * @param methods the HTTP methods (comma-separated), {@code *} any but GET/HEAD/OPTIONS (the
   *     changes), {@link #ANY} all
   * @param action empty: the request is not recorded
   * @param id the path variable naming the resource (null: the rest of the path)
   */
  record Rule(
      String methods,
      PathPattern pattern,
      String action,
      String resourceType,
      String id,
      Subject subject) {

    boolean matches(String method, PathContainer path) {
      boolean methodMatches =
          methods.equals(ANY)
              ? true
              : methods.equals("*")
                  ? !List.of("GET", "HEAD", "OPTIONS").contains(method)
                  : List.of(methods.split(",")).contains(method);
      return methodMatches && pattern.matches(path);
    }
  }

  private static Rule rule(
      String methods,
      String pattern,
      String action,
      String resourceType,
      String id,
      Subject subject) {
    return new Rule(methods, PARSER.parse(pattern), action, resourceType, id, subject);
  }

  static final List<Rule> RULES =
      List.of(
          // not recorded: noise without personal data, or recorded elsewhere
          rule(ANY, "/api/tickets/views/**", "", "", null, Subject.NONE),
          rule(ANY, "/api/presence/**", "", "", null, Subject.NONE),
          rule(ANY, "/api/notifications/**", "", "", null, Subject.NONE),
          rule(ANY, "/api/public/**", "", "", null, Subject.NONE),
          rule(ANY, "/api/phone/events", "", "", null, Subject.NONE),
          rule(ANY, "/api/audit/verify", "", "", null, Subject.NONE),
          // the data subject's requests record their own rows, with the person
          // (DataSubjectRequests)
          rule(ANY, "/api/data-subjects/**", "", "", null, Subject.NONE),
          rule(ANY, "/api/data-subjects", "", "", null, Subject.NONE),
          rule(ANY, "/api/data-subject-requests/**", "", "", null, Subject.NONE),
          rule(ANY, "/api/data-subject-requests", "", "", null, Subject.NONE),
          // the intake records the ticket it opens in its own transaction (TicketIntake)
          rule("POST", "/api/tickets", "", "", null, Subject.NONE),
          // logins and logouts (failures: AuthenticationAudit)
          rule("POST", "/api/session", "LOGIN", "session", null, Subject.NONE),
          rule("DELETE", "/api/session", "LOGOUT", "session", null, Subject.NONE),
          // reads of personal data
          rule("GET", "/api/tickets/search", "SEARCH", "ticket", null, Subject.NONE),
          rule("GET", "/api/tickets", "LIST", "ticket", null, Subject.NONE),
          rule(
              "GET",
              "/api/tickets/{number}/conversation",
              "READ_CONVERSATION",
              "ticket",
              "number",
              Subject.TICKET),
          rule(
              "GET",
              "/api/tickets/{number}/mails",
              "READ_MAILS",
              "ticket",
              "number",
              Subject.TICKET),
          rule(
              "GET",
              "/api/tickets/{number}/documents/{document}",
              "READ_DOCUMENT",
              "ticket",
              "number",
              Subject.TICKET),
          rule("GET", "/api/tickets/{number}/**", "READ", "ticket", "number", Subject.TICKET),
          rule("GET", "/api/tickets/{number}", "READ", "ticket", "number", Subject.TICKET),
          rule(
              "GET",
              "/api/contacts/{id}/history",
              "READ_HISTORY",
              "contact",
              "id",
              Subject.CONTACT),
          rule("GET", "/api/contacts/{id}/**", "READ", "contact", "id", Subject.CONTACT),
          rule("GET", "/api/contacts/{id}", "READ", "contact", "id", Subject.CONTACT),
          rule("GET", "/api/contacts", "SEARCH", "contact", null, Subject.NONE),
          rule("GET", "/api/phone/calls/{callId}", "READ", "call", "callId", Subject.CALL),
          rule("GET", "/api/phone/callbacks/**", "READ", "callback", null, Subject.NONE),
          rule("GET", "/api/mail/quarantine/{id}/raw", "READ", "mail", "id", Subject.NONE),
          rule("GET", "/api/inbox/**", "LIST", "inbox", null, Subject.NONE),
          rule("GET", "/api/inbox", "LIST", "inbox", null, Subject.NONE),
          rule("GET", "/api/reports/sla.csv", "EXPORT", "report", null, Subject.NONE),
          rule("GET", "/api/reports/sla.xlsx", "EXPORT", "report", null, Subject.NONE),
          rule("GET", "/api/reports/sla/calls.csv", "EXPORT", "report", null, Subject.NONE),
          rule("GET", "/api/reports/sla/tickets", "READ", "report", null, Subject.NONE),
          rule("GET", "/api/reports/sla/calls", "READ", "report", null, Subject.NONE),
          rule(
              "GET",
              "/api/correspondence/export.csv",
              "EXPORT",
              "correspondence",
              null,
              Subject.NONE),
          rule(
              "GET",
              "/api/correspondence/{number}/**",
              "READ",
              "correspondence",
              "number",
              Subject.NONE),
          rule("GET", "/api/complaints/export.csv", "EXPORT", "complaint", null, Subject.NONE),
          rule("GET", "/api/complaints/export.xlsx", "EXPORT", "complaint", null, Subject.NONE),
          rule("GET", "/api/complaints/{number}/**", "READ", "complaint", "number", Subject.NONE),
          rule("GET", "/api/audit/**", "READ", "audit", null, Subject.QUERY),
          rule("GET", "/api/audit", "READ", "audit", null, Subject.QUERY),
          // grants and revocations of rights, deployments, the engine's administration (its REST
          // API and the webapps' own, /camunda/api/engine/...)
          rule(
              "PUT",
              REST + "/group/{group}/members/{user}",
              "GRANT",
              "membership",
              null,
              Subject.NONE),
          rule(
              "PUT",
              WEBAPP + "/group/{group}/members/{user}",
              "GRANT",
              "membership",
              null,
              Subject.NONE),
          rule(
              "DELETE",
              REST + "/group/{group}/members/{user}",
              "REVOKE",
              "membership",
              null,
              Subject.NONE),
          rule(
              "DELETE",
              WEBAPP + "/group/{group}/members/{user}",
              "REVOKE",
              "membership",
              null,
              Subject.NONE),
          rule(
              "POST", REST + "/authorization/create", "GRANT", "authorization", null, Subject.NONE),
          rule(
              "POST",
              WEBAPP + "/authorization/create",
              "GRANT",
              "authorization",
              null,
              Subject.NONE),
          rule("PUT", REST + "/authorization/{id}", "GRANT", "authorization", null, Subject.NONE),
          rule("PUT", WEBAPP + "/authorization/{id}", "GRANT", "authorization", null, Subject.NONE),
          rule(
              "DELETE",
              REST + "/authorization/{id}",
              "REVOKE",
              "authorization",
              null,
              Subject.NONE),
          rule(
              "DELETE",
              WEBAPP + "/authorization/{id}",
              "REVOKE",
              "authorization",
              null,
              Subject.NONE),
          rule("POST", REST + "/deployment/create", "DEPLOY", "deployment", null, Subject.NONE),
          rule("POST", WEBAPP + "/deployment/create", "DEPLOY", "deployment", null, Subject.NONE),
          rule("*", "/engine-rest/**", "ENGINE", "engine", null, Subject.NONE),
          rule("*", "/camunda/api/**", "ENGINE", "engine", null, Subject.NONE),
          // every other change through our API
          rule("*", "/api/tickets/{number}/**", "CHANGE", "ticket", "number", Subject.TICKET),
          rule("*", "/api/contacts/{id}/**", "CHANGE", "contact", "id", Subject.CONTACT),
          rule("*", "/api/contacts/{id}", "CHANGE", "contact", "id", Subject.CONTACT),
          rule("*", "/api/**", "CHANGE", "api", null, Subject.NONE));

  private final AuditLog audit;
  private final AuditSubjects subjects;

  AuditTrailFilter(AuditLog audit, AuditSubjects subjects) {
    this.audit = audit;
    this.subjects = subjects;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!audit.enabled()) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    PathContainer container = PathContainer.parsePath(path);
    String method = request.getMethod();
    Optional<Rule> rule =
        RULES.stream().filter(candidate -> candidate.matches(method, container)).findFirst();
    if (rule.isEmpty() || rule.get().action().isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    // the caller before the request: a logout forgets them
    Authentication before = SecurityContextHolder.getContext().getAuthentication();
    try {
      chain.doFilter(request, response);
    } finally {
      try {
        Authentication after = SecurityContextHolder.getContext().getAuthentication();
        record(rule.get(), request, response.getStatus(), path, known(after) ? after : before);
      } catch (RuntimeException e) {
        log.error("Could not record {} {} in the audit trail", method, path, e);
      }
    }
  }

  private void record(
      Rule rule, HttpServletRequest request, int status, String path, Authentication caller) {
    String webappUser = (String) request.getAttribute(AuditRequests.WEBAPP_USER);
    if (!known(caller) && webappUser == null) {
      // not logged in: refused by Spring Security (or by Camunda's webapps); failed logins are
      // AuthenticationAudit's
      return;
    }
    if (rule.action().equals("LOGIN") && status >= 400) {
      return;
    }
    Map<String, String> variables =
        rule.pattern().matchAndExtract(PathContainer.parsePath(path)).getUriVariables();
    String id = rule.id() == null ? path : variables.get(rule.id());
    String outcome =
        status < 400
            ? AuditEntry.SUCCESS
            : status == 401 || status == 403 ? AuditEntry.DENIED : AuditEntry.FAILURE;
    String reason = (String) request.getAttribute(AuditRequests.BREAK_GLASS_REASON);
    if (reason != null && status < 400) {
      outcome = AuditEntry.BREAK_GLASS;
    }
    String subject = status == 404 ? null : subject(rule.subject(), id, request);
    audit.record(
        new AuditEntry(
            known(caller) ? caller.getName() : webappUser,
            known(caller) ? roles(caller) : null,
            rule.action(),
            rule.resourceType(),
            id,
            subject,
            outcome,
            reason,
            request.getRemoteAddr()));
  }

  private String subject(Subject kind, String id, HttpServletRequest request) {
    return switch (kind) {
      case NONE -> null;
      case TICKET -> subjects.ofTicket(id);
      case CONTACT -> numeric(id, subjects::ofContact);
      case CALL -> subjects.ofCall(id);
      case QUERY -> request.getParameter("subject");
    };
  }

  private static String numeric(String id, java.util.function.LongFunction<String> lookup) {
    try {
      return lookup.apply(Long.parseLong(id));
    } catch (NumberFormatException notAnId) {
      return null;
    }
  }

  private static boolean known(Authentication authentication) {
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  static String roles(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith("ROLE_"))
        .map(authority -> authority.substring("ROLE_".length()))
        .sorted()
        .distinct()
        .collect(Collectors.joining(","));
  }
}
