package it.sportello.rights;

import it.sportello.audit.AuditEntry;
import it.sportello.audit.AuditLog;
import it.sportello.rights.UserDirectory.DirectoryGroup;
import it.sportello.rights.UserDirectory.DirectoryUser;
import it.sportello.shared.DisabledAccounts;
import it.sportello.shared.IdentityChanged;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of user rights: local accounts created, disabled, enabled, their passwords reset,
 * roles and groups granted and revoked by administrators, each with who, when and why (a reason is
 * required) in {@code user_right_change} and in the audit trail ({@code GRANT}, {@code REVOKE},
 * {@code USER_CREATE}, {@code USER_DISABLE}, {@code USER_ENABLE}, {@code PASSWORD_RESET}); and the
 * access review (who holds which role, last login, unused accounts).
 */
@Service
public class UserRights implements DisabledAccounts {

  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9_-]{2,64}");

  /** What an administrator did to an account. */
  public enum Change {
    CREATE_USER,
    DISABLE_USER,
    ENABLE_USER,
    RESET_PASSWORD,
    GRANT,
    REVOKE
  }

  /** A local or OIDC user as the administrators see them. */
  public record UserView(
      String id,
      String firstName,
      String lastName,
      String email,
      boolean local,
      boolean disabled,
      List<String> groups,
      Instant lastLoginAt,
      String lastLoginSource) {}

  /** An entry of the register. */
  public record RegisterEntry(
      long id,
      Instant at,
      String actor,
      String userId,
      Change action,
      String groupId,
      String reason) {}

  /** A line of the access review. */
  public record ReviewLine(
      String userId,
      boolean local,
      boolean disabled,
      List<String> roles,
      Instant lastLoginAt,
      String lastLoginSource,
      boolean unused) {}

  /** The access review: every user, their roles, last login, unused for {@code unusedDays}. */
  public record AccessReview(Instant at, int unusedDays, List<ReviewLine> users) {}

  private final UserDirectory directory;
  private final PasswordPolicy passwords;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  UserRights(
      UserDirectory directory,
      PasswordPolicy passwords,
      JdbcTemplate jdbc,
      AuditLog audit,
      Clock clock,
      ApplicationEventPublisher events) {
    this.directory = directory;
    this.passwords = passwords;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  @Override
  public boolean isDisabled(String userId) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from sportello.user_account"
                + " where user_id = ? and disabled_at is not null)",
            Boolean.class,
            userId));
  }

  /** The local users, then the users known only from their OIDC logins. */
  @Transactional(readOnly = true)
  public List<UserView> users() {
    Map<String, Login> logins = logins();
    java.util.Set<String> disabled =
        new java.util.HashSet<>(
            jdbc.queryForList(
                "select user_id from sportello.user_account where disabled_at is not null",
                String.class));
    List<UserView> views = new ArrayList<>();
    java.util.Set<String> local = new java.util.HashSet<>();
    for (DirectoryUser user : directory.users()) {
      local.add(user.id());
      Login login = logins.get(user.id());
      views.add(
          new UserView(
              user.id(),
              user.firstName(),
              user.lastName(),
              user.email(),
              true,
              disabled.contains(user.id()),
              user.groups(),
              login == null ? null : login.at(),
              login == null ? null : login.source()));
    }
    logins.values().stream()
        .filter(login -> !local.contains(login.userId()))
        .sorted(Comparator.comparing(Login::userId))
        .forEach(
            login ->
                views.add(
                    new UserView(
                        login.userId(),
                        null,
                        null,
                        null,
                        false,
                        false,
                        login.roles(),
                        login.at(),
                        login.source())));
    return views;
  }

  public List<DirectoryGroup> groups() {
    return directory.groups();
  }

  @Transactional
  public void create(
      String actor,
      String id,
      String firstName,
      String lastName,
      String email,
      String password,
      List<String> groups,
      String reason) {
    if (id == null || !USER_ID.matcher(id).matches()) {
      throw new InvalidRequestException("id", "2 to 64 letters, digits, '-' or '_'");
    }
    if (directory.user(id).isPresent()) {
      throw new InvalidRequestException("id", "A user with this id exists");
    }
    for (String group : groups) {
      requireGroup(group);
    }
    passwords.check(id, password);
    directory.create(id, firstName, lastName, email, password);
    passwords.remember(id, password, clock.instant());
    record(actor, id, Change.CREATE_USER, null, reason);
    for (String group : groups) {
      directory.grant(id, group);
      record(actor, id, Change.GRANT, group, reason);
    }
  }

  @Transactional
  public void resetPassword(String actor, String id, String password, String reason) {
    requireUser(id);
    passwords.check(id, password);
    directory.setPassword(id, password);
    passwords.remember(id, password, clock.instant());
    record(actor, id, Change.RESET_PASSWORD, null, reason);
  }

  @Transactional
  public void disable(String actor, String id, String reason) {
    requireUser(id);
    if (id.equals(actor)) {
      throw new InvalidRequestException("id", "Administrators cannot disable themselves");
    }
    jdbc.update(
        """
        insert into sportello.user_account (user_id, disabled_at, disabled_by) values (?, ?, ?)
        on conflict (user_id) do update set disabled_at = excluded.disabled_at,
                                            disabled_by = excluded.disabled_by
        """,
        id,
        Timestamp.from(clock.instant()),
        actor);
    // the engine's web applications (Cockpit, Tasklist, Admin) check the password in the directory,
    // not the register: a disabled account gets a password nobody knows
    directory.lock(id);
    record(actor, id, Change.DISABLE_USER, null, reason);
  }

  @Transactional
  public void enable(String actor, String id, String reason) {
    requireUser(id);
    jdbc.update(
        "update sportello.user_account set disabled_at = null, disabled_by = null where user_id = ?",
        id);
    record(actor, id, Change.ENABLE_USER, null, reason);
  }

  @Transactional
  public void grant(String actor, String id, String group, String reason) {
    DirectoryUser user = requireUser(id);
    requireGroup(group);
    if (user.groups().contains(group)) {
      throw new InvalidRequestException("group", "The user already holds " + group);
    }
    directory.grant(id, group);
    record(actor, id, Change.GRANT, group, reason);
  }

  @Transactional
  public void revoke(String actor, String id, String group, String reason) {
    DirectoryUser user = requireUser(id);
    if (!user.groups().contains(group)) {
      throw new InvalidRequestException("group", "The user does not hold " + group);
    }
    if (id.equals(actor) && "camunda-admin".equals(group)) {
      throw new InvalidRequestException("group", "Administrators cannot revoke their own role");
    }
    directory.revoke(id, group);
    record(actor, id, Change.REVOKE, group, reason);
  }

  /** The register, newest first; one user's entries when {@code userId} is given. */
  @Transactional(readOnly = true)
  public List<RegisterEntry> register(String userId, int limit) {
    String where = userId == null ? "" : " where user_id = ?";
    Object[] parameters = userId == null ? new Object[] {limit} : new Object[] {userId, limit};
    return jdbc.query(
        "select id, at, actor, user_id, action, group_id, reason from sportello.user_right_change"
            + where
            + " order by at desc, id desc limit ?",
        (rs, row) ->
            new RegisterEntry(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("user_id"),
                Change.valueOf(rs.getString("action")),
                rs.getString("group_id"),
                rs.getString("reason")),
        parameters);
  }

  /** Who holds which role, their last login, and whether unused for {@code unusedDays}. */
  @Transactional(readOnly = true)
  public AccessReview review(int unusedDays) {
    Instant now = clock.instant();
    Instant unusedBefore = now.minus(Duration.ofDays(unusedDays));
    List<ReviewLine> lines =
        users().stream()
            .map(
                user ->
                    new ReviewLine(
                        user.id(),
                        user.local(),
                        user.disabled(),
                        user.groups(),
                        user.lastLoginAt(),
                        user.lastLoginSource(),
                        !user.disabled()
                            && (user.lastLoginAt() == null
                                || user.lastLoginAt().isBefore(unusedBefore))))
            .toList();
    return new AccessReview(now, unusedDays, lines);
  }

  private DirectoryUser requireUser(String id) {
    return directory.user(id).orElseThrow(() -> new NotFoundException("No user " + id));
  }

  private void requireGroup(String group) {
    if (group == null || !directory.groupExists(group)) {
      throw new InvalidRequestException("group", "No such group: " + group);
    }
  }

  private void record(String actor, String userId, Change action, String group, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("reason", "Say why");
    }
    jdbc.update(
        "insert into sportello.user_right_change (at, actor, user_id, action, group_id, reason)"
            + " values (?, ?, ?, ?, ?, ?)",
        Timestamp.from(clock.instant()),
        actor,
        userId,
        action.name(),
        group,
        reason.strip());
    String auditAction =
        switch (action) {
          case GRANT -> "GRANT";
          case REVOKE -> "REVOKE";
          case CREATE_USER -> "USER_CREATE";
          case DISABLE_USER -> "USER_DISABLE";
          case ENABLE_USER -> "USER_ENABLE";
          case RESET_PASSWORD -> "PASSWORD_RESET";
        };
    audit.record(
        new AuditEntry(
            actor,
            null,
            auditAction,
            group == null ? "user" : "membership",
            group == null ? userId : userId + ":" + group,
            null,
            AuditEntry.SUCCESS,
            reason.strip(),
            null));
    // the password logins verified before check this user again (after the commit)
    events.publishEvent(new IdentityChanged(userId));
  }

  private record Login(String userId, Instant at, String source, List<String> roles) {}

  private Map<String, Login> logins() {
    Map<String, Login> logins = new LinkedHashMap<>();
    jdbc.query(
        "select user_id, last_login_at, source, roles from sportello.user_login order by user_id",
        (ResultSet rs) -> {
          Login login = login(rs);
          logins.put(login.userId(), login);
        });
    return logins;
  }

  private static Login login(ResultSet rs) throws SQLException {
    String roles = rs.getString("roles");
    return new Login(
        rs.getString("user_id"),
        rs.getTimestamp("last_login_at").toInstant(),
        rs.getString("source"),
        roles == null || roles.isBlank() ? List.of() : Arrays.asList(roles.split(",")));
  }
}
