package it.sportello.ticket;

import it.sportello.platform.security.GroupAuthorities;
import it.sportello.platform.security.Role;
import it.sportello.shared.AuditRequests;
import it.sportello.ticket.application.BreakGlassRead;
import it.sportello.ticket.application.TicketQueries.Reader;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who reads a ticket, as {@link it.sportello.ticket.application.TicketQueries} scopes reads. */
@Component
public final class TicketReaders {

  /** The break-glass reason as a query parameter of any read of a ticket. */
  public static final String BREAK_GLASS_PARAMETER = "breakGlass";

  /** ... or as a header. */
  public static final String BREAK_GLASS_HEADER = "X-Break-Glass-Reason";

  private static final int MAX_REASON = 500;

  private static final Set<String> STAFF =
      Stream.of(Role.LEVEL1, Role.LEVEL2, Role.LEVEL3, Role.SUPERVISOR)
          .map(Role::authority)
          .collect(Collectors.toUnmodifiableSet());

  TicketReaders() {}

  /**
   * Staff (operators, supervisors) read within their need to know, or beyond it with a reason given
   * by the request ({@value #BREAK_GLASS_PARAMETER} or {@value #BREAK_GLASS_HEADER}); offices the
   * tickets assigned to them; external systems their own.
   */
  public static Reader of(Authentication authentication) {
    boolean staff =
        authentication.getAuthorities().stream()
            .anyMatch(authority -> STAFF.contains(authority.getAuthority()));
    return new Reader(
        authentication.getName(),
        staff,
        GroupAuthorities.groupIds(authentication.getAuthorities()),
        staff ? breakGlassReason() : null);
  }

  private static String breakGlassReason() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web)) {
      return null;
    }
    HttpServletRequest request = web.getRequest();
    String reason = request.getHeader(BREAK_GLASS_HEADER);
    if (reason == null || reason.isBlank()) {
      reason = request.getParameter(BREAK_GLASS_PARAMETER);
    }
    if (reason == null || reason.isBlank()) {
      return null;
    }
    reason = reason.strip();
    return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
  }

  /** Flags the request's audit row: its read needed the break-glass reason. */
  @EventListener
  void brokeGlass(BreakGlassRead read) {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes != null) {
      attributes.setAttribute(
          AuditRequests.BREAK_GLASS_REASON, read.reason(), RequestAttributes.SCOPE_REQUEST);
    }
  }
}
