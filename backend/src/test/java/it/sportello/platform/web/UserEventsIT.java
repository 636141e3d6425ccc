package it.sportello.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.sportello.IntegrationTest;
import it.sportello.SecondNode;
import it.sportello.distribution.OfferMade;
import it.sportello.notification.AppNotificationKind;
import it.sportello.notification.InAppNotifications;
import it.sportello.notification.Recipient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One connection per browser tab ({@code GET /api/me/events}) carries the inbox's, the
 * notifications' and the offers' events for its user, and not another user's; a reconnect with
 * {@code Last-Event-ID} gets what it missed; an event sent on another node reaches it too.
 */
class UserEventsIT extends IntegrationTest {

  /** One server-sent event as read from the wire. */
  record Event(String name, String id, String data) {}

  @LocalServerPort int port;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired InAppNotifications notifications;
  @Autowired DataSource dataSource;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<CompletableFuture<?>> streams = new CopyOnWriteArrayList<>();

  private ConfigurableApplicationContext nodeB;

  @AfterEach
  void closeStreams() {
    streams.forEach(stream -> stream.cancel(true));
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @Test
  void oneStreamCarriesEveryKindOfEventForItsUserOnly() {
    List<Event> first = open("operator1", null);
    List<Event> second = open("operator2", null);

    // notifications for operator1, operator2, operator1: a stream's events arrive in order, so
    // operator2's would sit between operator1's two
    notify("operator1");
    notify("operator2");
    notify("operator1");
    await().atMost(Duration.ofSeconds(20)).until(() -> named(first, "notification").size() >= 2);
    await().atMost(Duration.ofSeconds(20)).until(() -> named(second, "notification").size() >= 1);
    assertThat(named(first, "notification")).hasSize(2).allMatch(e -> "changed".equals(e.data()));
    String afterNotifications = named(first, "notification").get(1).id();

    // offers likewise: each stream sees its own tasks only
    String mine = "task-" + UUID.randomUUID();
    String theirs = "task-" + UUID.randomUUID();
    String mineToo = "task-" + UUID.randomUUID();
    publisher.publishEvent(new OfferMade("operator1", mine));
    publisher.publishEvent(new OfferMade("operator2", theirs));
    publisher.publishEvent(new OfferMade("operator1", mineToo));
    await().atMost(Duration.ofSeconds(20)).until(() -> named(first, "offer").size() >= 2);
    await().atMost(Duration.ofSeconds(20)).until(() -> named(second, "offer").size() >= 1);
    assertThat(named(first, "offer"))
        .extracting(Event::data)
        .containsExactly("{\"taskId\":\"" + mine + "\"}", "{\"taskId\":\"" + mineToo + "\"}");
    assertThat(named(second, "offer"))
        .extracting(Event::data)
        .containsExactly("{\"taskId\":\"" + theirs + "\"}");

    // a new ticket's task: a data-free "reload" signal for every open inbox
    post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Un flusso per scheda"));
    await().atMost(Duration.ofSeconds(20)).until(() -> named(first, "inbox").size() > 0);
    await().atMost(Duration.ofSeconds(20)).until(() -> named(second, "inbox").size() > 0);
    assertThat(named(first, "inbox").get(0).data()).isEqualTo("changed");

    // operator1's browser reconnects after its notifications: it gets what it missed since (its
    // two offers, the inbox signal), never operator2's offer
    List<Event> again = open("operator1", afterNotifications);
    await().atMost(Duration.ofSeconds(20)).until(() -> named(again, "inbox").size() > 0);
    assertThat(named(again, "offer"))
        .extracting(Event::data)
        .containsExactly("{\"taskId\":\"" + mine + "\"}", "{\"taskId\":\"" + mineToo + "\"}");
    assertThat(again).noneMatch(event -> event.data().contains(theirs));
    long last = sequence(afterNotifications);
    assertThat(again.stream().filter(event -> event.id() != null))
        .allMatch(event -> sequence(event.id()) > last);
  }

  @Test
  void anOfferMadeOnAnotherNodeReachesTheStreamOnThisOne() throws Exception {
    List<Event> mineHere = open("operator1", null);
    nodeB = SecondNode.start(dataSource);
    String task = "task-" + UUID.randomUUID();
    // the round that made the offer ran on node B; operator1's tab is connected to this node
    nodeB.publishEvent(new OfferMade("operator1", task));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> named(mineHere, "offer").stream().anyMatch(e -> e.data().contains(task)));
  }

  @Test
  void theOldStreamsAreGone() {
    for (String path :
        List.of(
            "/api/inbox/events",
            "/api/notifications/events",
            "/api/phone/stream",
            "/api/me/offers/stream")) {
      assertThat(get(path, "operator1").getStatusCode().is2xxSuccessful()).as(path).isFalse();
    }
  }

  private void notify(String user) {
    notifications.publish(
        "events-it:" + UUID.randomUUID(),
        AppNotificationKind.ASSIGNED,
        "RS-EVENTS-IT",
        Map.of("by", "supervisor"),
        List.of(Recipient.user(user)));
  }

  private static long sequence(String id) {
    return Long.parseLong(id.substring(id.indexOf('.') + 1));
  }

  private static List<Event> named(List<Event> events, String name) {
    return events.stream().filter(event -> name.equals(event.name())).toList();
  }

  /** Opens a stream as {@code user}, waits for its {@code ready}, and collects its events. */
  private List<Event> open(String user, String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me/events"))
            .header("Accept", "text/event-stream")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    List<Event> events = new CopyOnWriteArrayList<>();
    CompletableFuture<?> stream =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
            .thenAccept(
                response -> {
                  String[] current = {null, null, null};
                  response
                      .body()
                      .forEach(
                          line -> {
                            if (line.startsWith("event:")) {
                              current[0] = line.substring(6).strip();
                            } else if (line.startsWith("id:")) {
                              current[1] = line.substring(3).strip();
                            } else if (line.startsWith("data:")) {
                              current[2] = line.substring(5).strip();
                            } else if (line.isEmpty() && current[0] != null) {
                              events.add(new Event(current[0], current[1], current[2]));
                              current[0] = current[1] = current[2] = null;
                            }
                          });
                });
    streams.add(stream);
    await().atMost(Duration.ofSeconds(20)).until(() -> named(events, "ready").size() == 1);
    return events;
  }
}
