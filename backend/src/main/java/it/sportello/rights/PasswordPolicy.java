package it.sportello.rights;

import it.sportello.shared.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password policy for local users, applied to every password set through the application
 * (creation and reset): at least {@code min-length} (12) characters, not the user's id, not in the
 * list of common passwords, none of the last {@code history} passwords, and the engine's own rules
 * (a lower-case and an upper-case letter, a digit, a special character, not the user's data). The
 * demo users' password {@code demo} was set at start, outside it. A refusal is a problem detail
 * naming {@code password}.
 */
@Component
class PasswordPolicy {

  private final PasswordPolicyProperties properties;
  private final UserDirectory directory;
  private final JdbcTemplate jdbc;
  private final Set<String> common;
  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

  PasswordPolicy(
      PasswordPolicyProperties properties,
      UserDirectory directory,
      JdbcTemplate jdbc,
      ResourceLoader resources) {
    this.properties = properties;
    this.directory = directory;
    this.jdbc = jdbc;
    try {
      this.common =
          new String(
                  resources.getResource(properties.commonPasswords()).getContentAsByteArray(),
                  StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .map(line -> line.toLowerCase(Locale.ROOT))
              .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Refuses {@code password} for {@code userId} with every rule it breaks. */
  void check(String userId, String password) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.length() < properties.minLength()) {
      problems.add("must be at least " + properties.minLength() + " characters long");
    }
    if (password != null) {
      String lower = password.toLowerCase(Locale.ROOT);
      if (lower.contains(userId.toLowerCase(Locale.ROOT))) {
        problems.add("must not contain the user name");
      }
      if (common.contains(lower)) {
        problems.add("is a common password");
      }
      if (reused(userId, password)) {
        problems.add("was one of the last " + properties.history() + " passwords of this user");
      }
      directory.policyViolations(userId, password).stream()
          // the length is ours to say, with the figure
          .filter(problem -> !problem.equals("is too short"))
          .forEach(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(
          "password", "The password " + String.join("; ", problems.stream().distinct().toList()));
    }
  }

  private boolean reused(String userId, String password) {
    if (properties.history() == 0) {
      return false;
    }
    return jdbc
        .queryForList(
            "select hash from sportello.user_password_history where user_id = ?"
                + " order by set_at desc, id desc limit ?",
            String.class,
            userId,
            properties.history())
        .stream()
        .anyMatch(hash -> encoder.matches(password, hash));
  }

  /** Remembers a password just set (its hash), for the history rule. */
  void remember(String userId, String password, java.time.Instant at) {
    jdbc.update(
        "insert into sportello.user_password_history (user_id, hash, set_at) values (?, ?, ?)",
        userId,
        encoder.encode(password),
        java.sql.Timestamp.from(at));
  }
}
