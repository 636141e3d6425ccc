package it.sportello.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.notification.AppNotification;
import it.sportello.notification.InAppNotifications;
import it.sportello.notification.InAppNotifications.Reader;
import it.sportello.notification.InAppNotifications.UnreadTicket;
import it.sportello.platform.security.GroupAuthorities;
import it.sportello.shared.OperatorNames;
import jakarta.validation.constraints.Pattern;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Notifications",
    description =
        "Notifications in the application (the bell): a requester's reply, an assignment, an SLA"
            + " at risk or passed; each user reads their own and their groups'")
@Validated
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  private static final int LATEST = 30;
  private static final String TICKET = "[A-Za-z0-9-]{1,20}"; // as long as a ticket number

  private final InAppNotifications notifications;
  private final OperatorNames names;

  NotificationController(InAppNotifications notifications, OperatorNames names) {
    this.notifications = notifications;
    this.names = names;
  }

  /**
   * Who did it, also by name: a notification with {@code by} (a user id) gets {@code byName}, the
   * display name the directory has, looked up when read (a renamed user reads right).
   */
  private List<AppNotification> withNames(List<AppNotification> items) {
    Map<String, Optional<String>> known = new HashMap<>();
    return items.stream()
        .map(
            item -> {
              String by = item.params() == null ? null : item.params().get("by");
              Optional<String> name =
                  by == null ? Optional.empty() : known.computeIfAbsent(by, names::nameOf);
              if (name.isEmpty()) {
                return item;
              }
              Map<String, String> params = new LinkedHashMap<>(item.params());
              params.put("byName", name.get());
              return new AppNotification(
                  item.id(),
                  item.kind(),
                  item.ticketNumber(),
                  params,
                  item.createdAt(),
                  item.read(),
                  item.taskId());
            })
        .toList();
  }

  /** The bell: how many are unread, the latest, and the tickets with unread ones. */
  record NotificationsView(
      long unread, List<AppNotification> items, List<UnreadTicket> unreadTickets) {}

  @Operation(
      summary = "My notifications: unread count, the latest 30, and the tickets with unread ones",
      description = "With `ticket`, the latest are those of that ticket only.")
  @GetMapping
  NotificationsView mine(
      @RequestParam(required = false) @Pattern(regexp = TICKET) String ticket,
      Authentication authentication) {
    Reader reader = reader(authentication);
    return new NotificationsView(
        notifications.unreadCount(reader),
        withNames(notifications.latest(reader, ticket, LATEST)),
        notifications.unreadTickets(reader));
  }

  @Operation(summary = "Mark one of my notifications read")
  @PostMapping("/{id}/read")
  ResponseEntity<Void> read(@PathVariable long id, Authentication authentication) {
    notifications.markRead(reader(authentication), id);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Mark all my notifications read, or those of one ticket")
  @PostMapping("/read-all")
  ResponseEntity<Void> readAll(
      @RequestParam(required = false) @Pattern(regexp = TICKET) String ticket,
      Authentication authentication) {
    notifications.markAllRead(reader(authentication), ticket);
    return ResponseEntity.noContent().build();
  }

  private static Reader reader(Authentication authentication) {
    return new Reader(
        authentication.getName(), GroupAuthorities.groupIds(authentication.getAuthorities()));
  }
}
