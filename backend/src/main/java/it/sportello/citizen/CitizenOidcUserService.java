package it.sportello.citizen;

import java.util.HashMap;
import java.util.Map;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Loads the citizen after the OIDC round trip (user info too when the provider has the endpoint)
 * and maps the claims; a login without a fiscal code fails.
 */
public class CitizenOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService delegate = new OidcUserService();
  private final CitizenClaims claims;

  public CitizenOidcUserService(CitizenClaims claims) {
    this.claims = claims;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
    OidcUser user = delegate.loadUser(request);
    Map<String, Object> all = new HashMap<>(user.getClaims());
    try {
      return new CitizenUser(claims.citizen(all), user.getIdToken(), user.getUserInfo());
    } catch (IllegalArgumentException e) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error("invalid_citizen", e.getMessage(), null), e);
    }
  }
}
