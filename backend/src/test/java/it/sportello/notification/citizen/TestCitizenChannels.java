package it.sportello.notification.citizen;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.notification.CitizenMessagePort;
import it.sportello.notification.Notifications;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The real SMS adapter and dispatcher for tests of other modules (e.g. the alerts). */
public final class TestCitizenChannels {

  private TestCitizenChannels() {}

  private static CitizenChannelsProperties sms(URI url) {
    return new CitizenChannelsProperties(
        new CitizenChannelsProperties.AppIo(false, null, null),
        new CitizenChannelsProperties.Sms(true, url, "gw-token", "Comune"),
        3,
        Duration.ofMinutes(1),
        Duration.ofSeconds(5),
        Duration.ofMinutes(1),
        Duration.ofHours(1));
  }

  /** An enabled SMS gateway adapter posting to {@code url}. */
  public static CitizenMessagePort smsGateway(URI url) {
    return new SmsGatewayAdapter(sms(url), new ObjectMapper());
  }

  /** One dispatch round over these ports; @return how many messages were sent. */
  public static int dispatch(List<CitizenMessagePort> ports, Notifications notifications, URI url) {
    return new CitizenMessageDispatcher(
            ports,
            notifications,
            sms(url),
            new it.sportello.shared.TextTemplates(
                new it.sportello.shared.TemplateProperties(null, "it")))
        .dispatch();
  }
}
