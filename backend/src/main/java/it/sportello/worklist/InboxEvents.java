package it.sportello.worklist;

import it.sportello.platform.web.UserEvents;
import org.springframework.stereotype.Component;

/**
 * Tells open inboxes that tasks changed (created, claimed, completed): an {@code inbox} event on
 * every user's event stream; each client then reloads its own inbox, so no task data travels to
 * those who may not see it.
 */
@Component
public class InboxEvents {

  static final String EVENT = "inbox";

  private final UserEvents events;

  InboxEvents(UserEvents events) {
    this.events = events;
  }

  /** Tasks changed (after the transaction that changed them committed). */
  public void changed() {
    events.toEveryone(EVENT);
  }
}
