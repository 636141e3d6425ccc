package it.sportello.chat;

import it.sportello.platform.database.PostgresChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's connected chat clients, told of every change of their conversation by PostgreSQL: a
 * stored message is announced with {@code NOTIFY} ({@link ChatStore#CHANNEL}) in its own
 * transaction, and every node {@code LISTEN}s on one connection of its own ({@link
 * PostgresChannel}). A subscriber then reads what it has not yet sent from the database ("after seq
 * N"), so notifications that coalesce, or a listener that reconnects, lose nothing: after a
 * reconnection every subscriber catches up.
 */
@Component
public class ChatHub implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChatHub.class);

  /** Told that its conversation changed; reads and sends what is new. */
  public interface Subscriber {
    void changed();
  }

  private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private final Set<Subscriber> pending = ConcurrentHashMap.newKeySet();
  private final ExecutorService senders = Executors.newFixedThreadPool(4, daemon("chat-send"));
  private final PostgresChannel channel;

  ChatHub(DataSource dataSource) {
    // whatever was announced while not listening: every subscriber catches up
    this.channel =
        new PostgresChannel(
            dataSource,
            ChatStore.CHANNEL,
            this::announced,
            () -> subscribers.keySet().forEach(this::dispatch));
  }

  /** Subscribes; the returned handle unsubscribes. */
  public Runnable subscribe(long conversationId, Subscriber subscriber) {
    subscribers
        .computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet())
        .add(subscriber);
    return () ->
        subscribers.computeIfPresent(
            conversationId,
            (id, set) -> {
              set.remove(subscriber);
              return set.isEmpty() ? null : set;
            });
  }

  /** How many clients of this node follow a conversation (tests, metrics). */
  public int subscribers(long conversationId) {
    return subscribers.getOrDefault(conversationId, Set.of()).size();
  }

  private void announced(String payload) {
    if (ChatStore.QUEUE_CHANGED.equals(payload)) {
      // places in the queue and wait estimates moved: every follower reads its state again
      subscribers.keySet().forEach(this::dispatch);
      return;
    }
    try {
      dispatch(Long.parseLong(payload));
    } catch (NumberFormatException ignored) {
      // not ours
    }
  }

  /**
   * Tells a conversation's subscribers, each at most once at a time: a subscriber already waiting
   * for a sender is not queued again, since it reads everything new when it runs (500 chats taken
   * in a burst otherwise queued 125,000 reads ahead of the next message).
   */
  void dispatch(long conversationId) {
    for (Subscriber subscriber : subscribers.getOrDefault(conversationId, Set.of())) {
      if (!pending.add(subscriber)) {
        continue;
      }
      senders.execute(
          () -> {
            pending.remove(subscriber);
            try {
              subscriber.changed();
            } catch (RuntimeException e) {
              log.debug("Chat delivery failed for conversation {}", conversationId, e);
            }
          });
    }
  }

  @Override
  public void start() {
    channel.start();
  }

  @Override
  public void stop() {
    channel.stop();
    senders.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return channel.isRunning();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
