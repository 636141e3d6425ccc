package it.sportello.notification.citizen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.notification.CitizenMessagePort;

/**
 * What the HTTP adapters of the citizens' channels share: their channel's name, the settings, a
 * JSON body to fill and the {@link JsonPost} that sends it within the configured timeout.
 */
abstract class HttpChannelAdapter implements CitizenMessagePort {

  protected final CitizenChannelsProperties properties;
  protected final JsonPost post;
  private final ObjectMapper json;
  private final String channel;

  HttpChannelAdapter(String channel, CitizenChannelsProperties properties, ObjectMapper json) {
    this.channel = channel;
    this.properties = properties;
    this.json = json;
    this.post = new JsonPost(properties.timeout());
  }

  @Override
  public String channel() {
    return channel;
  }

  /** An empty JSON object, the body to post. */
  protected ObjectNode body() {
    return json.createObjectNode();
  }
}
