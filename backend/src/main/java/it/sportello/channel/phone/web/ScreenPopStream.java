package it.sportello.channel.phone.web;

import it.sportello.channel.phone.ScreenPop;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The operators' open event streams, by user id (one per browser tab). A screen pop is sent once
 * the transaction that caused it has committed; a stream that fails is dropped (the browser
 * reconnects).
 */
@Component
class ScreenPopStream {

  static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();

  SseEmitter open(String userId) {
    SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    List<SseEmitter> mine = streams.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>());
    mine.add(emitter);
    Runnable remove = () -> mine.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(error -> remove.run());
    try {
      // tells the browser (and tests) that the stream is subscribed
      emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
    } catch (IOException e) {
      remove.run();
    }
    return emitter;
  }

  /**
   * Ends every stream when the application stops, so that the graceful shutdown does not wait for
   * them (browsers reconnect to another node).
   */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    streams.values().forEach(list -> list.forEach(SseEmitter::complete));
    streams.clear();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void deliver(ScreenPop pop) {
    for (SseEmitter emitter : streams.getOrDefault(pop.agent(), List.of())) {
      try {
        emitter.send(
            SseEmitter.event()
                .name("call")
                .id(pop.callId() + ":" + pop.reason())
                .data(pop, MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException gone) {
        emitter.completeWithError(gone);
        streams.getOrDefault(pop.agent(), List.of()).remove(emitter);
      }
    }
  }
}
