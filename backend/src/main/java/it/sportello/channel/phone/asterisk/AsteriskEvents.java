package it.sportello.channel.phone.asterisk;

import it.sportello.channel.phone.PhoneEvents;
import it.sportello.channel.phone.PhoneProperties;
import it.sportello.channel.phone.TelephonyEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens to the Stasis application's events on ARI's WebSocket ({@code /ari/events?app=…}) and
 * hands them, mapped, to {@link PhoneEvents}; reconnects after a failure.
 */
public class AsteriskEvents implements SmartLifecycle, WebSocket.Listener {

  private static final Logger log = LoggerFactory.getLogger(AsteriskEvents.class);

  private final PhoneProperties.Asterisk properties;
  private final AriEventMapper mapper;
  private final PhoneEvents events;
  private final HttpClient http = HttpClient.newHttpClient();
  private final StringBuilder partial = new StringBuilder();
  private ScheduledExecutorService reconnects;
  private volatile WebSocket socket;
  private volatile boolean running;

  public AsteriskEvents(
      PhoneProperties.Asterisk properties, AriEventMapper mapper, PhoneEvents events) {
    this.properties = properties;
    this.mapper = mapper;
    this.events = events;
  }

  @Override
  public synchronized void start() {
    running = true;
    reconnects = Executors.newSingleThreadScheduledExecutor();
    connect();
  }

  private void connect() {
    if (!running) {
      return;
    }
    String base = properties.url().replaceAll("/+$", "").replaceFirst("^http", "ws");
    URI uri =
        URI.create(
            base
                + "/ari/events?app="
                + URLEncoder.encode(properties.app(), StandardCharsets.UTF_8)
                + "&api_key="
                + URLEncoder.encode(
                    properties.user() + ":" + properties.password(), StandardCharsets.UTF_8));
    http.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .buildAsync(uri, this)
        .whenComplete(
            (ws, error) -> {
              if (error != null) {
                log.warn("Cannot connect to Asterisk's events at {}: {}", base, error.toString());
                reconnects.schedule(this::connect, 10, TimeUnit.SECONDS);
              } else {
                socket = ws;
                log.info("Listening to Asterisk's events (application {})", properties.app());
              }
            });
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String message = partial.toString();
      partial.setLength(0);
      try {
        Optional<TelephonyEvent> event = mapper.map(message);
        event.ifPresent(e -> events.accept(e, sha256(message), "asterisk"));
      } catch (RuntimeException e) {
        log.warn("Asterisk event not processed: {}", e.toString());
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    reconnects.schedule(this::connect, 5, TimeUnit.SECONDS);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    log.warn("Asterisk's event stream failed: {}", error.toString());
    reconnects.schedule(this::connect, 10, TimeUnit.SECONDS);
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (socket != null) {
      socket.abort();
    }
    if (reconnects != null) {
      reconnects.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static String sha256(String message) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
