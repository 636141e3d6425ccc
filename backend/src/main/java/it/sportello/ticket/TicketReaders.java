package it.sportello.ticket;

import it.sportello.platform.security.GroupAuthorities;
import it.sportello.platform.security.Role;
import it.sportello.ticket.application.TicketQueries.Reader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;

/** Who reads a ticket, as {@link it.sportello.ticket.application.TicketQueries} scopes reads. */
public final class TicketReaders {

  private static final Set<String> STAFF =
      Stream.of(Role.LEVEL1, Role.LEVEL2, Role.LEVEL3, Role.SUPERVISOR)
          .map(Role::authority)
          .collect(Collectors.toUnmodifiableSet());

  private TicketReaders() {}

  /** Staff read every ticket; offices those assigned to them; external systems their own. */
  public static Reader of(Authentication authentication) {
    boolean staff =
        authentication.getAuthorities().stream()
            .anyMatch(authority -> STAFF.contains(authority.getAuthority()));
    return new Reader(
        authentication.getName(),
        staff,
        GroupAuthorities.groupIds(authentication.getAuthorities()));
  }
}
