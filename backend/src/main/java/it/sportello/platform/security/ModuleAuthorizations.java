package it.sportello.platform.security;

import java.util.stream.Stream;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's own authorization rules for its {@code /api} paths, contributed to the application's
 * security filter chain. Each module declares one bean in its {@code web} package, annotated with
 * {@link org.springframework.core.annotation.Order}; {@link SecurityConfiguration} applies the
 * generic rules first (errors, assets, session, engine REST API), then every module's rules in that
 * order, then its closing rules (actuator, authenticated for everything else).
 *
 * <p>Rules match first-come: a module lists its specific rules before its catch-all ones, and a
 * module whose paths lie under another module's prefix (the ticket's {@code /api/kb/suggestions})
 * comes earlier in the order.
 */
public interface ModuleAuthorizations {

  /** The first match wins: specific paths before their module's catch-all. */
  void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests);

  /**
   * The staff who work tasks (the inbox, the task list, who is on a ticket, reading the knowledge
   * base), and {@code others}: role names for {@code hasAnyRole}.
   */
  static String[] taskWorkers(Role... others) {
    return roles(
        Stream.concat(
                Stream.of(
                    Role.LEVEL1,
                    Role.LEVEL2,
                    Role.LEVEL3,
                    Role.SUPERVISOR,
                    Role.OFFICE,
                    Role.SECRETARIAT,
                    Role.HEAD_OFFICE,
                    Role.MANAGER,
                    Role.KB_EDITOR,
                    Role.KB_REVIEWER),
                Stream.of(others))
            .toArray(Role[]::new));
  }

  /** The role names for {@code hasAnyRole}. */
  static String[] roles(Role... roles) {
    return Stream.of(roles).map(Role::name).toArray(String[]::new);
  }

  /** The order of the modules' rules (lower first); the values leave room between modules. */
  final class Orders {
    public static final int TICKET = 100;
    public static final int PHONE = 200;
    public static final int CONTACT = 300;
    public static final int REPORTING = 400;
    public static final int PROCEDURE = 500;
    public static final int MAIL = 600;
    public static final int WORKLIST = 700;
    public static final int CORRESPONDENCE = 800;
    public static final int COMPLAINT = 900;
    public static final int KNOWLEDGE_BASE = 1000;
    public static final int PUBLIC_REQUESTS = 1100;
    public static final int AUDIT = 1200;
    public static final int NOTIFICATION = 1300;
    public static final int PRESENCE = 1400;
    public static final int DATA_SUBJECTS = 1500;
    public static final int NOTICES = 1600;
    public static final int RETENTION = 1700;
    public static final int USERS = 1800;
    public static final int ARCHIVE = 1900;
    public static final int STUDIO = 2000;
    public static final int SURVEYS = 2100;
    public static final int DISTRIBUTION = 2200;
    public static final int CHAT = 2300;

    private Orders() {}
  }
}
