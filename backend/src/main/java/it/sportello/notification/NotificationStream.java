package it.sportello.notification;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();

  public SseEmitter subscribe() {
    SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    subscribers.add(emitter);
    emitter.onCompletion(() -> subscribers.remove(emitter));
    emitter.onTimeout(() -> subscribers.remove(emitter));
    emitter.onError(error -> subscribers.remove(emitter));
    send(emitter, "subscribed");
    return emitter;
  }

  void changed() {
    subscribers.forEach(emitter -> send(emitter, "changed"));
  }

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
