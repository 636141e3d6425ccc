package it.sportello.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL channel between the application's nodes: a connection of its own (outside the
 * pool, held while the node runs) {@code LISTEN}s on the channel and sends this node's {@code
 * NOTIFY}s, so that sending needs no pooled connection and no transaction (a notification sent
 * inside one would wait for its commit). Every node receives every payload, its own included.
 * Payloads sent while the connection is lost are dropped: those who use it keep a slower way
 * (polling) for what they must not miss.
 */
@org.springframework.modulith.NamedInterface("database")
public final class PostgresChannel {

  private static final Logger log = LoggerFactory.getLogger(PostgresChannel.class);
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** PostgreSQL refuses payloads of 8000 bytes or more. */
  public static final int MAX_PAYLOAD_BYTES = 7999;

  private static final int QUEUED = 10_000;
  private static final int WAIT_MILLIS = 100;

  private final DataSource dataSource;
  private final String channel;
  private final Consumer<String> receiver;
  private final Runnable listening;
  private final BlockingQueue<String> outgoing = new LinkedBlockingQueue<>(QUEUED);
  private volatile boolean running;
  private volatile Thread thread;

  public PostgresChannel(DataSource dataSource, String channel, Consumer<String> receiver) {
    this(dataSource, channel, receiver, () -> {});
  }

  /**
   * @param listening run each time the channel listens again (at the start and after a lost
   *     connection): a receiver that must not miss what was sent meanwhile catches up there
   */
  public PostgresChannel(
      DataSource dataSource, String channel, Consumer<String> receiver, Runnable listening) {
    if (!IDENTIFIER.matcher(channel).matches()) {
      throw new IllegalArgumentException("not a channel name: " + channel);
    }
    this.dataSource = dataSource;
    this.channel = channel;
    this.receiver = receiver;
    this.listening = listening;
  }

  /**
   * Queues a payload for every node; false when it cannot go (stopped, too long, or the queue
   * full).
   */
  public boolean send(String payload) {
    return running
        && payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES
        && outgoing.offer(payload);
  }

  public void start() {
    running = true;
    Thread started = new Thread(this::run, "pg-channel-" + channel);
    started.setDaemon(true);
    thread = started;
    started.start();
  }

  public void stop() {
    running = false;
    Thread running = thread;
    if (running != null) {
      running.interrupt();
    }
  }

  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      try (Connection connection = connection()) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + channel);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        listening.run();
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
          while (running) {
            PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
            if (received != null) {
              for (PGNotification notification : received) {
                deliver(notification.getParameter());
              }
            }
            List<String> batch = new ArrayList<>();
            outgoing.drainTo(batch, 100);
            for (String payload : batch) {
              notify.setString(1, channel);
              notify.setString(2, payload);
              notify.execute();
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("Channel {} lost its connection, reconnecting: {}", channel, e.getMessage());
          outgoing.clear();
          pause();
        }
      }
    }
  }

  private void deliver(String payload) {
    try {
      receiver.accept(payload);
    } catch (RuntimeException e) {
      log.debug("Channel {}: a payload was not delivered", channel, e);
    }
  }

  /** Outside the pool: a pooled connection held for good would leave requests one short. */
  private Connection connection() throws SQLException {
    if (dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
      com.zaxxer.hikari.HikariDataSource pool =
          dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
      Properties properties = new Properties();
      properties.putAll(pool.getDataSourceProperties());
      if (pool.getUsername() != null) {
        properties.setProperty("user", pool.getUsername());
      }
      if (pool.getPassword() != null) {
        properties.setProperty("password", pool.getPassword());
      }
      properties.setProperty("ApplicationName", "sportello-" + channel);
      return java.sql.DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
    return dataSource.getConnection();
  }

  private static void pause() {
    try {
      TimeUnit.SECONDS.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
