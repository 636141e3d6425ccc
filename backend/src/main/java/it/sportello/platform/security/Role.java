package it.sportello.platform.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of Sportello. Each is a Camunda group of the same id, so that candidate groups,
 * Camunda's webapps and our API agree on who is who; in Spring Security each is the authority
 * {@code ROLE_<name>}.
 */
public enum Role {
  LEVEL1("level1"),
  LEVEL2("level2"),
  LEVEL3("level3"),
  SUPERVISOR("supervisor"),
  /** The customer's staff who audit the service levels: reports only, read-only. */
  AUDITOR("auditor"),
  OFFICE("office"),
  /** The secretariat: registers letters (protocol). */
  SECRETARIAT("secretariat"),
  /** Heads of office: review answers, check complaints, propose decisions. */
  HEAD_OFFICE("head-office"),
  /** The manager: signs letters and approves decisions. */
  MANAGER("manager"),
  KB_EDITOR("kb-editor"),
  /** Reviews and approves knowledge articles (the publication workflow's reviewers). */
  KB_REVIEWER("kb-reviewer"),
  ANALYST("analyst"),
  ADMIN("camunda-admin"),
  API_CLIENT("api-client"),
  /** The data protection officer: searches and exports the audit trail, verifies its chain. */
  DPO("dpo"),
  /** The communication office: publishes the notices of the notice board. */
  COMMUNICATIONS("communications");

  private final String groupId;

  Role(String groupId) {
    this.groupId = groupId;
  }

  public String groupId() {
    return groupId;
  }

  public String authority() {
    return "ROLE_" + name();
  }

  public static Optional<Role> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(role -> role.groupId.equals(groupId)).findFirst();
  }
}
