package it.sportello.platform.process;

import static java.util.Map.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo users and groups of the default profile, one user per role, all with password {@code demo}
 * (the one exception to the password policy). Queue and office groups match the demo queues and
 * offices of {@code db/demo}. Idempotent.
 */
@Component
@ConditionalOnProperty(name = "sportello.demo.enabled", havingValue = "true")
class DemoIdentities {

  static final String PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

  private static final Map<String, String> GROUPS =
      Map.ofEntries(
          entry("level1", "Operatori di primo livello"),
          entry("level2", "Operatori di secondo livello"),
          entry("level3", "Terzo livello (riassegnazioni)"),
          entry("supervisor", "Supervisori"),
          entry("auditor", "Revisori dell'amministrazione (sola lettura)"),
          entry("office", "Uffici dell'amministrazione"),
          entry("secretariat", "Segreteria (protocollo)"),
          entry("head-office", "Dirigenti d'ufficio (revisione)"),
          entry("manager", "Direzione (firma e approvazioni)"),
          entry("kb-editor", "Redattori base di conoscenza"),
          entry("kb-reviewer", "Revisori base di conoscenza"),
          entry("analyst", "Analisti di processo"),
          entry("camunda-admin", "Amministratori"),
          entry("api-client", "Sistemi esterni"),
          entry("dpo", "Responsabile della protezione dei dati"),
          entry("communications", "Ufficio comunicazione (bacheca avvisi)"),
          entry("general", "Coda: informazioni generali"),
          entry("payments", "Coda: pagamenti"),
          entry("privacy", "Coda: privacy"),
          entry("technical", "Coda: assistenza tecnica"),
          entry("office-tributi", "Ufficio Tributi"),
          entry("office-anagrafe", "Ufficio Anagrafe"),
          entry("office-urp", "Ufficio Relazioni con il Pubblico"));

  private static final Map<String, List<String>> USERS = new LinkedHashMap<>();

  static {
    USERS.put("operator1", List.of("level1", "general", "payments", "privacy", "technical"));
    USERS.put("operator2", List.of("level2", "level3"));
    USERS.put("operator3", List.of("level1", "general", "payments"));
    USERS.put("supervisor", List.of("supervisor"));
    USERS.put("auditor", List.of("auditor"));
    USERS.put("office1", List.of("office", "office-tributi"));
    USERS.put("secretariat1", List.of("secretariat"));
    USERS.put("headoffice1", List.of("head-office", "office", "office-tributi"));
    USERS.put("manager1", List.of("manager"));
    USERS.put("kbeditor", List.of("kb-editor"));
    USERS.put("kbreviewer", List.of("kb-reviewer"));
    USERS.put("analyst", List.of("analyst"));
    USERS.put("analyst2", List.of("analyst"));
    USERS.put("admin", List.of("camunda-admin"));
    USERS.put("api-client", List.of("api-client"));
    USERS.put("dpo", List.of("dpo"));
    USERS.put("communications1", List.of("communications"));
  }

  private final IdentityService identityService;

  DemoIdentities(IdentityService identityService) {
    this.identityService = identityService;
  }

  @EventListener(ApplicationStartedEvent.class)
  void createDemoIdentities() {
    GROUPS.forEach(
        (id, name) -> {
          if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(id.equals("camunda-admin") ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
          }
        });
    USERS.forEach(
        (id, groups) -> {
          if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("(demo)");
            user.setEmail(id + "@sportello.example");
            user.setPassword(PASSWORD);
            saveBypassingThePasswordPolicy(user);
          }
          for (String group : groups) {
            if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
              identityService.createMembership(id, group);
            }
          }
        });
    log.info("Demo users ready: {} (password '{}')", USERS.keySet(), PASSWORD);
  }

  /**
   * The demo's well-known password {@code demo} does not meet the password policy ({@link
   * CamundaIdentityAuthenticationProvider.EngineIdentitySettings}): the demo users, and only they,
   * are saved without it. This class exists only with {@code sportello.demo.enabled} (the default
   * profile), never in production.
   */
  private void saveBypassingThePasswordPolicy(User user) {
    if (!(identityService instanceof IdentityServiceImpl engine)) {
      throw new IllegalStateException("Not the engine's identity service: " + identityService);
    }
    engine.saveUser(user, true);
  }
}
