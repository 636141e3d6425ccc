package it.sportello.notification;

import it.sportello.shared.web.ChangeStream;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open browsers of this node that notifications were written, as server-sent events; each
 * then reloads its own (so nothing travels to those who may not see it). Notifications written on
 * another node reach the browser by its polling fallback.
 */
@Component
public class NotificationStream {

  static final String EVENT = "notifications";

  private final ChangeStream stream = new ChangeStream(EVENT);

  public SseEmitter subscribe() {
    return stream.subscribe();
  }

  void changed() {
    stream.changed();
  }

  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    stream.closeAll();
  }
}
