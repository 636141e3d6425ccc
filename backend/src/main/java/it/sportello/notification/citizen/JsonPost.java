package it.sportello.notification.citizen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.notification.CitizenMessagePort.DeliveryFailed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A JSON body posted to a citizens' messaging service; a service that cannot be reached or answers
 * with another status than {@code expected} fails the delivery (it is retried, then quarantined).
 */
final class JsonPost {

  private final HttpClient http;
  private final Duration timeout;

  JsonPost(Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timeout = timeout;
  }

  /**
   * @param service the service's name in the failure's message
   * @param accepted whether the answer's status means delivered
   */
  void send(
      String service,
      URI uri,
      Map<String, String> headers,
      ObjectNode body,
      java.util.function.IntPredicate accepted) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryFailed(service + " not reachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("Interrupted", e);
    }
    if (!accepted.test(response.statusCode())) {
      throw new DeliveryFailed(
          service + " answered " + response.statusCode() + ": " + Texts.shortened(response.body()));
    }
  }
}
