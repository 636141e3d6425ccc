package it.sportello.rights;

import it.sportello.platform.security.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Records each user's last successful login (a password, an OIDC login, a bearer token) with the
 * roles they held then: for OIDC users, whose roles come from the identity provider, it is the only
 * record of them. HTTP Basic authenticates every request: a user's row is written at most once
 * every {@value #QUIET_MINUTES} minutes per node.
 */
@Component
class LastLogins {

  static final int QUIET_MINUTES = 5;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Map<String, Instant> written = new ConcurrentHashMap<>();

  LastLogins(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    Authentication authentication = event.getAuthentication();
    String user = authentication.getName();
    if (user == null || user.isBlank() || !staff(authentication)) {
      // citizens (SPID/CIE) are not users of the application: their logins are not kept here
      return;
    }
    Instant now = clock.instant();
    Instant last = written.get(user);
    if (last != null
        && !now.isBefore(last)
        && Duration.between(last, now).toMinutes() < QUIET_MINUTES) {
      return;
    }
    written.put(user, now);
    String roles =
        String.join(
            ",",
            authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .map(LastLogins::groupOf)
                .sorted()
                .toList());
    jdbc.update(
        """
        insert into sportello.user_login (user_id, last_login_at, source, roles)
        values (?, ?, ?, ?)
        on conflict (user_id) do update set last_login_at = excluded.last_login_at,
                                            source = excluded.source, roles = excluded.roles
        """,
        user,
        Timestamp.from(now),
        source(authentication),
        roles);
  }

  /** Whether the authentication holds one of the staff's roles (a citizen's holds none). */
  private static boolean staff(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .anyMatch(
            authority ->
                Arrays.stream(Role.values())
                    .anyMatch(role -> authority.equals("ROLE_" + role.name())));
  }

  /** Forgets what was written (tests that move the clock). */
  void forget() {
    written.clear();
  }

  /** The group of a role (level1 for LEVEL1), as local users' groups are shown. */
  private static String groupOf(String role) {
    try {
      return Role.valueOf(role).groupId();
    } catch (IllegalArgumentException notOurs) {
      return role.toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static String source(Authentication authentication) {
    String type = authentication.getClass().getSimpleName();
    if (type.startsWith("OAuth2") || type.startsWith("Oidc")) {
      return "OIDC";
    }
    if (type.contains("Jwt") || type.contains("Bearer")) {
      return "TOKEN";
    }
    return "LOCAL";
  }
}
