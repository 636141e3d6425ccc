package it.sportello.worklist;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();

  /** A new subscription; the browser's EventSource reconnects after the timeout. */
  public SseEmitter subscribe() {
    SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    subscribers.add(emitter);
    emitter.onCompletion(() -> subscribers.remove(emitter));
    emitter.onTimeout(() -> subscribers.remove(emitter));
    emitter.onError(error -> subscribers.remove(emitter));
    send(emitter, "subscribed");
    return emitter;
  }

  /** Tasks changed (after the transaction that changed them committed). */
  public void changed() {
    subscribers.forEach(emitter -> send(emitter, "changed"));
  }

  /** Open streams would hold up the graceful shutdown: end them first (clients reconnect). */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    subscribers.forEach(SseEmitter::complete);
    subscribers.clear();
  }

  private void send(SseEmitter emitter, String data) {
    try {
      emitter.send(SseEmitter.event().name(EVENT).data(data));
    } catch (IOException | IllegalStateException gone) {
      subscribers.remove(emitter);
    }
  }
}
