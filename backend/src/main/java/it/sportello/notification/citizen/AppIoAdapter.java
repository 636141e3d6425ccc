package it.sportello.notification.citizen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.notification.CitizenMessagePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.stereotype.Component;

/**
 * App IO's messaging API: {@code POST /api/v1/messages} with the citizen's fiscal code in the body,
 * {@code content.subject} (10–120 characters), {@code content.markdown} (80–10000) and {@code
 * content.due_date}, authenticated by the service's key in {@code Ocp-Apim-Subscription-Key}; 201
 * is delivered. A citizen without App IO, or who does not accept this service's messages, gets a
 * 4xx: the message fails and, after the attempts, is quarantined.
 */
@Component
class AppIoAdapter implements CitizenMessagePort {

  static final String CHANNEL = "APP_IO";

  private final CitizenChannelsProperties properties;
  private final ObjectMapper json;
  private final HttpClient http;

  AppIoAdapter(CitizenChannelsProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public boolean enabled() {
    CitizenChannelsProperties.AppIo appIo = properties.appIo();
    return appIo.enabled() && appIo.apiKey() != null && !appIo.apiKey().isBlank();
  }

  @Override
  public void send(Message message) {
    ObjectNode body = json.createObjectNode();
    body.put("fiscal_code", message.recipient());
    body.put("feature_level_type", "STANDARD");
    ObjectNode content = body.putObject("content");
    content.put("subject", Texts.between(message.subject(), 10, 120));
    content.put("markdown", Texts.between(message.markdown(), 80, 10_000));
    if (message.dueDate() != null) {
      content.put("due_date", message.dueDate().toString());
    }
    URI uri = properties.appIo().baseUrl().resolve("/api/v1/messages");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(properties.timeout())
            .header("Content-Type", "application/json")
            .header("Ocp-Apim-Subscription-Key", properties.appIo().apiKey())
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryFailed("App IO not reachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("Interrupted", e);
    }
    if (response.statusCode() != 201) {
      throw new DeliveryFailed(
          "App IO answered " + response.statusCode() + ": " + Texts.shortened(response.body()));
    }
  }
}
