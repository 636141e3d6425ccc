package it.sportello.platform.process;

import it.sportello.platform.security.GroupAuthorities;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against Camunda's identity service (the same users log into Cockpit
 * and Tasklist) and grants the user's groups as authorities. Production deployments with OIDC use
 * tokens instead.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null
        || userId.isBlank()
        || password == null
        || !identityService.checkPassword(userId, password.toString())) {
      throw new BadCredentialsException("Bad credentials");
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
}
