package it.sportello.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open browsers of this node that something changed, as server-sent events named {@code
 * event} with the data {@code changed}; each browser then reloads what it may see, so no data
 * travels to those who may not see it. The browser's EventSource reconnects after the timeout.
 */
public final class ChangeStream {

  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final String event;
  private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();

  public ChangeStream(String event) {
    this.event = event;
  }

  /** A new subscription, told {@code subscribed} at once. */
  public SseEmitter subscribe() {
    SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    subscribers.add(emitter);
    emitter.onCompletion(() -> subscribers.remove(emitter));
    emitter.onTimeout(() -> subscribers.remove(emitter));
    emitter.onError(error -> subscribers.remove(emitter));
    send(emitter, "subscribed");
    return emitter;
  }

  /** Tells every subscriber that something changed. */
  public void changed() {
    subscribers.forEach(emitter -> send(emitter, "changed"));
  }

  /** Open streams would hold up the graceful shutdown: end them first (clients reconnect). */
  public void closeAll() {
    subscribers.forEach(SseEmitter::complete);
    subscribers.clear();
  }

  private void send(SseEmitter emitter, String data) {
    try {
      emitter.send(SseEmitter.event().name(event).data(data));
    } catch (IOException | IllegalStateException gone) {
      subscribers.remove(emitter);
    }
  }
}
