package it.sportello.worklist;

import it.sportello.shared.web.ChangeStream;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open inboxes that tasks changed (created, claimed, completed), as server-sent events; each
 * client then reloads its own inbox, so no task data travels to those who may not see it.
 */
@Component
public class InboxEvents {

  static final String EVENT = "tasks";

  private final ChangeStream stream = new ChangeStream(EVENT);

  /** A new subscription; the browser's EventSource reconnects after the timeout. */
  public SseEmitter subscribe() {
    return stream.subscribe();
  }

  /** Tasks changed (after the transaction that changed them committed). */
  public void changed() {
    stream.changed();
  }

  /** Open streams would hold up the graceful shutdown: end them first (clients reconnect). */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    stream.closeAll();
  }
}
