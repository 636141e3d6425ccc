package it.sportello.casefile.web;

import it.sportello.casefile.CaseReader;
import it.sportello.platform.security.GroupAuthorities;
import it.sportello.platform.security.Role;
import it.sportello.shared.NotFoundException;
import it.sportello.worklist.InboxFilter;
import it.sportello.worklist.Worker;
import it.sportello.worklist.Worklist;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The {@link CaseReader} of a request, for the registers of letters and complaints. The
 * secretariat, the manager and the supervisors read the whole registers; offices and heads of
 * office (and the front office, for the letters it registered) a scope of them; every other role
 * (the auditor: reports only) no register content at all (403). One case is also readable by
 * whoever has a task on it in their inbox (a head of office reviewing another office's answer).
 */
@Component
public class CaseReaders {

  private static final Set<String> WHOLE_REGISTER =
      authorities(Role.SECRETARIAT, Role.MANAGER, Role.SUPERVISOR);
  private static final Set<String> SCOPED =
      authorities(Role.OFFICE, Role.HEAD_OFFICE, Role.LEVEL1, Role.LEVEL2);

  private final Worklist worklist;

  CaseReaders(Worklist worklist) {
    this.worklist = worklist;
  }

  /**
   * For the register and its exports.
   *
   * @throws AccessDeniedException for a role that reads no register
   */
  public CaseReader of(Authentication authentication) {
    Set<String> authorities =
        authentication.getAuthorities().stream()
            .map(authority -> authority.getAuthority())
            .collect(Collectors.toSet());
    if (authorities.stream().anyMatch(WHOLE_REGISTER::contains)) {
      return CaseReader.wholeRegister(authentication.getName());
    }
    if (authorities.stream().anyMatch(SCOPED::contains)) {
      return CaseReader.scoped(authentication.getName(), groups(authentication));
    }
    throw new AccessDeniedException("The registers of letters and complaints are not for you.");
  }

  /**
   * Reads one case ({@code read} with the caller's reader): within the caller's scope, or because
   * the case is in their inbox.
   *
   * @throws NotFoundException when neither: the case's existence stays hidden
   */
  public <T> T read(Authentication authentication, String number, Function<CaseReader, T> read) {
    CaseReader reader = of(authentication);
    try {
      return read.apply(reader);
    } catch (NotFoundException outOfScope) {
      if (reader.wholeRegister() || !hasTaskOn(authentication, number)) {
        throw outOfScope;
      }
      return read.apply(CaseReader.wholeRegister(authentication.getName()));
    }
  }

  private boolean hasTaskOn(Authentication authentication, String number) {
    Worker worker = new Worker(authentication.getName(), groups(authentication));
    return worklist.inbox(worker, InboxFilter.ofBusinessKey(number), 0, 1).getTotalElements() > 0;
  }

  private static List<String> groups(Authentication authentication) {
    return GroupAuthorities.groupIds(authentication.getAuthorities());
  }

  private static Set<String> authorities(Role... roles) {
    return Stream.of(roles).map(Role::authority).collect(Collectors.toUnmodifiableSet());
  }
}
