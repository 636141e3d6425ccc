package it.sportello.distribution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.distribution.OfferMade;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Offers pushed to the operator's browser as server-sent events: an {@code offer} event once the
 * round that made it has committed, on the node holding the operator's stream. The event carries no
 * data the operator may not see; the browser then reads {@code GET /api/me/offer}. A round on
 * another node reaches the operator through the poll, which stays as the fallback.
 */
@Tag(name = "Work distribution")
@RestController
class OfferStream {

  static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();

  @Operation(summary = "My offers as server-sent events (`ready`, then `offer` per offer made)")
  @GetMapping(path = "/api/me/offers/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(Authentication authentication) {
    String userId = authentication.getName();
    SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    List<SseEmitter> mine = streams.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>());
    mine.add(emitter);
    Runnable remove = () -> mine.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(error -> remove.run());
    try {
      emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
    } catch (IOException e) {
      remove.run();
    }
    return emitter;
  }

  /** Ends every stream when the application stops (browsers reconnect to another node). */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    streams.values().forEach(list -> list.forEach(SseEmitter::complete));
    streams.clear();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void deliver(OfferMade offer) {
    List<SseEmitter> mine = streams.getOrDefault(offer.operator(), List.of());
    for (SseEmitter emitter : mine) {
      try {
        emitter.send(
            SseEmitter.event()
                .name("offer")
                .id(offer.taskId())
                .data(Map.of("taskId", offer.taskId()), MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException gone) {
        emitter.completeWithError(gone);
        mine.remove(emitter);
      }
    }
  }
}
