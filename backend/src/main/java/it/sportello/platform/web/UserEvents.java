package it.sportello.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.platform.database.PostgresChannel;
import it.sportello.platform.security.GroupAuthorities;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The one event stream of each browser tab ({@code GET /api/me/events}): every module sends its
 * events here as named server-sent events ({@code inbox}, {@code notification}, {@code screen-pop},
 * {@code offer}, ...) to one user, to the users and groups a notification is for, or to everyone (a
 * "something changed, reload what you may see" signal carrying no data).
 *
 * <p>Streams are held by the node the browser is connected to. An event goes to this node's streams
 * at once and to the other nodes' through PostgreSQL ({@code NOTIFY} on the channel {@value
 * #CHANNEL}, see {@link PostgresChannel}), so an offer made or a call popped on node A reaches an
 * operator connected to node B. An event too large for a notification (8000 bytes), or sent while
 * the channel is reconnecting, reaches this node only: every page keeps a slow poll for that. Each
 * event has an id {@code <node>.<sequence>}: a browser reconnecting to the same node with {@code
 * Last-Event-ID} gets the events it missed from the last {@value #KEPT} ones. A comment line every
 * {@code sportello.web.events.heartbeat} (25 s) keeps proxies from closing an idle stream and finds
 * dead ones; a stream ends after {@link #TIMEOUT} and the browser reconnects.
 */
@NamedInterface("events")
@Component
public class UserEvents implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(UserEvents.class);

  /** The PostgreSQL channel between the nodes. */
  static final String CHANNEL = "sportello_user_events";

  /** How long one stream lives before the browser reconnects. */
  public static final Duration TIMEOUT = Duration.ofMinutes(30);

  /** How many sent events are kept for a reconnecting browser. */
  static final int KEPT = 200;

  /** How long a sent event is kept for a reconnecting browser. */
  static final Duration KEPT_FOR = Duration.ofMinutes(2);

  /** The users and groups an event is for; {@link #EVERYONE} for a signal without data. */
  @NamedInterface("events")
  public record Audience(Set<String> users, Set<String> groups, boolean everyone) {

    public static final Audience EVERYONE = new Audience(Set.of(), Set.of(), true);

    public static Audience user(String userId) {
      return new Audience(Set.of(userId), Set.of(), false);
    }

    public static Audience of(Collection<String> users, Collection<String> groups) {
      return new Audience(Set.copyOf(users), Set.copyOf(groups), false);
    }

    boolean includes(Subscriber subscriber) {
      return everyone
          || users.contains(subscriber.user)
          || subscriber.groups.stream().anyMatch(groups::contains);
    }
  }

  private record Subscriber(String user, Set<String> groups, SseEmitter emitter) {}

  private record Sent(long sequence, Instant at, Audience audience, String name, String data) {}

  /** An event as it travels between nodes. */
  record Relayed(String node, Audience audience, String name, String data) {}

  private final String node = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong sequence = new AtomicLong();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final Deque<Sent> kept = new ArrayDeque<>();
  // real time, not the service's (tests move that one): how long a reconnecting browser was away
  private final Clock clock = Clock.systemUTC();
  private final ObjectMapper json;
  private final PostgresChannel channel;

  UserEvents(DataSource dataSource, ObjectMapper json) {
    this.json = json;
    this.channel = new PostgresChannel(dataSource, CHANNEL, this::relayed);
  }

  /**
   * A new stream for the signed-in user, told {@code ready} at once; with the {@code Last-Event-ID}
   * of an event this node sent, first the events for this user sent since.
   */
  public SseEmitter open(Authentication authentication, String lastEventId) {
    return open(
        authentication.getName(),
        Set.copyOf(GroupAuthorities.groupIds(authentication.getAuthorities())),
        new SseEmitter(TIMEOUT.toMillis()),
        lastEventId);
  }

  SseEmitter open(String user, Set<String> groups, SseEmitter emitter, String lastEventId) {
    Subscriber subscriber = new Subscriber(user, groups, emitter);
    subscribers.add(subscriber);
    emitter.onCompletion(() -> subscribers.remove(subscriber));
    emitter.onTimeout(() -> subscribers.remove(subscriber));
    emitter.onError(error -> subscribers.remove(subscriber));
    // tells the browser (and tests) that the stream is subscribed
    if (send(subscriber, SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON))) {
      missedSince(lastEventId).stream()
          .filter(sent -> sent.audience.includes(subscriber))
          .forEach(sent -> send(subscriber, event(sent)));
    }
    return emitter;
  }

  /** Sends an event to one user's streams. */
  public void toUser(String userId, String name, Object data) {
    send(Audience.user(userId), name, data);
  }

  /** Sends a data-free signal ({@code changed}) to every stream: each reloads what it may see. */
  public void toEveryone(String name) {
    send(Audience.EVERYONE, name, "changed");
  }

  /**
   * Sends an event to the streams of these users and of the members of these groups, on every node.
   */
  public void send(Audience audience, String name, Object data) {
    String text;
    try {
      text = data instanceof String plain ? plain : json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serializable: " + data, e);
    }
    deliver(audience, name, text);
    try {
      if (!channel.send(json.writeValueAsString(new Relayed(node, audience, name, text)))) {
        log.debug("Event {} reached this node only", name);
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An event another node sent (this node's own come back too, and are skipped). */
  private void relayed(String payload) {
    Relayed relayed;
    try {
      relayed = json.readValue(payload, Relayed.class);
    } catch (JsonProcessingException e) {
      log.debug("Not an event: {}", payload);
      return;
    }
    if (!node.equals(relayed.node())) {
      deliver(relayed.audience(), relayed.name(), relayed.data());
    }
  }

  private void deliver(Audience audience, String name, String data) {
    Sent sent = keep(audience, name, data);
    for (Subscriber subscriber : subscribers) {
      if (audience.includes(subscriber)) {
        send(subscriber, event(sent));
      }
    }
  }

  @Override
  public void start() {
    channel.start();
  }

  @Override
  public void stop() {
    channel.stop();
  }

  @Override
  public boolean isRunning() {
    return channel.isRunning();
  }

  /** How many streams this node holds (for tests and metrics). */
  public int open() {
    return subscribers.size();
  }

  /** A comment line to every stream: keeps it through idle proxies, and drops the dead ones. */
  @Scheduled(
      fixedDelayString = "${sportello.web.events.heartbeat:PT25S}",
      initialDelayString = "${sportello.web.events.heartbeat:PT25S}")
  void heartbeat() {
    subscribers.forEach(subscriber -> send(subscriber, SseEmitter.event().comment("heartbeat")));
  }

  /**
   * Ends every stream when the application stops, so that the graceful shutdown does not wait for
   * them (browsers reconnect, to another node if this one is gone).
   */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    subscribers.forEach(subscriber -> end(subscriber, null));
    subscribers.clear();
  }

  private SseEmitter.SseEventBuilder event(Sent sent) {
    return SseEmitter.event().name(sent.name).id(node + "." + sent.sequence).data(sent.data);
  }

  private boolean send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
    try {
      subscriber.emitter.send(event);
      return true;
    } catch (IOException | IllegalStateException gone) {
      subscribers.remove(subscriber);
      end(subscriber, gone);
      return false;
    }
  }

  /**
   * Ends a stream. One the browser has already left may refuse even that (Tomcat will not let
   * another thread touch a request after its error): the stream is gone either way, and whoever
   * sent the event (a ticket's intake after its commit, say) must not fail for it.
   */
  private static void end(Subscriber subscriber, Exception cause) {
    try {
      if (cause == null) {
        subscriber.emitter.complete();
      } else {
        subscriber.emitter.completeWithError(cause);
      }
    } catch (RuntimeException alreadyEnded) {
      log.debug("Stream of {} already ended: {}", subscriber.user, alreadyEnded.getMessage());
    }
  }

  private synchronized Sent keep(Audience audience, String name, String data) {
    Instant now = clock.instant();
    Sent sent = new Sent(sequence.incrementAndGet(), now, audience, name, data);
    kept.addLast(sent);
    while (kept.size() > KEPT
        || (!kept.isEmpty() && kept.peekFirst().at.isBefore(now.minus(KEPT_FOR)))) {
      kept.removeFirst();
    }
    return sent;
  }

  private synchronized List<Sent> missedSince(String lastEventId) {
    if (lastEventId == null || !lastEventId.startsWith(node + ".")) {
      return List.of();
    }
    long last;
    try {
      last = Long.parseLong(lastEventId.substring(node.length() + 1));
    } catch (NumberFormatException e) {
      return List.of();
    }
    Instant oldest = clock.instant().minus(KEPT_FOR);
    List<Sent> missed = new ArrayList<>();
    for (Sent sent : kept) {
      if (sent.sequence > last && !sent.at.isBefore(oldest)) {
        missed.add(sent);
      }
    }
    return missed;
  }
}
