package it.sportello.notification.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import it.sportello.notification.CitizenMessagePort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The App IO and SMS adapters against a fake HTTP server (the JDK's). */
class CitizenChannelAdaptersTest {

  private final ObjectMapper json = new ObjectMapper();
  private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(201);
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              Map.of(
                  "method", exchange.getRequestMethod(),
                  "path", exchange.getRequestURI().getPath(),
                  "key",
                      String.valueOf(
                          exchange.getRequestHeaders().getFirst("Ocp-Apim-Subscription-Key")),
                  "authorization",
                      String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                  "body", body));
          byte[] answer = "{\"id\":\"01ABC\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status.get(), answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private CitizenChannelsProperties properties(boolean appIo, boolean sms) {
    return new CitizenChannelsProperties(
        new CitizenChannelsProperties.AppIo(appIo, base(), "service-key-123"),
        new CitizenChannelsProperties.Sms(sms, base().resolve("/sms/send"), "gw-token", "Comune"),
        3,
        Duration.ofMinutes(1),
        Duration.ofSeconds(5),
        Duration.ofMinutes(1),
        Duration.ofHours(1));
  }

  private static CitizenMessagePort.Message message() {
    return new CitizenMessagePort.Message(
        "reminder:1:notice:7:2027-01-18",
        "RSSMRA80A41H501U",
        "Promemoria: scadenza del 18 gennaio 2027",
        "Ti ricordiamo la scadenza del **18 gennaio 2027**: Rata TARI. Paga la rata entro la"
            + " scadenza indicata nell'avviso.",
        Instant.parse("2027-01-18T22:59:00Z"));
  }

  @Test
  void appIoGetsTheMessageWithTheFiscalCodeContentAndTheServiceKey() throws Exception {
    AppIoAdapter adapter = new AppIoAdapter(properties(true, false), json);
    assertThat(adapter.enabled()).isTrue();
    adapter.send(message());

    assertThat(received).hasSize(1);
    Map<String, Object> request = received.get(0);
    assertThat(request.get("method")).isEqualTo("POST");
    assertThat(request.get("path")).isEqualTo("/api/v1/messages");
    assertThat(request.get("key")).isEqualTo("service-key-123");
    JsonNode body = json.readTree(request.get("body").toString());
    assertThat(body.get("fiscal_code").asText()).isEqualTo("RSSMRA80A41H501U");
    assertThat(body.at("/content/subject").asText()).startsWith("Promemoria: scadenza");
    assertThat(body.at("/content/markdown").asText().length()).isBetween(80, 10_000);
    assertThat(body.at("/content/due_date").asText()).isEqualTo("2027-01-18T22:59:00Z");
  }

  @Test
  void appIoRefusingTheMessageIsADeliveryFailure() {
    status.set(404);
    AppIoAdapter adapter = new AppIoAdapter(properties(true, false), json);
    assertThatThrownBy(() -> adapter.send(message()))
        .isInstanceOf(CitizenMessagePort.DeliveryFailed.class)
        .hasMessageContaining("404");
  }

  @Test
  void theSmsGatewayGetsThePlainTextWithTheTokenAndTheReference() throws Exception {
    status.set(202);
    SmsGatewayAdapter adapter = new SmsGatewayAdapter(properties(false, true), json);
    assertThat(adapter.enabled()).isTrue();
    adapter.send(
        new CitizenMessagePort.Message(
            "reminder:2:answer", "+393331234567", "Promemoria", "Risposta **attesa**", null));
    Map<String, Object> request = received.get(0);
    assertThat(request.get("path")).isEqualTo("/sms/send");
    assertThat(request.get("authorization")).isEqualTo("Bearer gw-token");
    JsonNode body = json.readTree(request.get("body").toString());
    assertThat(body.get("to").asText()).isEqualTo("+393331234567");
    assertThat(body.get("from").asText()).isEqualTo("Comune");
    assertThat(body.get("text").asText()).isEqualTo("Promemoria\nRisposta attesa");
    assertThat(body.get("reference").asText()).isEqualTo("reminder:2:answer");

    status.set(503);
    assertThatThrownBy(() -> adapter.send(message()))
        .isInstanceOf(CitizenMessagePort.DeliveryFailed.class)
        .hasMessageContaining("503");
  }

  @Test
  void bothAreOffByDefault() {
    CitizenChannelsProperties off =
        new CitizenChannelsProperties(
            new CitizenChannelsProperties.AppIo(false, base(), null),
            new CitizenChannelsProperties.Sms(false, null, null, null),
            5,
            Duration.ofMinutes(1),
            Duration.ofSeconds(5),
            Duration.ofMinutes(1),
            Duration.ofHours(1));
    assertThat(new AppIoAdapter(off, json).enabled()).isFalse();
    assertThat(new SmsGatewayAdapter(off, json).enabled()).isFalse();
    assertThat(received).isEmpty();
  }
}
