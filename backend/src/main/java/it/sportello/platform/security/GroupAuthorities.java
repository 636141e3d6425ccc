package it.sportello.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Turns group memberships (from Camunda's identity service or from a token's groups claim) into
 * authorities: {@code GROUP_<id>} for every group (queues, offices) and {@code ROLE_<ROLE>} for
 * role groups.
 */
public final class GroupAuthorities {

  public static final String GROUP_PREFIX = "GROUP_";

  public static List<GrantedAuthority> of(Collection<String> groupIds) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (String groupId : groupIds) {
      authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + groupId));
      Role.ofGroup(groupId)
          .ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
    }
    return authorities;
  }

  /** The group ids held by an authenticated principal. */
  public static List<String> groupIds(Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(GROUP_PREFIX))
        .map(authority -> authority.substring(GROUP_PREFIX.length()))
        .toList();
  }

  private GroupAuthorities() {}
}
