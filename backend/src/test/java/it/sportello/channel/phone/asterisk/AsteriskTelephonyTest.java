package it.sportello.channel.phone.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import it.sportello.channel.phone.PhoneProperties;
import it.sportello.channel.phone.TelephonyPort.OriginateRequest;
import it.sportello.channel.phone.TelephonyPort.OriginateResult;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Originate against a fake ARI server (the JDK's HTTP server). */
class AsteriskTelephonyTest {

  private HttpServer server;
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private AsteriskTelephony telephony;

  @BeforeEach
  void startFakeAri() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/ari/channels",
        exchange -> {
          Map<String, String> request =
              Stream.of(exchange.getRequestURI().getRawQuery().split("&"))
                  .map(pair -> pair.split("=", 2))
                  .collect(
                      Collectors.toMap(
                          pair -> pair[0],
                          pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
          request.put("method", exchange.getRequestMethod());
          request.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
          requests.add(request);
          byte[] body =
              status.get() == 200
                  ? ("{\"id\":\"" + request.get("channelId") + "\",\"state\":\"Down\"}")
                      .getBytes(StandardCharsets.UTF_8)
                  : "{\"message\":\"nope\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    telephony =
        new AsteriskTelephony(
            new PhoneProperties.Asterisk(
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "sportello",
                "s3cret",
                "PJSIP/{number}@trunk",
                "sportello",
                "agents",
                "+390600000000"));
  }

  @AfterEach
  void stopFakeAri() {
    server.stop(0);
  }

  @Test
  void originateCallsTheRequesterAndConnectsTheAgentsExtension() {
    OriginateResult result =
        telephony.originate(
            new OriginateRequest("callback-7-1", "+390612345678", "operator2", "RS-2026-000001"));

    assertThat(result.status()).isEqualTo(OriginateResult.Status.ORIGINATED);
    assertThat(result.platformId()).isEqualTo("sportello-callback-7-1");
    assertThat(requests).hasSize(1);
    Map<String, String> request = requests.get(0);
    assertThat(request)
        .containsEntry("method", "POST")
        .containsEntry("endpoint", "PJSIP/+390612345678@trunk")
        .containsEntry("extension", "operator2")
        .containsEntry("context", "agents")
        .containsEntry("channelId", "sportello-callback-7-1")
        .containsEntry("callerId", "+390600000000");
    assertThat(request.get("authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("sportello:s3cret".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aRetryOfAnAttemptAlreadyPlacedIsNotASecondCall() {
    status.set(409);

    OriginateResult result =
        telephony.originate(
            new OriginateRequest("callback-7-1", "+390612345678", "operator2", null));

    assertThat(result.status()).isEqualTo(OriginateResult.Status.ORIGINATED);
  }

  @Test
  void aRefusedNumberFailsTheAttemptAndAServerErrorIsRetried() {
    status.set(400);
    assertThat(
            telephony
                .originate(new OriginateRequest("callback-8-1", "123", "operator2", null))
                .status())
        .isEqualTo(OriginateResult.Status.FAILED);

    status.set(500);
    assertThatThrownBy(
            () ->
                telephony.originate(new OriginateRequest("callback-8-2", "123", "operator2", null)))
        .isInstanceOf(IllegalStateException.class);
  }
}
