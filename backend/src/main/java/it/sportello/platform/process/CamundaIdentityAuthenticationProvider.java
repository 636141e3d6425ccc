package it.sportello.platform.process;

import it.sportello.platform.security.GroupAuthorities;
import it.sportello.platform.security.LoginThrottle;
import it.sportello.shared.DisabledAccounts;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

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

  CamundaIdentityAuthenticationProvider(
      IdentityService identityService,
      LoginThrottle throttle,
      ObjectProvider<DisabledAccounts> disabledAccounts) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.disabledAccounts = disabledAccounts;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    return throttle.guard(authentication, () -> check(authentication));
  }

  private Authentication check(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null
        || userId.isBlank()
        || password == null
        || !identityService.checkPassword(userId, password.toString())) {
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
    return UsernamePasswordAuthenticationToken.authenticated(
        userId, null, GroupAuthorities.of(groups));
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
    }
  }
}
