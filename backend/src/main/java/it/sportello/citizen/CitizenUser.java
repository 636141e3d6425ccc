package it.sportello.citizen;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A logged-in citizen: one authority, {@value #AUTHORITY}, never a staff role; the ID token stays
 * for the provider's logout.
 */
public class CitizenUser extends DefaultOidcUser {

  public static final String ROLE = "CITIZEN";
  public static final String AUTHORITY = "ROLE_" + ROLE;

  private final Citizen citizen;

  public CitizenUser(Citizen citizen, OidcIdToken idToken, OidcUserInfo userInfo) {
    super(List.of(new SimpleGrantedAuthority(AUTHORITY)), idToken, userInfo);
    this.citizen = citizen;
  }

  public Citizen citizen() {
    return citizen;
  }

  /** The fiscal code: never the provider's subject, which differs between providers. */
  @Override
  public String getName() {
    return citizen.fiscalCode();
  }
}
