package it.sportello.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * An OIDC login's user with our authorities: the groups listed in the ID token's (or user info's)
 * groups claim become groups and roles, exactly as for bearer tokens; the user's id is {@code
 * preferred_username} when the provider sends it, else the subject.
 */
class GroupsOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService delegate = new OidcUserService();
  private final String groupsClaim;

  GroupsOidcUserService(String groupsClaim) {
    this.groupsClaim = groupsClaim;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = delegate.loadUser(request);
    Object claim = user.getClaims().get(groupsClaim);
    Collection<String> groups =
        claim instanceof Collection<?> values
            ? values.stream().map(String::valueOf).toList()
            : claim == null ? List.of() : List.of(String.valueOf(claim));
    String nameAttribute =
        user.getClaims().containsKey("preferred_username") ? "preferred_username" : "sub";
    return new DefaultOidcUser(
        GroupAuthorities.of(groups), user.getIdToken(), user.getUserInfo(), nameAttribute);
  }
}
