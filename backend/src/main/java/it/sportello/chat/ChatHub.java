package it.sportello.chat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's connected chat clients, told of every change of their conversation by PostgreSQL: a
 * stored message is announced with {@code NOTIFY} ({@link ChatStore#CHANNEL}) in its own
 * transaction, and every node {@code LISTEN}s on one connection of its own. A subscriber then reads
 * what it has not yet sent from the database ("after seq N"), so notifications that coalesce, or a
 * listener that reconnects, lose nothing: after a reconnection every subscriber catches up.
 */
@Component
public class ChatHub implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChatHub.class);

  /** Told that its conversation changed; reads and sends what is new. */
  public interface Subscriber {
    void changed();
  }

  private final DataSource dataSource;
  private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private final ExecutorService senders = Executors.newFixedThreadPool(4, daemon("chat-send"));
  private volatile boolean running;
  private volatile Thread listener;

  ChatHub(DataSource dataSource) {
    this.dataSource = dataSource;
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

  void dispatch(long conversationId) {
    for (Subscriber subscriber : subscribers.getOrDefault(conversationId, Set.of())) {
      senders.execute(
          () -> {
            try {
              subscriber.changed();
            } catch (RuntimeException e) {
              log.debug("Chat delivery failed for conversation {}", conversationId, e);
            }
          });
    }
  }

  private void listen() {
    while (running) {
      try (Connection connection = listeningConnection()) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + ChatStore.CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        // whatever was announced while not listening
        subscribers.keySet().forEach(this::dispatch);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(1000);
          if (notifications == null) {
            continue;
          }
          for (PGNotification notification : notifications) {
            try {
              dispatch(Long.parseLong(notification.getParameter()));
            } catch (NumberFormatException ignored) {
              // not ours
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("Chat listener lost its connection, reconnecting: {}", e.getMessage());
          sleep();
        }
      }
    }
  }

  /**
   * A connection of its own, outside the pool: it is held for as long as the node runs, and a
   * pooled one would leave the request path one connection short (and a busy pool would starve the
   * listener).
   */
  private Connection listeningConnection() throws SQLException {
    if (dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
      com.zaxxer.hikari.HikariDataSource pool =
          dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
      java.util.Properties properties = new java.util.Properties();
      properties.putAll(pool.getDataSourceProperties());
      if (pool.getUsername() != null) {
        properties.setProperty("user", pool.getUsername());
      }
      if (pool.getPassword() != null) {
        properties.setProperty("password", pool.getPassword());
      }
      properties.setProperty("ApplicationName", "sportello-chat-listener");
      return java.sql.DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
    return dataSource.getConnection();
  }

  private static void sleep() {
    try {
      TimeUnit.SECONDS.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void start() {
    running = true;
    listener = daemon("chat-listen").newThread(this::listen);
    listener.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread thread = listener;
    if (thread != null) {
      thread.interrupt();
    }
    senders.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
