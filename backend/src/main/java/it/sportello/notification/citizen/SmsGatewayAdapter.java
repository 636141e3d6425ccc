package it.sportello.notification.citizen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SMS through a configurable HTTP gateway: {@code POST <url>} with JSON {@code {to, from, text,
 * reference}} (the reference is the outbox's dedup key, for gateways that drop duplicates) and a
 * bearer token; any 2xx is delivered. The text is the subject and the message without Markdown,
 * shortened to 459 characters (three SMS).
 */
@Component
class SmsGatewayAdapter extends HttpChannelAdapter {

  static final String CHANNEL = "SMS";
  private static final int MAX_TEXT = 459;

  SmsGatewayAdapter(CitizenChannelsProperties properties, ObjectMapper json) {
    super(CHANNEL, properties, json);
  }

  @Override
  public boolean enabled() {
    return properties.sms().enabled()
        && properties.sms().url() != null
        && !properties.sms().url().toString().isBlank();
  }

  @Override
  public void send(Message message) {
    ObjectNode body = body();
    body.put("to", message.recipient());
    if (properties.sms().sender() != null) {
      body.put("from", properties.sms().sender());
    }
    String text = message.subject() + "\n" + Texts.plain(message.markdown());
    body.put("text", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text);
    body.put("reference", message.dedupKey());
    String token = properties.sms().token();
    post.send(
        "SMS gateway",
        properties.sms().url(),
        token == null || token.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + token),
        body,
        status -> status / 100 == 2);
  }
}
