package it.sportello.notification.citizen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * App IO's messaging API: {@code POST /api/v1/messages} with the citizen's fiscal code in the body,
 * {@code content.subject} (10–120 characters), {@code content.markdown} (80–10000) and {@code
 * content.due_date}, authenticated by the service's key in {@code Ocp-Apim-Subscription-Key}; 201
 * is delivered. A citizen without App IO, or who does not accept this service's messages, gets a
 * 4xx: the message fails and, after the attempts, is quarantined.
 */
@Component
class AppIoAdapter extends HttpChannelAdapter {

  static final String CHANNEL = "APP_IO";

  AppIoAdapter(CitizenChannelsProperties properties, ObjectMapper json) {
    super(CHANNEL, properties, json);
  }

  @Override
  public boolean enabled() {
    CitizenChannelsProperties.AppIo appIo = properties.appIo();
    return appIo.enabled() && appIo.apiKey() != null && !appIo.apiKey().isBlank();
  }

  @Override
  public void send(Message message) {
    ObjectNode body = body();
    body.put("fiscal_code", message.recipient());
    body.put("feature_level_type", "STANDARD");
    ObjectNode content = body.putObject("content");
    content.put("subject", Texts.between(message.subject(), 10, 120));
    content.put("markdown", Texts.between(message.markdown(), 80, 10_000));
    if (message.dueDate() != null) {
      content.put("due_date", message.dueDate().toString());
    }
    post.send(
        "App IO",
        properties.appIo().baseUrl().resolve("/api/v1/messages"),
        Map.of("Ocp-Apim-Subscription-Key", properties.appIo().apiKey()),
        body,
        status -> status == 201);
  }
}
