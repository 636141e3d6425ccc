package it.sportello.platform.process;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import it.sportello.platform.security.GroupAuthorities;
import it.sportello.platform.security.LoginThrottle;
import it.sportello.shared.DisabledAccounts;
import it.sportello.shared.IdentityChanged;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Checks user name and password against Camunda's identity service (the same users log into Cockpit
 * and Tasklist) and grants the user's groups as authorities. Production deployments with OIDC use
 * tokens instead. Every check passes the {@link LoginThrottle} (growing delays per client address
 * and user name); the engine's own lock is off ({@code login-max-attempts}), so that wrong
 * passwords from anyone never lock an account until an administrator unlocks it.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final ObjectProvider<DisabledAccounts> disabledAccounts;

  /**
   * Credentials verified lately, by user and a keyed hash of the password (the key made at start,
   * never stored: the cache holds nothing a stolen heap dump could test passwords against faster
   * than the engine's own hashes), with the user's groups. An API client sending Basic credentials
   * on every request then costs no password hash and no identity queries (three per request before,
   * issue 26). Dropped on any change of identities ({@link IdentityChanged}, after its commit) and
   * after {@code ttl} at the latest: the bound for changes made on another node.
   */
  private final Cache<Verified, List<String>> verified;

  private final Mac keyedHash;

  /** A password verified for a user: its keyed hash, never the password. */
  private record Verified(String userId, String passwordHash) {}

  CamundaIdentityAuthenticationProvider(
      IdentityService identityService,
      LoginThrottle throttle,
      ObjectProvider<DisabledAccounts> disabledAccounts,
      @Value("${sportello.security.verified-credentials-ttl:30s}") Duration ttl) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.disabledAccounts = disabledAccounts;
    this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    try {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      this.keyedHash = Mac.getInstance("HmacSHA256");
      keyedHash.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 not available", e);
    }
  }

  /** Credentials verified before a change of users, groups or memberships are checked again. */
  @TransactionalEventListener(fallbackExecution = true)
  void identityChanged(IdentityChanged change) {
    if (change.userId() == null) {
      verified.invalidateAll();
    } else {
      verified.asMap().keySet().removeIf(key -> key.userId().equals(change.userId()));
    }
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    return throttle.guard(authentication, () -> check(authentication));
  }

  private Authentication check(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null || userId.isBlank() || password == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    Verified key = new Verified(userId, hash(userId, password.toString()));
    List<String> known = verified.getIfPresent(key);
    if (known != null) {
      return UsernamePasswordAuthenticationToken.authenticated(
          userId, null, GroupAuthorities.of(known));
    }
    if (!identityService.checkPassword(userId, password.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
    DisabledAccounts disabled = disabledAccounts.getIfAvailable();
    if (disabled != null && disabled.isDisabled(userId)) {
      // disabled by an administrator (the register of user rights)
      throw new DisabledException("Account disabled");
    }
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList();
    verified.put(key, groups);
    return UsernamePasswordAuthenticationToken.authenticated(
        userId, null, GroupAuthorities.of(groups));
  }

  private String hash(String userId, String password) {
    Mac mac;
    try {
      mac = (Mac) keyedHash.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
    mac.update(userId.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /**
   * The engine's identity settings that go with these logins:
   *
   * <ul>
   *   <li>a password policy for every password set through the engine (Camunda Admin, {@code
   *       /engine-rest}, the configured first administrator): at least {@value
   *       #MIN_PASSWORD_LENGTH} characters with a lower-case and an upper-case letter, a digit and
   *       a special character, not containing the user's id, names or e-mail. Only the demo users
   *       of the default profile bypass it ({@link DemoIdentities});
   *   <li>the engine's own brute-force lock off: after {@code loginMaxAttempts} (10) wrong
   *       passwords it locks the account until an administrator unlocks it, so anyone could lock
   *       {@code admin} out. The {@link LoginThrottle} delays instead (never for long).
   * </ul>
   */
  @Component
  static class EngineIdentitySettings extends AbstractProcessEnginePlugin {

    static final int MIN_PASSWORD_LENGTH = 12;

    /** The engine's commands that change users, groups or memberships. */
    static final Set<Class<?>> IDENTITY_WRITES =
        Set.of(
            SaveUserCmd.class,
            DeleteUserCmd.class,
            UnlockUserCmd.class,
            SaveGroupCmd.class,
            DeleteGroupCmd.class,
            CreateMembershipCmd.class,
            DeleteMembershipCmd.class);

    private final ApplicationEventPublisher events;

    EngineIdentitySettings(ApplicationEventPublisher events) {
      this.events = events;
    }

    static final PasswordPolicy PASSWORD_POLICY =
        () ->
            List.of(
                new PasswordPolicyLengthRuleImpl(MIN_PASSWORD_LENGTH),
                new PasswordPolicyLowerCaseRuleImpl(1),
                new PasswordPolicyUpperCaseRuleImpl(1),
                new PasswordPolicyDigitRuleImpl(1),
                new PasswordPolicySpecialCharacterRuleImpl(1),
                new PasswordPolicyUserDataRuleImpl());

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setEnablePasswordPolicy(true);
      configuration.setPasswordPolicy(PASSWORD_POLICY);
      // never locked: no attempt limit, no delay of the engine's own (the throttle delays)
      configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
      configuration.setLoginDelayBase(0);
      configuration.setLoginDelayMaxTime(0);
      // whoever changes identities (Camunda Admin, /engine-rest, the register of user rights),
      // the credentials verified before are checked again
      List<CommandInterceptor> interceptors =
          new ArrayList<>(
              Objects.requireNonNullElse(
                  configuration.getCustomPreCommandInterceptorsTxRequired(), List.of()));
      interceptors.add(new IdentityWrites(events));
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
  }

  /** Publishes {@link IdentityChanged} after an engine command that changed identities. */
  static final class IdentityWrites extends CommandInterceptor {

    private final ApplicationEventPublisher events;

    IdentityWrites(ApplicationEventPublisher events) {
      this.events = events;
    }

    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (EngineIdentitySettings.IDENTITY_WRITES.contains(command.getClass())) {
        events.publishEvent(IdentityChanged.anyUser());
      }
      return result;
    }
  }
}
